// What both modes of the media page share: element lookup, the room's heading, and the status page that
// replaces the media (the entry page's own card and status template, so a guest sees the same page).
import { html, render } from 'lit';
import { styles as cardStyles } from '../../widget/guest-entry-form/guest-entry-form.styles.ts';
import { languageSelect } from '../../widget/guest-entry-form/language-select.ts';
import { roomHeader } from '../../widget/guest-entry-form/room-header.ts';
import type { RoomSchedule } from '../../widget/internal/api-client.ts';
import type { Language } from '../../widget/internal/localize.ts';
import { scheduleParts, scheduleStyles, scheduleTemplate } from '../../widget/internal/schedule.ts';
import { type Status, statusStyles, statusTemplate } from '../../widget/internal/status.ts';
import type { EntryTranslation } from '../../widget/locales/en.ts';

/** A room as the demo backend lists it (GET /demo/api/rooms). */
export interface DemoRoom extends RoomSchedule {
  id: string;
  type: 'room' | 'channel';
  navLabel: string;
  description: string;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page lacks #${id}`);
  return element as T;
}

/** Shows the parts of the page meant for this mode and hides the others. */
export function showMode(mode: 'host' | 'guest'): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-host-only]'))
    element.hidden = mode !== 'host';
  for (const element of document.querySelectorAll<HTMLElement>('[data-guest-only]'))
    element.hidden = mode !== 'guest';
}

/** The room's title and schedule above the player, in the page's language. */
export function showRoomHeading(room: RoomSchedule, language: string): void {
  const sheet = scheduleStyles.styleSheet;
  if (sheet && !document.adoptedStyleSheets.includes(sheet))
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  byId('room-title').textContent = room.title;
  render(scheduleTemplate(scheduleParts(room, language)), byId('room-schedule'));
  document.title = `${room.title} — Northwind Live`;
}

/** Replaces the media with a status page: the room (where known) and why the media cannot be shown. */
export function showStatus(
  room: RoomSchedule | undefined,
  status: Status,
  t: EntryTranslation,
  language: Language,
  /** Offers the entry page's language selector; called with the guest's choice. */
  onLanguage?: (language: Language) => void,
) {
  byId('media').hidden = true;
  byId('guest-badge').hidden = true;
  const section = byId('removed');
  section.hidden = false;
  if (room) document.title = `${room.title} — Northwind Live`;
  const root = section.shadowRoot ?? section.attachShadow({ mode: 'open' });
  // The card's styles and the status template's own (the entry form loads those with its later views).
  root.adoptedStyleSheets = [...cardStyles, statusStyles].flatMap((sheet) =>
    sheet.styleSheet ? [sheet.styleSheet] : [],
  );
  render(
    html`<div class="base" lang=${language} dir=${t.dir}>
      ${onLanguage ? languageSelect(language, t.entry.language, onLanguage) : ''}
      ${room ? roomHeader(t, room, Date.now(), language) : ''}
      ${statusTemplate({ ...status, heading: room ? 'h2' : 'h1' })}
    </div>`,
    root,
  );
}
