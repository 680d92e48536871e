// The SPEC's rules in one place: limits, expiry, link status, when a link or guest session is usable,
// and who may decide what. Routes call these; nothing here knows HTTP or SQL.

import { DAY_MS, expiresAtFor, MAX_LINK_DAYS, MAX_LINKS_PER_ROOM } from '../widget/internal/limits.ts';
import { ApiError } from './errors.ts';
import type {
  Admission,
  Guest,
  GuestStatus,
  Link,
  Room,
  RoomFields,
  RoomType,
  Tenant,
} from './store/types.ts';

export {
  expiresAtFor,
  LOBBY_MESSAGE_MAX_LENGTH,
  MAX_LINK_DAYS,
  MAX_LINK_USES,
  MAX_LINKS_PER_ROOM,
  NAME_MAX_LENGTH,
} from '../widget/internal/limits.ts';

export type LinkStatus = 'active' | 'expired' | 'used_up' | 'paused' | 'inactive';

/**
 * The expiry a create or edit asks for: `durationDays` counts from `now`, `expiresAt` is an instant (in the
 * future, at most MAX_LINK_DAYS ahead, as a duration could reach); null never expires, undefined keeps it.
 */
export function requestedExpiry(
  input: { durationDays?: number | null; expiresAt?: string | null },
  now: number,
): number | null | undefined {
  const invalid = (message: string) =>
    new ApiError('validation_failed', 400, 'Some fields are not valid.', { expiresAt: message });
  if (input.durationDays !== undefined && input.expiresAt !== undefined)
    throw invalid('Give either durationDays or expiresAt, not both.');
  if (input.expiresAt === undefined)
    return input.durationDays === undefined ? undefined : expiresAtFor(now, input.durationDays);
  if (input.expiresAt === null) return null;
  const expiresAt = parseInstant(input.expiresAt);
  if (expiresAt <= now) throw invalid('The expiry must be in the future.');
  if (expiresAt > now + MAX_LINK_DAYS * DAY_MS)
    throw invalid(`The expiry must be at most ${MAX_LINK_DAYS} days ahead.`);
  return expiresAt;
}

/** Rule 2 on an edit: a use limit below the uses counted so far would take back uses already given. */
export const maxUsesBelowUses = (uses: number) =>
  new ApiError(
    'max_uses_below_uses',
    409,
    `This link has been used ${uses} ${uses === 1 ? 'time' : 'times'}; its number of clicks can be ${uses} or more, or unlimited.`,
    { maxUses: `At least ${uses}.` },
  );

const isExpired = (link: Link, now: number) => link.expiresAt !== null && link.expiresAt <= now;
const isUsedUp = (link: Link) => link.maxUses !== null && link.uses >= link.maxUses;

/** What the host list shows: permanent states first, then the switch (rule 4). */
export function linkStatus(link: Link, room: Room, now: number): LinkStatus {
  if (isExpired(link, now)) return 'expired';
  if (isUsedUp(link)) return 'used_up';
  if (link.paused) return 'paused';
  return room.guestAccessEnabled ? 'active' : 'inactive';
}

/** The policy a new guest of this link meets: the link's own, or the room's when it says `room`. */
export const admissionFor = (link: Link, room: Room): Admission =>
  link.admission === 'room' ? room.admission : link.admission;

/** Rule 7: the tenant's modules and the room type must allow guest access at all. */
export function guestAccessRefusal(tenant: Tenant, room: Room): ApiError | null {
  if (!tenant.modules.inviteToMedia) {
    return new ApiError(
      'module_disabled',
      403,
      'Guest access needs the inviteToMedia module, which is off for this account.',
      { module: 'inviteToMedia' },
    );
  }
  if (!tenant.modules.theming.mediaPage) {
    return new ApiError(
      'module_disabled',
      403,
      "Guest access needs the theming module with the 'mediaPage' feature, which is off for this account.",
      { module: 'theming.mediaPage' },
    );
  }
  if (room.type === 'channel') {
    return new ApiError('unsupported_room_type', 409, 'Guest access is not supported for channel rooms.');
  }
  return null;
}

/**
 * Rule 3: a link is usable only while the room is available with guest access on, and the link is neither
 * deleted, paused nor expired; a new guest also needs a use left. Rule 9: a returning guest skips the use
 * limit. A paused link is like guest access off for this one link (rule 4): it works again when resumed.
 */
export function isLinkUsable(
  context: { tenant: Tenant; room: Room; link: Link },
  now: number,
  forNewGuest: boolean,
): boolean {
  const { tenant, room, link } = context;
  return (
    room.removedAt === null &&
    guestAccessRefusal(tenant, room) === null &&
    room.guestAccessEnabled &&
    link.deletedAt === null &&
    !link.paused &&
    !isExpired(link, now) &&
    !(forNewGuest && isUsedUp(link))
  );
}

