// The room's schedule as the guest reads it: in the viewer's language, in the room's own time zone
// (named, so a guest elsewhere can convert), e.g. "Thursday, June 12, 2025, 10:00 AM – 10:45 PM EDT".
import type { RoomSchedule } from '../internal/api-client.ts';

const dateTime: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

export function formatSchedule(room: RoomSchedule, language: string): string | undefined {
  if (!room.startsAt) return undefined;
  const start = new Date(room.startsAt);
  const end = room.endsAt ? new Date(room.endsAt) : undefined;
  try {
    const format = new Intl.DateTimeFormat(language, { ...dateTime, timeZone: room.timeZone ?? undefined });
    return end && end >= start ? format.formatRange(start, end) : format.format(start);
  } catch {
    // An unknown time zone name: fall back to the viewer's own zone rather than show nothing.
    return new Intl.DateTimeFormat(language, dateTime).format(start);
  }
}
