// Recording webhook events: one call in the transaction of each change (so a crash loses none), writing the
// event to the outbox for every endpoint subscribed to it; api/webhooks/deliver.ts sends them after the commit.
import { randomId } from '../secrets.ts';
import type { Tables } from '../store/contract.ts';
import type { Guest, GuestAccess, Link, WebhookEventType } from '../store/types.ts';
import { hostGuestView, iso } from '../views.ts';

/** Writes one event to the outbox of the room's tenant; a tenant without subscribed endpoints writes nothing. */
export async function recordWebhookEvent(
  tx: Tables,
  roomPk: number,
  type: WebhookEventType,
  data: object,
  now: number,
): Promise<void> {
  await tx.webhooks.record({
    messageId: `msg_${randomId()}`,
    roomPk,
    type,
    data: JSON.stringify(data),
    createdAt: now,
  });
}

const linkData = (link: Link) => ({
  link: {
    id: link.id,
    name: link.name,
    maxUses: link.maxUses,
    uses: link.uses,
    expiresAt: iso(link.expiresAt),
    createdAt: iso(link.createdAt),
  },
});

/**
 * `guest.<status>` for each guest as changed (one, several or none), passed through so a change site wraps its
 * write in one call: `return recordGuestEvent(tx, await tx.guests.setStatus(…), now)`.
 */
export async function recordGuestEvent<Changed extends Guest | Guest[] | undefined>(
  tx: Tables,
  changed: Changed,
  now: number,
): Promise<Changed> {
  const guests: Guest[] = changed === undefined ? [] : Array.isArray(changed) ? changed : [changed];
  for (const guest of guests) {
    await recordWebhookEvent(tx, guest.roomPk, `guest.${guest.status}`, { guest: hostGuestView(guest) }, now);
  }
  return changed;
}

/** A redemption: the guest waiting or admitted, and `link.used_up` when this use reached the link's limit. */
export async function recordRedemption(tx: Tables, guest: Guest, link: Link, now: number): Promise<void> {
  await recordGuestEvent(tx, guest, now);
  if (link.maxUses !== null && link.uses >= link.maxUses)
    await recordWebhookEvent(tx, link.roomPk, 'link.used_up', linkData(link), now);
}

/** `guest_access.changed` with the room's switch, policy and lobby message after the change; passed through. */
export async function recordGuestAccessChange(
  tx: Tables,
  roomPk: number,
  access: GuestAccess,
  now: number,
): Promise<GuestAccess> {
  await recordWebhookEvent(tx, roomPk, 'guest_access.changed', { guestAccess: access }, now);
  return access;
}

/**
 * `link.expired` for every link whose expiry passed after `after` and by `now` and was not announced yet (once per link and
 * expiry, whichever instance sweeps first); how many were announced.
 */
export async function recordExpiredLinks(
  tx: Tables,
  after: number,
  now: number,
  limit: number,
): Promise<number> {
  const ids = await tx.webhooks.markExpiredLinks(after, now, limit);
  for (const id of ids) {
    const link = (await tx.links.get(id)) as Link;
    await recordWebhookEvent(tx, link.roomPk, 'link.expired', linkData(link), link.expiresAt ?? now);
  }
  return ids.length;
}
