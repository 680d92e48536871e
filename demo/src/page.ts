// What both modes of the media page share: element lookup and the demo backend's room shape.
import type { RoomSchedule } from '../../widget/internal/api-client.ts';
import { showRoomHeading } from './schedule.ts';

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

/** Replaces the media with a message: the access-removed page, or why the media cannot be shown. */
export function showUnavailable(room: RoomSchedule | undefined, message: string): void {
  byId('media').hidden = true;
  byId('guest-badge').hidden = true;
  byId('removed').hidden = false;
  if (room) showRoomHeading(room, byId('removed-title'), byId('removed-schedule'));
  byId('removed-message').textContent = message;
}
