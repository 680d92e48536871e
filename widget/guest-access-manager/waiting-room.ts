// The waiting room: the admission policy switch, and the guests waiting to be admitted (oldest
// first: first come, first served) with Admit, Deny and Admit all.
import { html, nothing } from 'lit';
import type { HostGuest } from '../internal/api-client.ts';
import type { LocalizeController } from '../internal/localize.ts';

export interface WaitingRoomOptions {
  waiting: HostGuest[];
  /** Guests wait for a moderator (the element sets the admission switch to it after each render). */
  moderated: boolean;
  canManage: boolean;
  canAdmit: boolean;
  busy: boolean;
  now: number;
  onModeratedChange: (moderated: boolean) => void;
  onAdmit: (guest: HostGuest) => void;
  onAdmitAll: () => void;
  onDeny: (guest: HostGuest) => void;
}

/** "2 minutes ago", in the element's language. */
function timeAgo(localize: LocalizeController<'manager'>, iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  const format = new Intl.RelativeTimeFormat(localize.language, { numeric: 'auto' });
  if (seconds < 60) return format.format(-seconds, 'second');
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute');
  return format.format(-Math.floor(seconds / 3600), 'hour');
}

export function renderWaitingRoom(localize: LocalizeController<'manager'>, options: WaitingRoomOptions) {
  const m = localize.t.manager;
  const w = m.waitingRoom;
  return html`<section part="waiting-room" class="waiting-room" aria-labelledby="waiting-title">
    <div class="section-head">
      <h3 id="waiting-title">${w.title}</h3>
      ${
        options.canAdmit && options.waiting.length > 0
          ? html`<button
            type="button"
            class="button primary small"
            part="admit-all-button"
            ?disabled=${options.busy}
            @click=${options.onAdmitAll}
          >
            ${w.admitAll}
          </button>`
          : nothing
      }
    </div>
    <label class="switch-row">
      <input
        type="checkbox"
        role="switch"
        class="switch"
        part="switch admission-switch"
        ?disabled=${!options.canManage || options.busy}
        @change=${(event: Event) => options.onModeratedChange((event.target as HTMLInputElement).checked)}
      />
      <span>${m.admission}</span>
    </label>
    ${options.canAdmit ? renderGuests(localize, options) : nothing}
  </section>`;
}

function renderGuests(localize: LocalizeController<'manager'>, options: WaitingRoomOptions) {
  const w = localize.t.manager.waitingRoom;
  if (options.waiting.length === 0) {
    return html`<p class="muted empty">${options.moderated ? w.empty : w.autoNote}</p>`;
  }
  return html`<ul part="guest-list" class="guests">
    ${options.waiting.map(
      (guest) => html`<li part="guest" class="guest" data-guest-id=${guest.id}>
        <div class="who">
          <span class="guest-name">${guest.name}</span>
          <span class="guest-email">${guest.email}</span>
          <span class="muted small"
            >${w.viaLink(guest.linkName)} ·
            <time datetime=${guest.createdAt}>${w.arrived(timeAgo(localize, guest.createdAt, options.now))}</time></span
          >
        </div>
        <div class="decide">
          <button
            type="button"
            class="button primary small"
            part="admit-button"
            aria-label=${w.admitGuest(guest.name)}
            ?disabled=${options.busy}
            @click=${() => options.onAdmit(guest)}
          >
            ${w.admit}
          </button>
          <button
            type="button"
            class="button small"
            part="deny-button"
            aria-label=${w.denyGuest(guest.name)}
            ?disabled=${options.busy}
            @click=${() => options.onDeny(guest)}
          >
            ${w.deny}
          </button>
        </div>
      </li>`,
    )}
  </ul>`;
}
