// "Copy invitation": the room's title, its schedule in the host's language and time zone, and the link, as
// plain text ready for mail or chat. No words of its own, so it needs no translation.
import type { RoomSchedule } from './api-client.ts';
import { scheduleParts } from './schedule.ts';

export interface InvitationInput {
  room: RoomSchedule;
  /** The link's URL. */
  url: string;
  /** The host's language (BCP 47), e.g. the manager's `lang`. */
  locale: string;
  /** The host's IANA time zone; default: this browser's. */
  timeZone?: string;
}

/** Title, schedule (when the room has one) and link, one per line. */
export function invitationText({ room, url, locale, timeZone }: InvitationInput): string {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The guests' own formatter, as plain text: no isolates or markup, which mail and chat would show.
  const parts = scheduleParts({ ...room, timeZone: zone }, locale);
  const schedule = parts && `${parts.date} · ${parts.times}${parts.zone ? ` ${parts.zone}` : ''}`;
  return [room.title, schedule, url].filter(Boolean).join('\n');
}
