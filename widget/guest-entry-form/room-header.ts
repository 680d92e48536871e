// The top of the card: the tenant's brand (its logo, else its initial and name), and, once the room is
// known, a badge from its schedule ("Live now", "Starts in 20 min"), its title and its schedule (the
// article's access-removed page shows just these above its message).
import { html, nothing } from 'lit';
import type { LinkPage, RoomSchedule } from '../internal/api-client.ts';
import { scheduleParts, scheduleTemplate } from '../internal/schedule.ts';
import type { EntryTranslation } from '../locales/en.ts';

const MINUTE = 60_000;

export function brand(branding: LinkPage['branding'] | undefined) {
  if (!branding) return nothing;
  if (branding.logoUrl)
    return html`<div class="brand"><img part="logo" class="logo" src=${branding.logoUrl} alt=${branding.name} /></div>`;
  const initial = [...branding.name.trim()][0]?.toLocaleUpperCase() ?? '';
  return html`<div part="brand" class="brand">
    <span class="initial" aria-hidden="true">${initial}</span><span class="brand-name">${branding.name}</span>
  </div>`;
}

/** "Live now" between start and end, "Starts in …" within a day of the start, "Ended" after the end. */
export function scheduleBadge(t: EntryTranslation, room: RoomSchedule, now: number, language: string) {
  if (!room.startsAt) return nothing;
  const start = Date.parse(room.startsAt);
  const end = room.endsAt ? Date.parse(room.endsAt) : undefined;
  let kind: 'live' | 'soon' | 'ended';
  let label: string;
  if (end !== undefined && now >= end) [kind, label] = ['ended', t.entry.ended];
  else if (now >= start) [kind, label] = ['live', t.entry.liveNow];
  else if (start - now < 24 * 60 * MINUTE) {
    const minutes = Math.ceil((start - now) / MINUTE);
    const [value, unit] = minutes < 60 ? [minutes, 'minute'] : [Math.round(minutes / 60), 'hour'];
    const duration = new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short' }).format(
      value,
    );
    [kind, label] = ['soon', t.entry.startsIn(duration)];
  } else return nothing;
  return html`<span part="badge" class="badge" data-badge=${kind}>${label}</span>`;
}

export function roomHeader(t: EntryTranslation, room: RoomSchedule, now: number, language: string) {
  const schedule = scheduleParts(room, language);
  // Not a <header>: inside a page it would be a second banner landmark.
  return html`<div class="room">
    ${scheduleBadge(t, room, now, language)}
    <h1 part="title" tabindex="-1">${room.title}</h1>
    ${schedule ? html`<p part="schedule" class="schedule">${scheduleTemplate(schedule)}</p>` : nothing}
  </div>`;
}
