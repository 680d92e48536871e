// What tells a host that someone knocked while the window is closed: a non-modal alert at the viewport's
// edge ("Ana Lima is waiting" with Admit and View), and, as the host chose, a chime, "(N) " in the
// page's title and a browser notification while the tab is hidden. None of them moves focus. The title
// badge and the opt-in button are here; the alert, chime and notification load with the first knock
// (knock-alert-view.ts, in the windows' chunk), or when the browser is idle before that.
// A page may hold several managers (one per room): while more than one shows alerts, each alert and
// each arrival said to screen readers names its room, and the alerts stack in the corner (the view does).
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import type { HostGuest } from '../internal/api-client.ts';
import { LazyPart } from '../internal/lazy.ts';
import type { LocalizeController } from '../internal/localize.ts';
import type { ContentTranslation, WindowsTranslation } from '../locales/en.ts';
import type { KnockAlertView } from './knock-alert-view.ts';
import { deepActiveElement } from './modal-dialog.ts';
import type { RoomController } from './room-controller.ts';
import { TitleBadge } from './title-badge.ts';

export interface KnockAlertHost extends ReactiveElement {
  readonly localize: LocalizeController<'manager'>;
  /** The room's id (the browser notification's tag). */
  readonly room: string;
  /** `off` turns the built-in alert off (events, title badge and sound stay the page's choice). */
  alerts?: string;
  sound: boolean;
  titleBadge: boolean;
  /** Whether the host can see the window now (inline, or the modal window open). */
  readonly windowVisible: boolean;
  /** Opens the window at the waiting room. */
  viewWaitingRoom(): Promise<void>;
  /** Says what changed to screen readers; the words come with the windows' chunk. */
  announce(words: (said: WindowsTranslation['windows']) => string): void;
  /** The page's control that last opened the window (`show()`), if any. */
  readonly windowOpener?: HTMLElement;
}

/** Whether focus can go to `element`: a control on the page, shown and not disabled. */
const focusable = (element: HTMLElement | undefined): element is HTMLElement =>
  !!element?.isConnected &&
  element !== document.body &&
  element.checkVisibility() &&
  !element.matches(':disabled');

/** In a frame whose top page is another site's (reading that page's location throws): no notifications there. */
function inFrameOfOtherSite(): boolean {
  try {
    return window.top !== window && window.top?.location.origin !== location.origin;
  } catch {
    return true;
  }
}

/** The page's managers that show the alert (on the page, `alerts` not `off`, a token that may admit). */
const alertingOnPage = new Set<KnockAlertController>();
/** The page's managers, whatever their `alerts`. */
const onPage = new Set<KnockAlertController>();
/**
 * The host asked for browser notifications with a window's button: one consent for the page, as the browser's
 * is, so every room on it notifies; until the last manager leaves the page.
 */
let notifyingOnPage = false;

export class KnockAlertController implements ReactiveController {
  /** The host closed the alert: it stays closed until the next knock. */
  dismissed = false;
  readonly view: LazyPart<KnockAlertView>;
  /** Where focus was before it moved into the alert (the view records it). */
  focusOrigin?: HTMLElement;
  private readonly badge = new TitleBadge();
  /** The alert was on the page after the last update. */
  private shown = false;
  /** The alert went away with focus in it: focus goes somewhere usable after this update. */
  private refocus = false;

  constructor(
    readonly host: KnockAlertHost,
    readonly room: RoomController,
    /** Loads the alert's chunk (the element's windows). */
    loadView: (alert: KnockAlertController) => Promise<KnockAlertView>,
  ) {
    host.addController(this);
    this.view = new LazyPart(host, () => loadView(this));
  }

  hostConnected(): void {
    onPage.add(this);
    this.hostUpdate();
  }

  /**
   * Before each render, as `alerts` or the token may have changed (a manager taken off the page may still
   * render when its requests answer); the other managers re-render if naming changes.
   */
  hostUpdate(): void {
    // A token without `guests:admit` never alerts, so its manager does not make the others name their rooms;
    // one still loading counts (better a room named for nothing than a knock said without its room).
    const admits = this.room.access?.permissions.includes('guests:admit') ?? true;
    this.alertOnPage(this.host.isConnected && this.host.alerts !== 'off' && admits);
  }

