// The waiting room: the guests waiting to be admitted (oldest first: first come, first served) with
// Admit, Deny and Admit all, right under its heading, where a host who opens it looks; then its settings
// (the admission policy switch, the message waiting guests see, alerts); then the guests in the session,
// each with Remove (SPEC rule 6: a removed guest is disconnected at once).
import { html, nothing, type TemplateResult } from 'lit';
import type { HostGuest } from '../internal/api-client.ts';
import { emailAddress, sentenceWithName } from '../internal/bidi.ts';
import { LOBBY_MESSAGE_MAX_LENGTH } from '../internal/limits.ts';
import { type LocalizeController, relativeTime } from '../internal/localize.ts';

export interface WaitingRoomOptions {
  waiting: HostGuest[];
  /** The guests in the session (admitted). */
  admitted: HostGuest[];
  /** Guests wait for a moderator (the element sets the admission switch to it after each render). */
  moderated: boolean;
  canManage: boolean;
  canAdmit: boolean;
  /** Guest access is on: admitting while it is off would land the guest on the access-removed page. */
  accessEnabled: boolean;
  busy: boolean;
  now: number;
  /** The message waiting guests see; null when none. */
  lobbyMessage: string | null;
  /** The browser-notification opt-in (a button, or what the host chose). */
  notifyOptIn: unknown;
  onLobbyMessageSave: (message: string) => void;
  onModeratedChange: (moderated: boolean) => void;
  onAdmit: (guest: HostGuest) => void;
  onAdmitAll: () => void;
  onDeny: (guest: HostGuest) => void;
  onRemove: (guest: HostGuest) => void;
}

type Localize = LocalizeController<'content'>;

