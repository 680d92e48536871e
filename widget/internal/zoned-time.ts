// A `datetime-local` field's wall-clock value ("2026-12-24T18:30") in a given IANA time zone, to and from
// an instant: the field itself only knows the browser's zone, the room may have another.

const pad = (n: number) => String(n).padStart(2, '0');

/** How far the zone's wall clock is ahead of UTC at `ms`, in ms. */
function offset(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant a wall-clock "YYYY-MM-DDTHH:mm" means in `zone`; NaN when it is not one. */
export function zonedToInstant(local: string, zone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return Number.NaN;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Twice: the offset at the guess may differ from the one at the answer across a DST change.
  const first = asUtc - offset(asUtc, zone);
  return asUtc - offset(first, zone);
}

/** The wall clock "YYYY-MM-DDTHH:mm" in `zone` at the instant `ms`. */
export function instantToZoned(ms: number, zone: string): string {
  const wall = new Date(ms + offset(ms, zone));
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(
    wall.getUTCHours(),
  )}:${pad(wall.getUTCMinutes())}`;
}
