// The knock alert itself, the chime and the browser notification: loaded with the first knock the host
// does not see (or when the browser is idle before that), see knock-alert.ts.
import { html, nothing } from 'lit';
import type { HostGuest } from '../internal/api-client.ts';
import { isolate, sentenceWithName } from '../internal/bidi.ts';
import { addStyles } from '../internal/lazy.ts';
import { Chime } from './chime.ts';
import { contentStrings } from './content-strings.ts';
import { closeIcon } from './icons.ts';
import { knockAlertStyles } from './knock-alert.styles.ts';
import type { KnockAlertController } from './knock-alert.ts';
import { windowStrings } from './window-strings.ts';

/**
 * The alerts on the page, from the corner up: one manager per room may show one each, so they stack in the
 * corner in the page's order from the top down, the order Tab visits them in. While the pointer is on one, a
 * new alert goes on top instead (nothing moves under a pointer on its way to Admit), and takes its place once
 * the pointer leaves. They come down when one below goes.
 */
const stack: KnockAlertView[] = [];
/** Between two alerts of the stack, in CSS pixels. */
const STACK_GAP = 12;
let restacking = 0;
// In the next frame: restacking resizes the alerts, which within the observer's callback is an error.
const resized = new ResizeObserver(() => {
  cancelAnimationFrame(restacking);
  restacking = requestAnimationFrame(restack);
});

/** Lays out the alerts of each corner (a right-to-left manager's go to the right). */
function restack(): void {
  const hovered = stack.some((view) => view.alert?.matches(':hover'));
  if (!hovered)
    stack.sort(({ controller: a }, { controller: b }) =>
      a.host.compareDocumentPosition(b.host) & Node.DOCUMENT_POSITION_PRECEDING ? -1 : 1,
    );
  const corners = new Map<boolean, HTMLElement[]>();
  for (const view of stack) {
    const side = view.controller.host.matches(':dir(rtl)');
    corners.set(side, [...(corners.get(side) ?? []), view.alert as HTMLElement]);
  }
  for (const alerts of corners.values()) layOut(alerts);
}

/** One corner's alerts, from the corner up: each as wide as the widest, and above the heights of those below. */
function layOut(alerts: HTMLElement[]): void {
  // Their own widths first, then the widest for all, so the stack has one straight edge.
  for (const alert of alerts) alert.style.removeProperty('--_width');
  const width = Math.max(...alerts.map((alert) => alert.getBoundingClientRect().width));
  if (alerts.length > 1) for (const alert of alerts) alert.style.setProperty('--_width', `${width}px`);
  let offset = 0;
  for (const alert of alerts) {
    alert.style.setProperty('--_stacked', `${offset}px`);
    offset += alert.offsetHeight + STACK_GAP;
  }
}

export class KnockAlertView {
  /** The alert on the page, if shown. */
  alert?: HTMLElement;
  private notification?: Notification;
  private readonly chime = new Chime();

  constructor(readonly controller: KnockAlertController) {
    addStyles(controller.host, knockAlertStyles);
  }

  /** `notify`: the host opted in to notifications and the tab was hidden when the guest knocked. */
  arrived(guest: HostGuest, notify: boolean): void {
    const { host } = this.controller;
    if (host.sound) this.chime.play();
    if (notify) {
      const n = windowStrings(host).knock;
      const roomTitle = this.controller.roomNamed;
      this.notification?.close();
      const notification = new Notification(n.notificationTitle(guest.name), {
        body: roomTitle ? n.notificationBodyInRoom(isolate(roomTitle)) : n.notificationBody,
        // One per room: a knock in another room does not replace this one.
        tag: `guest-access-waiting ${host.room}`,
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
    this.place(false);
  }

  /** After each render: the alert joins the stack when it appears, and leaves it when it goes. */
  place(shown: boolean): void {
    const root = this.controller.host.renderRoot as ShadowRoot;
    const alert = (shown && root.querySelector<HTMLElement>('.knock-alert')) || undefined;
    if (alert === this.alert) return;
    if (this.alert) {
      resized.unobserve(this.alert);
      stack.splice(stack.indexOf(this), 1);
    }
    this.alert = alert;
    if (alert) {
      stack.push(this);
      resized.observe(alert);
    }
    restack();
  }

  render() {
    const { host, room } = this.controller;
    const { waiting, access, busy } = room;
    const n = windowStrings(host).knock;
    const w = contentStrings(host).t.content.waitingRoom;
    const [first] = waiting as [HostGuest];
    const one = waiting.length === 1;
    const blocked = access?.enabled ? undefined : w.admitNeedsAccess;
    const roomTitle = this.controller.roomNamed;
    return html`<section
      part="alert"
      class="knock-alert"
      aria-label=${roomTitle ? n.alertLabelInRoom(roomTitle) : n.alertLabel}
      dir=${host.localize.dir}
      lang=${host.localize.language}
      @pointerleave=${restack}
      @focusin=${(event: FocusEvent) => {
        const from = event.relatedTarget;
        if (from instanceof HTMLElement && !(event.currentTarget as Element).contains(from))
          this.controller.focusOrigin = from;
      }}
    >
      ${roomTitle ? html`<p part="alert-room-title" class="knock-room"><bdi>${roomTitle}</bdi></p>` : nothing}
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
