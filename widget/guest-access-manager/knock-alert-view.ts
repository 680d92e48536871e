// The knock alert itself, the chime and the browser notification: loaded with the first knock the host
// does not see (or when the browser is idle before that), see knock-alert.ts.
import { html, nothing } from 'lit';
import type { HostGuest } from '../internal/api-client.ts';
import { sentenceWithName } from '../internal/bidi.ts';
import { addStyles } from '../internal/lazy.ts';
import { Chime } from './chime.ts';
import { contentStrings } from './content-strings.ts';
import { closeIcon } from './icons.ts';
import { knockAlertStyles } from './knock-alert.styles.ts';
import type { KnockAlertController } from './knock-alert.ts';
import { windowStrings } from './window-strings.ts';

export class KnockAlertView {
  private notification?: Notification;
  private readonly chime = new Chime();

  constructor(private readonly controller: KnockAlertController) {
    addStyles(controller.host, knockAlertStyles);
  }

  /** `notify`: the host opted in to notifications and the tab was hidden when the guest knocked. */
  arrived(guest: HostGuest, notify: boolean): void {
    const { host } = this.controller;
    if (host.sound) this.chime.play();
    if (notify) {
      const n = windowStrings(host).knock;
      this.notification?.close();
      const notification = new Notification(n.notificationTitle(guest.name), {
        body: n.notificationBody,
        tag: 'guest-access-waiting',
      });
      notification.onclick = () => {
        window.focus();
        notification.close();
        void host.viewWaitingRoom();
      };
      this.notification = notification;
    }
  }

  closeNotification(): void {
    this.notification?.close();
  }

  close(): void {
    this.chime.close();
    this.closeNotification();
  }

  render() {
    const { host, room } = this.controller;
    const { waiting, access, busy } = room;
    const n = windowStrings(host).knock;
    const w = contentStrings(host).t.content.waitingRoom;
    const [first] = waiting as [HostGuest];
    const one = waiting.length === 1;
    const blocked = access?.enabled ? undefined : w.admitNeedsAccess;
    return html`<section
      part="alert"
      class="knock-alert"
      aria-label=${n.alertLabel}
      dir=${host.localize.dir}
      lang=${host.localize.language}
      @focusin=${(event: FocusEvent) => {
        const from = event.relatedTarget;
        if (from instanceof HTMLElement && !(event.currentTarget as Element).contains(from))
          this.controller.focusOrigin = from;
      }}
    >
      <p class="knock-text">${one ? sentenceWithName(n.oneWaiting, first.name) : n.manyWaiting(waiting.length)}</p>
      <div class="knock-actions">
        <button
          type="button"
          class="button primary small"
          part="alert-admit-button"
          aria-label=${one ? w.admitGuest(first.name) : w.admitAll}
          aria-describedby=${blocked ? 'knock-blocked' : nothing}
          ?disabled=${blocked !== undefined}
          aria-disabled=${busy ? 'true' : nothing}
          @click=${() => {
            // Busy: aria-disabled rather than disabled, which would drop focus to the page's body.
            if (!busy) void room.admit(one ? first : undefined);
          }}
        >
          ${one ? w.admit : w.admitAll}
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
            this.controller.dismissed = true;
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
