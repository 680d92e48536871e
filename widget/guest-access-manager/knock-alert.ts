// What tells a host that someone knocked while the window is closed: a non-modal alert at the viewport's
// edge ("Ana Lima is waiting" with Admit and View), and, as the host chose, a chime, "(N) " in the
// page's title and a browser notification while the tab is hidden. None of them moves focus.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { HostGuest } from '../internal/api-client.ts';
import { sentenceWithName } from '../internal/bidi.ts';
import type { LocalizeController } from '../internal/localize.ts';
import { Chime } from './chime.ts';
import { closeIcon } from './icons.ts';
import type { RoomController } from './room-controller.ts';
import { TitleBadge } from './title-badge.ts';

export interface KnockAlertHost extends ReactiveControllerHost, HTMLElement {
  readonly localize: LocalizeController<'manager'>;
  /** `off` turns the built-in alert off (events, title badge and sound stay the page's choice). */
  alerts?: string;
  sound: boolean;
  titleBadge: boolean;
  /** Whether the host can see the window now (inline, or the modal window open). */
  readonly windowVisible: boolean;
  /** Opens the window at the waiting room. */
  viewWaitingRoom(): Promise<void>;
}

type NotificationState = 'unsupported' | NotificationPermission;

export class KnockAlertController implements ReactiveController {
  /** The host closed the alert: it stays closed until the next knock. */
  private dismissed = false;
  /** The host asked for browser notifications with the button in the window. */
  private notifying = false;
  private notification?: Notification;
  private readonly chime = new Chime();
  private readonly badge = new TitleBadge();

  constructor(
    private readonly host: KnockAlertHost,
    private readonly room: RoomController,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.badge.show(this.host.titleBadge ? this.room.waiting.length : 0);
    if (this.room.waiting.length === 0) this.notification?.close();
  }

  hostDisconnected(): void {
    this.badge.clear();
    this.chime.close();
    this.notification?.close();
  }

  /** A guest knocked: the alert comes back, the chime plays (rate-limited), a hidden tab notifies. */
  arrived(guest: HostGuest): void {
    this.dismissed = false;
    if (this.host.sound) this.chime.play();
    if (this.notifying && this.notificationState === 'granted' && document.visibilityState === 'hidden') {
      const n = this.host.localize.t.manager.live;
      this.notification?.close();
      const notification = new Notification(n.notificationTitle(guest.name), {
        body: n.notificationBody,
        tag: 'guest-access-waiting',
      });
      notification.onclick = () => {
        window.focus();
        notification.close();
        void this.host.viewWaitingRoom();
      };
      this.notification = notification;
    }
    this.host.requestUpdate();
  }

  private get notificationState(): NotificationState {
    return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  }

  private async optIn(): Promise<void> {
    const permission = await Notification.requestPermission();
    this.notifying = permission === 'granted';
    this.host.requestUpdate();
  }

  /** The opt-in button (or what became of it) for the waiting room. */
  renderOptIn() {
    const n = this.host.localize.t.manager.live;
    const state = this.notificationState;
    if (state === 'unsupported') return nothing;
    if (state === 'denied') return html`<p part="note" class="muted small">${n.notifyDenied}</p>`;
    if (this.notifying && state === 'granted')
      return html`<p part="note" class="muted small">${n.notifyOn}</p>`;
    return html`<button type="button" class="button small" part="notify-button" @click=${() => this.optIn()}>
      ${n.notifyButton}
    </button>`;
  }

  render() {
    const { waiting, access, busy } = this.room;
    const host = this.host;
    if (host.alerts === 'off' || host.windowVisible || this.dismissed || !access || waiting.length === 0) {
      return nothing;
    }
    if (!access.permissions.includes('guests:admit')) return nothing;
    const t = host.localize.t;
    const n = t.manager.live;
    const [first] = waiting as [HostGuest];
    const one = waiting.length === 1;
    const blocked = access.enabled ? undefined : t.manager.waitingRoom.admitNeedsAccess;
    return html`<section
      part="alert"
      class="knock-alert"
      aria-label=${n.alertLabel}
      dir=${host.localize.dir}
      lang=${host.localize.language}
    >
      <p class="knock-text">${one ? sentenceWithName(n.oneWaiting, first.name) : n.manyWaiting(waiting.length)}</p>
      <div class="knock-actions">
        <button
          type="button"
          class="button primary small"
          part="alert-admit-button"
          aria-label=${one ? t.manager.waitingRoom.admitGuest(first.name) : t.manager.waitingRoom.admitAll}
          aria-describedby=${blocked ? 'knock-blocked' : nothing}
          ?disabled=${busy || blocked !== undefined}
          @click=${() => void this.room.admit(one ? first : undefined)}
        >
          ${one ? t.manager.waitingRoom.admit : t.manager.waitingRoom.admitAll}
        </button>
        <button type="button" class="button small" part="alert-view-button" @click=${() => void host.viewWaitingRoom()}>
          ${n.view}
        </button>
        <button
          type="button"
          class="icon-button"
          part="alert-dismiss-button"
          aria-label=${n.dismiss}
          @click=${() => {
            this.dismissed = true;
            host.requestUpdate();
          }}
        >
          ${closeIcon}
        </button>
      </div>
      ${blocked ? html`<p id="knock-blocked" class="muted small">${blocked}</p>` : nothing}
    </section>`;
  }
}
