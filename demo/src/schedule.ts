// The room's heading as the article shows it: title, then "Thursday, June 12, 2025 10:00 AM - 10:45 AM EST"
// in the room's own time zone.
import type { RoomSchedule } from '../../widget/internal/api-client.ts';

export function formatSchedule(room: RoomSchedule, locale = navigator.language): string {
  if (!room.startsAt) return '';
  const timeZone = room.timeZone ?? undefined;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone }).format(
    new Date(room.startsAt),
  );
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const zone = new Intl.DateTimeFormat(locale, { timeZoneName: 'short', timeZone })
    .formatToParts(new Date(room.startsAt))
    .find((part) => part.type === 'timeZoneName')?.value;
  const start = time.format(new Date(room.startsAt));
  const end = room.endsAt ? ` - ${time.format(new Date(room.endsAt))}` : '';
  return `${day} ${start}${end}${zone ? ` ${zone}` : ''}`;
}

export function showRoomHeading(room: RoomSchedule, title: HTMLElement, schedule: HTMLElement): void {
  title.textContent = room.title;
  schedule.textContent = formatSchedule(room);
  document.title = `${room.title} — Northwind Live`;
}
