// Opening and redeeming a link (rules 3, 8, 9, 11; a link's own admission policy) and re-validating a guest's session (rules 6, 9).
import { ApiError, LINK_UNAVAILABLE_MESSAGE } from './errors.ts';
import { admissionFor, isLinkUsable } from './rules.ts';
import { lookupHash } from './secrets.ts';
import { DeadlockError, DuplicateKeyError, type LinkContextRead, type Store } from './store/contract.ts';
import type { Guest, Link, Room, Tenant } from './store/types.ts';
import { scheduleView } from './views.ts';
import { recordRedemption } from './webhooks/record.ts';

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
export function resolveLink(store: Store, token: string): Promise<LinkContext | undefined> {
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
 * so N simultaneous submits on a link with k uses left accept exactly k (rule 9). Redemptions share commits
 * (`batchedTransaction`: SQLite's of a turn, PostgreSQL's of a link); none is answered before its commit.
 */
export async function redeem(
  store: Store,
  context: LinkContext,
  input: { guestId: string; sessionHash: Buffer; name: string; email: string; idempotencyKey: string | null },
  now: number,
): Promise<Redemption> {
  const attempt = () =>
    store.batchedTransaction(async (tx): Promise<Redemption> => {
      // Re-read inside the transaction: the context was resolved before it.
      const current = (await tx.linkContexts.byLinkId(context.link.id)) as LinkContextRead;
      const { tenant, room, link } = current;
      const earlier = input.idempotencyKey
        ? await tx.guests.byIdempotencyKey(link.id, input.idempotencyKey)
        : undefined;
      if (earlier) {
        // The guest row holds the normalised body the key was first sent with: another body must not get that guest.
        if (earlier.name !== input.name || earlier.email !== input.email) throw idempotencyKeyReused();
        if (!isLinkUsable(current, now, false)) throw linkUnavailable(room);
        return { ...current, guest: earlier, counted: false };
      }
      if (!isLinkUsable(current, now, true)) throw linkUnavailable(room);
      const guest = await tx.guests.insert(
        {
          id: input.guestId,
          roomPk: room.pk,
          linkId: link.id,
          name: input.name,
          email: input.email,
          status: admissionFor(link, room) === 'auto' ? 'admitted' : 'waiting',
          sessionHash: input.sessionHash,
          idempotencyKey: input.idempotencyKey,
          createdAt: now,
        },
        link.name,
      );
      // The use is counted last, by a statement that cannot pass the limit (and answers with the link after
      // it): the link's row lock, which orders every redemption of the link, is then held only until COMMIT.
      // At the limit it throws, and the guest inserted above rolls back with the transaction.
      const used = await tx.links.countUseReturning(link.id);
      if (!used) throw linkUnavailable(room);
      // A tenant without endpoints has nothing to record: the outbox's insert would find none to write for.
      if (current.hasWebhookEndpoints) await recordRedemption(tx, guest, used, now);
      return { tenant, room, link: used, guest, counted: true };
    }, context.link.id);
  // A link already unusable as read refuses a new guest without a transaction: under a burst on a used-up
  // link the refusals then never queue behind the claims for its row. (A retry with a key is looked up.)
  if (!input.idempotencyKey && !isLinkUsable(context, now, true)) throw linkUnavailable(context.room);
  // Run again, at most twice: the same key submitted at once on another connection won (this one's use rolled
  // back, and it answers as a retry of that one); or, on PostgreSQL, a submit with the same key on another
  // instance waited for this one's shared commit while this one waited for it (one of the two was ended).
  for (let retries = 0; ; retries++) {
    try {
      return await attempt();
    } catch (error) {
      if (retries === 2 || !(error instanceof DuplicateKeyError || error instanceof DeadlockError))
        throw error;
    }
  }
}

/** The link, room and tenant behind a guest; rows are never hard-deleted, so they always exist. */
export async function guestContext(store: Store, guest: Guest): Promise<LinkContext> {
  const context = await store.linkContexts.byLinkId(guest.linkId);
  return context as LinkContext;
}
