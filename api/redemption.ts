// Opening and redeeming a link (rules 3, 8, 9, 11) and re-validating a guest's session (rules 6, 9).
import { ApiError, LINK_UNAVAILABLE_MESSAGE } from './errors.ts';
import { isLinkUsable } from './rules.ts';
import { lookupHash } from './secrets.ts';
import type { Guest } from './store/guests.ts';
import type { Store } from './store/index.ts';
import type { Link } from './store/links.ts';
import type { Room } from './store/rooms.ts';
import type { Tenant } from './store/tenants.ts';
import { scheduleView } from './views.ts';

export interface LinkContext {
  tenant: Tenant;
  room: Room;
  link: Link;
}

const TOKEN_CHARACTER = /[A-Za-z0-9_-]/;

/**
 * A link token as the URL carried it, without the trailing punctuation or whitespace that mail clients'
 * linkifiers keep (`…Bq.`, `…Bq%20`): a token never ends in one, so only a holder of the real token gains.
 * A loop rather than a `$`-anchored regex, which backtracks quadratically over a long run of such characters.
 */
export function linkToken(raw: string): string {
  let end = raw.length;
  while (end > 0 && !TOKEN_CHARACTER.test(raw.charAt(end - 1))) end -= 1;
  return raw.slice(0, end);
}

/** The link a token names, with its room and tenant; undefined for a token that was never real. */
export function resolveLink(store: Store, token: string): LinkContext | undefined {
  return store.linkContexts.byTokenHash(lookupHash(linkToken(token)));
}

/** Rule 14: the room's title and schedule only where the token was real. */
export const linkUnavailable = (room?: Room) =>
  new ApiError(
    'link_unavailable',
    410,
    LINK_UNAVAILABLE_MESSAGE,
    undefined,
    room && { room: scheduleView(room) },
  );

export const idempotencyKeyReused = () =>
  new ApiError(
    'idempotency_key_reused',
    422,
    'This Idempotency-Key was already sent with a different name or email; send a new key for a new request.',
  );

export interface Redemption extends LinkContext {
  guest: Guest;
  /** False when an earlier submit with the same Idempotency-Key is answered again. */
  counted: boolean;
}

/**
 * One write transaction re-checks rule 3 and counts the use with a statement that cannot pass the limit,
 * so N simultaneous submits on a link with k uses left accept exactly k (rule 9).
 */
export function redeem(
  store: Store,
  context: LinkContext,
  input: { guestId: string; sessionHash: Buffer; name: string; email: string; idempotencyKey: string | null },
  now: number,
): Redemption {
  return store.transaction(() => {
    // Re-read inside the lock: the context was resolved before it.
    const current = store.linkContexts.byLinkId(context.link.id) as LinkContext;
    const { tenant, room, link } = current;
    const earlier = input.idempotencyKey
      ? store.guests.byIdempotencyKey(link.id, input.idempotencyKey)
      : undefined;
    if (earlier) {
      // The guest row holds the normalised body the key was first sent with: another body must not get that guest.
      if (earlier.name !== input.name || earlier.email !== input.email) throw idempotencyKeyReused();
      if (!isLinkUsable(current, now, false)) throw linkUnavailable(room);
      return { ...current, guest: earlier, counted: false };
    }
    // The use is counted by a statement that cannot pass the limit and answers with the link after it.
    const used = isLinkUsable(current, now, true) ? store.links.countUseReturning(link.id) : undefined;
    if (!used) throw linkUnavailable(room);
    const guest = store.guests.insert(
      {
        id: input.guestId,
        roomPk: room.pk,
        linkId: link.id,
        name: input.name,
        email: input.email,
        status: room.admission === 'auto' ? 'admitted' : 'waiting',
        sessionHash: input.sessionHash,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
      },
      used.name,
    );
    return { tenant, room, link: used, guest, counted: true };
  });
}

/**
 * Group commit: redemptions that reach the database in the same turn of the event loop share one write
 * transaction (BEGIN IMMEDIATE), each inside its own savepoint, so one refused (410) or failing redemption
 * rolls back alone while the others keep theirs. No answer leaves before the shared COMMIT. Each commit writes
 * the touched pages (guest row, five indexes, the link's use count) to the WAL once for the whole group
 * instead of once per redemption: those writes were most of a redemption's cost.
 */
export function createRedemptionQueue(store: Store) {
  type Pending = {
    run: () => Redemption;
    resolve: (redemption: Redemption) => void;
    reject: (error: unknown) => void;
  };
  let pending: Pending[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    const outcomes: Array<{ ok: true; value: Redemption } | { ok: false; error: unknown }> = [];
    try {
      store.transaction(() => {
        for (const item of batch) {
          // `redeem` runs its own transaction, which nested in this one is a savepoint.
          try {
            outcomes.push({ ok: true, value: item.run() });
          } catch (error) {
            // Some failures (e.g. a full disk) make SQLite roll back the whole transaction: then the group
            // fails together, including the redemptions before this one, which went with it.
            if (!store.inTransaction()) throw error;
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // BEGIN or COMMIT failed: nothing of the group was stored.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index] as (typeof outcomes)[number];
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  };
  return (run: () => Redemption): Promise<Redemption> =>
    new Promise((resolve, reject) => {
      pending.push({ run, resolve, reject });
      if (pending.length === 1) setImmediate(flush);
    });
}

/** The link, room and tenant behind a guest; rows are never hard-deleted, so they always exist. */
export function guestContext(store: Store, guest: Guest): LinkContext {
  const room = store.rooms.byPk(guest.roomPk) as Room;
  return {
    room,
    link: store.links.get(guest.linkId) as Link,
    tenant: store.tenants.get(room.tenantId) as Tenant,
  };
}