/** "10:42 AM": since when a guest is offline ("since 2 minutes ago" would not read). */
const clockTime = (localize: Localize, iso: string) =>
  new Intl.DateTimeFormat(localize.language, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

/** A small button of a guest's row, named with the guest for screen readers ("Admit Ana"). */
const guestButton = (
  label: string,
  name: string,
  part: string,
  busy: boolean,
  run: () => void,
  primary = false,
  /** Why the button is disabled, shown as its description. */
  reason?: string,
) =>
  html`<button
    type="button"
    class="button small ${primary ? 'primary' : ''}"
    part=${part}
    aria-label=${name}
    title=${reason ?? nothing}
    ?disabled=${busy || reason !== undefined}
    @click=${run}
  >
    ${label}
  </button>`;

/** Online, or offline since when; and how often a denied guest asked again. */
function presence(localize: Localize, guest: HostGuest) {
  const w = localize.t.content.waitingRoom;
  const state = guest.online
    ? w.online
    : guest.lastSeenAt
      ? w.offlineSince(clockTime(localize, guest.lastSeenAt))
      : w.offline;
  return html`<span part="presence" class="muted small" data-online=${guest.online ? 'true' : 'false'}
      >${state}</span
    >${guest.knocks > 0 ? html` · <span part="asked-again" class="muted small">${w.askedAgain(guest.knocks)}</span>` : nothing}`;
}

/** One list of guests: who, the link they used, since when (`at` picks the instant), and their buttons. */
function guestList(
  localize: Localize,
  guests: HostGuest[],
  now: number,
  at: (guest: HostGuest) => [iso: string, text: (ago: string) => string],
  buttons: (guest: HostGuest) => TemplateResult[],
) {
  const w = localize.t.content.waitingRoom;
  return html`<ul part="guest-list" class="guests">
    ${guests.map((guest) => {
      const [iso, text] = at(guest);
      return html`<li part="guest" class="guest" data-guest-id=${guest.id}>
        <div class="who">
          <bdi class="guest-name">${guest.name}</bdi>
          <span class="guest-email">${emailAddress(guest.email)}</span>
          <span class="muted small"
            >${sentenceWithName(w.viaLink, guest.linkName)} · <time datetime=${iso}>${text(relativeTime(localize.language, Math.min(Date.parse(iso), now), now))}</time></span
          >
          ${presence(localize, guest)}
        </div>
        <div class="decide">${buttons(guest)}</div>
      </li>`;
    })}
  </ul>`;
}

export function renderWaitingRoom(localize: Localize, options: WaitingRoomOptions) {
  const m = localize.t.content;
  const w = m.waitingRoom;
  const s = m.inSession;
  const { busy, canAdmit, now } = options;
  const admitBlocked = options.accessEnabled ? undefined : w.admitNeedsAccess;
  return html`<section part="waiting-room" class="waiting-room" aria-labelledby="waiting-title">
      <div class="section-head">
        <h3 id="waiting-title" tabindex="-1">${w.title}</h3>
        ${
          canAdmit && options.waiting.length > 0
            ? html`<button
              type="button"
              class="button primary small"
              part="admit-all-button"
              title=${admitBlocked ?? nothing}
              ?disabled=${busy || admitBlocked !== undefined}
              @click=${options.onAdmitAll}
            >
              ${w.admitAll}
            </button>`
            : nothing
        }
      </div>
      ${
        canAdmit && admitBlocked && options.waiting.length > 0
          ? html`<p part="admit-blocked" class="muted small">${admitBlocked}</p>`
          : nothing
      }
      ${
        !canAdmit
          ? nothing
          : options.waiting.length === 0
            ? html`<p class="muted empty">${options.moderated ? w.empty : w.autoNote}</p>`
            : guestList(
                localize,
                options.waiting,
                now,
                (guest) => [guest.createdAt, w.arrived],
                (guest) => [
                  guestButton(
                    w.admit,
                    w.admitGuest(guest.name),
                    'admit-button',
                    busy,
                    () => options.onAdmit(guest),
                    true,
                    admitBlocked,
                  ),
                  guestButton(w.deny, w.denyGuest(guest.name), 'deny-button', busy, () =>
                    options.onDeny(guest),
                  ),
                ],
              )
      }
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          class="switch"
          part="switch admission-switch"
          ?disabled=${!options.canManage || busy}
          @change=${(event: Event) => options.onModeratedChange((event.target as HTMLInputElement).checked)}
        />
        <span>${m.admission}</span>
      </label>
      ${
        options.canManage
          ? html`<form
              part="lobby-message-form"
              class="lobby-message"
              @submit=${(event: SubmitEvent) => {
                event.preventDefault();
                const field = (event.target as HTMLFormElement).elements.namedItem('lobby-message');
                options.onLobbyMessageSave((field as HTMLTextAreaElement).value);
              }}
            >
              <label for="lobby-message">${w.lobbyMessage}</label>
              <textarea
                id="lobby-message"
                name="lobby-message"
                part="lobby-message-input"
                maxlength=${LOBBY_MESSAGE_MAX_LENGTH}
                rows="2"
                aria-describedby="lobby-message-hint"
                .value=${options.lobbyMessage ?? ''}
              ></textarea>
              <p id="lobby-message-hint" class="muted small">${w.lobbyMessageHint(String(LOBBY_MESSAGE_MAX_LENGTH))}</p>
              <button type="submit" class="button small" part="lobby-message-save" ?disabled=${busy}>
                ${w.saveLobbyMessage}
              </button>
            </form>`
          : nothing
      }
      ${options.notifyOptIn}
    </section>
    ${
      canAdmit
        ? html`<section part="in-session" class="waiting-room" aria-labelledby="session-title">
          <h3 id="session-title" tabindex="-1">${s.title}</h3>
          <p class="muted small">${s.note}</p>
          ${
            options.admitted.length === 0
              ? html`<p class="muted empty">${s.empty}</p>`
              : guestList(
                  localize,
                  options.admitted,
                  now,
                  (guest) => [guest.decidedAt ?? guest.createdAt, s.joined],
                  (guest) => [
                    guestButton(s.remove, s.removeGuest(guest.name), 'remove-button', busy, () =>
                      options.onRemove(guest),
                    ),
                  ],
                )
          }
        </section>`
        : nothing
    }`;
}
