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
/** Kept clear between the stack and the viewport's top, in CSS pixels. */
const STACK_EDGE = 16;
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
  const corners = new Map<boolean, KnockAlertView[]>();
  for (const view of stack) {
    const side = view.controller.host.matches(':dir(rtl)');
    corners.set(side, [...(corners.get(side) ?? []), view]);
  }
  for (const views of corners.values()) layOut(views);
}

/** Focus to the alert's first button that can take it (Admit unless guest access is off). */
const focusFirstButton = (alert: HTMLElement | undefined) =>
  alert?.querySelector<HTMLElement>('.knock-actions button:enabled')?.focus();

/**
 * One corner's alerts, from the corner up, each above the heights of those below: as wide as the widest, and
 * where they would not all fit below the viewport's top, compact lines (room and who waits) from the first
 * that does not fit up. One the host expanded, or shown full with the pointer or focus on it, stays full.
 */
function layOut(views: KnockAlertView[]): void {
  const alerts = views.map(({ alert, expanded }) => ({
    element: alert as HTMLElement,
    full:
      views.length === 1 ||
      expanded ||
      !alert?.querySelector('.knock-compact') || // not yet re-rendered as one of several
      !!alert?.matches(':not(.compact):is(:hover, :focus-within)'),
    lineFocused: !!alert?.matches('.compact:focus-within'),
    height: { full: 0, compact: 0 },
  }));
  // Full and their own widths first, then the widest for all, so the stack has one straight edge.
  for (const { element } of alerts) {
    element.classList.remove('compact');
    element.style.removeProperty('--_width');
  }
  const width = Math.max(...alerts.map(({ element }) => element.getBoundingClientRect().width));
  if (alerts.length > 1)
    for (const { element } of alerts) element.style.setProperty('--_width', `${width}px`);
  for (const alert of alerts) alert.height.full = alert.element.offsetHeight;
  for (const { element } of alerts) element.classList.add('compact');
  for (const alert of alerts) alert.height.compact = alert.element.offsetHeight;

  // What is left below the viewport's top, above where the page puts the lowest (whatever ::part(alert) set).
  const lowest = parseFloat(getComputedStyle(alerts[0]?.element as HTMLElement).bottom);
  let spare = document.documentElement.clientHeight - lowest - STACK_EDGE - STACK_GAP * (alerts.length - 1);
  for (const { full, height } of alerts) spare -= full ? height.full : height.compact;
  for (const alert of alerts) {
    if (alert.full) continue;
    const more = alert.height.full - alert.height.compact;
    if (more > spare) break;
    alert.full = true;
    spare -= more;
  }
  let offset = 0;
  for (const { element, full, height, lineFocused } of alerts) {
    element.classList.toggle('compact', !full);
    // Its compact line had focus and is gone: focus goes on into the alert rather than to the page's body.
    if (full && lineFocused) focusFirstButton(element);
    element.style.setProperty('--_stacked', `${offset}px`);
    offset += (full ? height.full : height.compact) + STACK_GAP;
  }
}

export class KnockAlertView {
  /** The alert on the page, if shown. */
  alert?: HTMLElement;
  /** The host opened it from its compact line: it stays full while shown. */
  expanded = false;
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
    this.expanded = false;
    if (alert) {
      stack.push(this);
      resized.observe(alert);
    }
    restack();
  }

  /** The host opened its compact line: it shows in full (others go compact as need be), focus on its first button. */
  private expand(): void {
    for (const view of stack) view.expanded = view === this;
    restack();
    focusFirstButton(this.alert);
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
    const waitingText = one ? sentenceWithName(n.oneWaiting, first.name) : n.manyWaiting(waiting.length);
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
      ${
        // Only alerts that stack (and so name their room) can become compact lines; a lone one has no copy of its text.
        roomTitle
          ? html`<button
              type="button"
              class="knock-compact"
              part="alert-expand-button"
              aria-expanded="false"
              @click=${() => this.expand()}
            >
              <bdi class="knock-compact-room">${roomTitle}</bdi>
              <span>${waitingText}</span>
            </button>
            <p part="alert-room-title" class="knock-room"><bdi>${roomTitle}</bdi></p>`
          : nothing
      }
      <p class="knock-text">${waitingText}</p>
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