  private alertOnPage(on: boolean): void {
    const several = alertingOnPage.size > 1;
    if (on) alertingOnPage.add(this);
    else alertingOnPage.delete(this);
    if (several !== alertingOnPage.size > 1)
      for (const each of alertingOnPage) if (each !== this) each.host.requestUpdate();
  }

  /** The room's title, when another manager on the page alerts too (its alerts must say which room). */
  get roomNamed(): string | undefined {
    return alertingOnPage.size > 1 && alertingOnPage.has(this) ? this.room.access?.room.title : undefined;
  }

  hostUpdated(): void {
    this.view.value?.place(this.shown);
    this.badge.show(this.host.titleBadge ? this.room.waiting.length : 0);
    if (this.room.waiting.length === 0) this.view.value?.closeNotification();
    if (this.refocus) {
      this.refocus = false;
      this.restoreFocus();
    }
  }

  /**
   * The alert went away with focus in it (the last guest admitted, or dismissed): focus goes to the page's
   * control that opened the window, else back where it came from, rather than to the page's body.
   */
  private restoreFocus(): void {
    const target = [this.host.windowOpener, this.focusOrigin].find(focusable);
    this.focusOrigin = undefined;
    // Only if nothing else took focus meanwhile.
    const active = deepActiveElement();
    if (target && (!active || active === document.body)) target.focus();
  }

  hostDisconnected(): void {
    this.alertOnPage(false);
    onPage.delete(this);
    // After this task: a manager moved elsewhere on the page comes back before it ends.
    queueMicrotask(() => {
      if (onPage.size === 0) notifyingOnPage = false;
    });
    this.badge.clear();
    this.view.value?.close();
  }

  /** A guest knocked: it is said, the alert comes back, the chime plays (rate-limited), a hidden tab notifies. */
  arrived(guest: HostGuest): void {
    const room = this.roomNamed;
    this.host.announce(({ announcements: said }) =>
      room ? said.arrivedInRoom(guest.name, room) : said.arrived(guest.name),
    );
    this.dismissed = false;
    // Decided now, not once the view's code has loaded: a host who opts in meanwhile is not told of earlier knocks.
    const notify =
      notifyingOnPage && this.notificationState === 'granted' && document.visibilityState === 'hidden';
    this.view.get().then(
      (view) => view.arrived(guest, notify),
      (error) => this.room.refuse(error),
    );
    this.host.requestUpdate();
  }

  /** Whether notifications can be asked for: 'unsupported' where the browser has none. */
  get notificationState(): 'unsupported' | NotificationPermission {
    return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  }

  private async optIn(): Promise<void> {
    const permission = await Notification.requestPermission();
    notifyingOnPage = permission === 'granted';
    for (const each of onPage) each.host.requestUpdate();
  }

  /** The opt-in button (or what became of it) for the waiting room, in the window content's words. */
  renderOptIn(n: ContentTranslation['content']['notify']) {
    const state = this.notificationState;
    if (state === 'unsupported') return nothing;
    const blocked = inFrameOfOtherSite() ? n.framed : state === 'denied' ? n.denied : undefined;
    if (blocked) return html`<p part="note" class="muted small">${blocked}</p>`;
    if (notifyingOnPage && state === 'granted') return html`<p part="note" class="muted small">${n.on}</p>`;
    return html`<button type="button" class="button small" part="notify-button" @click=${() => this.optIn()}>
      ${n.button}
    </button>`;
  }

  /** The alert, while guests wait unseen by a host who may admit them (loading it first if need be). */
  render() {
    const { waiting, access } = this.room;
    const host = this.host;
    const off = !alertingOnPage.has(this); // `alerts="off"`, off the page, or a token that cannot admit
    if (off || host.windowVisible || this.dismissed || !access || waiting.length === 0) {
      return this.rendered(nothing);
    }
    if (!this.view.value) this.view.get().catch((error) => this.room.refuse(error));
    return this.rendered(this.view.value?.render() ?? nothing);
  }

  /** Notes whether the alert leaves the page with focus in it (still in place while rendering). */
  private rendered<T>(alert: T): T {
    const showing = alert !== nothing;
    if (this.shown && !showing) {
      const focused = (this.host.renderRoot as ShadowRoot).activeElement;
      this.refocus = !!focused?.closest('[part~="alert"]');
    }
    this.shown = showing;
    return alert;
  }
}