/** Rules 1 and 4: a new link needs guest access on and fewer than MAX_LINKS_PER_ROOM links in the room. */
export function linkCreationRefusal(room: Room, linkCount: number): ApiError | null {
  if (!room.guestAccessEnabled) {
    return new ApiError('guest_access_disabled', 409, 'Turn guest access on before creating links.');
  }
  if (linkCount >= MAX_LINKS_PER_ROOM) {
    return new ApiError(
      'link_limit_reached',
      409,
      `A room can have at most ${MAX_LINKS_PER_ROOM} guest links. Delete one to create another.`,
    );
  }
  return null;
}

export type Decision = 'admit' | 'deny' | 'remove';

const decisionResults: Record<Decision, { from: GuestStatus[]; to: GuestStatus }> = {
  admit: { from: ['waiting'], to: 'admitted' },
  deny: { from: ['waiting'], to: 'denied' },
  remove: { from: ['waiting', 'admitted'], to: 'removed' },
};

/** The status a decision leads to, or an error when the guest is past it (deciding twice is harmless). */
export function decide(current: GuestStatus, decision: Decision): GuestStatus {
  const { from, to } = decisionResults[decision];
  if (current === to || from.includes(current)) return to;
  throw new ApiError('guest_already_decided', 409, `This guest is ${current} and cannot be ${to} now.`);
}

/** Asking again: a denied guest may knock this many times, this far apart. */
export const MAX_KNOCKS = 3;
export const KNOCK_INTERVAL_MS = 60_000;

/** When the guest may knock next (null: now, if any knock is left), and how many knocks are left. */
export function knockState(guest: Guest, now: number) {
  const left = Math.max(MAX_KNOCKS - guest.knocks, 0);
  const next = guest.knockedAt === null ? null : guest.knockedAt + KNOCK_INTERVAL_MS;
  return { left, availableAt: left > 0 && next !== null && next > now ? next : null };
}

/** Why a guest may not knock now, or null: only a denied guest, at most MAX_KNOCKS times, KNOCK_INTERVAL_MS apart. */
export function knockRefusal(guest: Guest, now: number): ApiError | null {
  if (guest.status !== 'denied') {
    return new ApiError(
      'guest_already_decided',
      409,
      `This guest is ${guest.status}; only a denied guest can ask again.`,
    );
  }
  const { left, availableAt } = knockState(guest, now);
  if (left === 0) {
    return new ApiError('rate_limited', 429, `You have asked ${MAX_KNOCKS} times already.`);
  }
  if (availableAt !== null) {
    const seconds = Math.ceil((availableAt - now) / 1000);
    return new ApiError(
      'rate_limited',
      429,
      `You can ask again in ${seconds} seconds.`,
      undefined,
      undefined,
      { 'Retry-After': String(seconds) },
    );
  }
  return null;
}

/** Admitting lets a guest in through guest access: it must be on (else they would land on the access-removed page). */
export function admitRefusal(room: Room): ApiError | null {
  return room.guestAccessEnabled
    ? null
    : new ApiError('guest_access_disabled', 409, 'Turn on guest access to admit guests.');
}

/** A guest turned away by a moderator, or gone: their stream ends and their session no longer re-validates. */
export const isFinal = (status: GuestStatus) =>
  status === 'denied' || status === 'removed' || status === 'left';

/**
 * An ISO-8601 date-time as milliseconds; NaN for a day the month lacks (Date.parse would turn 02-31 into
 * March 3). Without an offset it is UTC, as the contract's timestamps are, never the server's own zone.
 */
export function parseInstant(text: string): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})T/.exec(text);
  if (!date) return Number.NaN;
  const [year, month, day] = date.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12 || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day)
    return Number.NaN;
  return Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`);
}

/** A room's registration as stored: instants as milliseconds, the end not before the start. */
export function roomFields(input: {
  title: string;
  type: RoomType;
  startsAt?: string | null;
  endsAt?: string | null;
  timeZone?: string | null;
  joinUrl?: string | null;
}): RoomFields {
  const startsAt = input.startsAt ? parseInstant(input.startsAt) : null;
  const endsAt = input.endsAt ? parseInstant(input.endsAt) : null;
  if (startsAt !== null && endsAt !== null && endsAt < startsAt) {
    throw new ApiError('validation_failed', 400, 'Some fields are not valid.', {
      endsAt: 'End must not be before start.',
    });
  }
  return {
    title: input.title,
    type: input.type,
    startsAt,
    endsAt,
    timeZone: input.timeZone ?? null,
    joinUrl: input.joinUrl ?? null,
  };
}
