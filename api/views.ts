// The JSON shapes the API answers with, built from store values. Timestamps become ISO-8601 UTC strings.
import { knockState, linkStatus } from './rules.ts';
import { linkToken, type ServerSecret } from './secrets.ts';
import type { Guest, GuestStatus, Link, Room, Tenant } from './store/types.ts';

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The guest-page URL of a link: the tenant's template (default: this server's entry page). */
export function linkUrl(serverSecret: ServerSecret, tenant: Tenant, link: Link, origin: string) {
  const token = linkToken(serverSecret, link.tokenId);
  const template = tenant.guestUrlTemplate ?? '{origin}/g/{token}';
  return template.replaceAll('{origin}', origin).replaceAll('{token}', token);
}

export interface LinkViewContext {
  serverSecret: ServerSecret;
  tenant: Tenant;
  room: Room;
  origin: string;
  now: number;
}

export const linkView = (link: Link, context: LinkViewContext) => ({
  id: link.id,
  name: link.name,
  url: linkUrl(context.serverSecret, context.tenant, link, context.origin),
  maxUses: link.maxUses,
  uses: link.uses,
  expiresAt: iso(link.expiresAt),
  createdAt: iso(link.createdAt) as string,
  status: linkStatus(link, context.room, context.now),
  paused: link.paused,
  admission: link.admission,
});

export type LinkView = ReturnType<typeof linkView>;

export const hostGuestView = (guest: Guest) => ({
  id: guest.id,
  name: guest.name,
  email: guest.email,
  status: guest.status,
  linkId: guest.linkId,
  linkName: guest.linkName,
  createdAt: iso(guest.createdAt) as string,
  decidedAt: iso(guest.decidedAt),
  online: guest.online,
  lastSeenAt: iso(guest.lastSeenAt),
  knocks: guest.knocks,
  admittedAt: iso(guest.admittedAt),
  decidedBy: guest.decidedBy,
  leftAt: iso(guest.leftAt),
  erasedAt: iso(guest.erasedAt),
});

export type HostGuestView = ReturnType<typeof hostGuestView>;

export const publicGuestView = (guest: Guest) => ({ id: guest.id, name: guest.name, status: guest.status });

/** Whether a denied guest may ask again, as the guest sees it. */
export const knockView = (guest: Guest, now: number) => {
  const { left, availableAt } = knockState(guest, now);
  return { left, availableAt: iso(availableAt) };
};

/** What a guest may see of a room before being admitted: title and schedule. */
export const scheduleView = (room: Room) => ({
  title: room.title,
  startsAt: iso(room.startsAt),
  endsAt: iso(room.endsAt),
  timeZone: room.timeZone,
});

/** The room as a guest sees it; the join URL only once admitted (rule 12). */
export const guestRoomView = (room: Room, status: GuestStatus) => ({
  id: room.id,
  ...scheduleView(room),
  joinUrl: status === 'admitted' ? room.joinUrl : null,
});

export const adminRoomView = (room: Room) => ({
  id: room.id,
  ...scheduleView(room),
  joinUrl: room.joinUrl,
  type: room.type,
  guestAccess: { enabled: room.guestAccessEnabled, admission: room.admission },
});

export const tenantView = (tenant: Tenant) => ({
  id: tenant.id,
  name: tenant.name,
  allowedOrigins: tenant.allowedOrigins,
  modules: tenant.modules,
  branding: tenant.branding,
  guestUrlTemplate: tenant.guestUrlTemplate,
});
