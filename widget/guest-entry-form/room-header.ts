// What every view starts with once the room is known: its title and schedule (the article's
// access-removed page shows just these above its message).
import { html, nothing } from 'lit';
import type { RoomSchedule } from '../internal/api-client.ts';
import { formatSchedule } from './schedule.ts';

export function roomHeader(room: RoomSchedule, language: string) {
  const schedule = formatSchedule(room, language);
  return html`<header class="room">
    <h1 part="title" tabindex="-1">${room.title}</h1>
    ${schedule ? html`<p part="schedule" class="schedule">${schedule}</p>` : nothing}
  </header>`;
}
