// "Copy invitation": the room's title, its schedule in the host's language and time zone, and the link, as
// plain text ready for mail or chat. No words of its own, so it needs no translation.
import { formatSchedule } from '../guest-entry-form/schedule.ts';
import type { RoomSchedule } from './api-client.ts';

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
  const schedule = formatSchedule({ ...room, timeZone: zone }, locale);
  return [room.title, schedule, url].filter(Boolean).join('\n');
}
