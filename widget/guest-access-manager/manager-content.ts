// Everything of the manager but its frame: the room's state and live connection, the knock alert, the
// window's body (switches, links table, waiting room) and the windows its buttons open. A chunk of its own,
// fetched as the element starts: the element's first load is its frame and skeleton (a modal manager shows
// nothing until `show()`), and the room's request and stream start once this has come.
import { html, nothing, type ReactiveController } from 'lit';
import type { HostGuest, Link, LinkChanges } from '../internal/api-client.ts';
import { addStyles, LazyPart, whenIdle } from '../internal/lazy.ts';
import { setLive } from '../internal/live.ts';
import type { WindowsTranslation } from '../locales/en.ts';
import { AnnouncerController } from './announcer.ts';
import type { AutoAdmitDialog } from './auto-admit-dialog.ts';
import type { CreateLinkDialog, LinkInput } from './create-link-dialog.ts';
import type { DeleteLinkDialog } from './delete-link-dialog.ts';
import { describeFailure } from './failure.ts';
import { failureStrings, failureStringsReady } from './failure-strings.ts';
import type { GuestAccessManager } from './guest-access-manager.ts';
import type { HistoryDialog } from './history-dialog.ts';
import { KnockAlertController } from './knock-alert.ts';
import { LinkFeedback } from './link-feedback.ts';
import { renderLinksSkeleton, renderPartFailed } from './links-skeleton.ts';
import { canRetry } from './refusal.ts';
import { RoomController } from './room-controller.ts';
import { RowFocus } from './row-focus.ts';

// The windows a button opens and the knock alert: one chunk, loaded when the browser is idle or when
// first wanted. (Module-level: tsc rewrites the `.ts` of a dynamic import here, not in a class field.)
const loadWindows = () => import('./windows.ts');
/** The window's body once the room has loaded: a chunk, loaded at once inline, when idle in modal mode. */
const loadWindowView = () => import('./window-view.ts');

export class ManagerContent implements ReactiveController {
  readonly announcer: AnnouncerController;
  private readonly rowFocus: RowFocus;
  readonly roomState: RoomController;
  readonly knockAlert: KnockAlertController;
  private readonly createDialog: LazyPart<CreateLinkDialog>;
  private readonly deleteDialog: LazyPart<DeleteLinkDialog>;
  private readonly autoAdmitDialog: LazyPart<AutoAdmitDialog>;
  private readonly historyDialog: LazyPart<HistoryDialog>;
  /** The window's body (switches, links table, waiting room) and its styles. */
  private readonly windowView: LazyPart<Awaited<ReturnType<typeof loadWindowView>>>;
  readonly linkFeedback: LinkFeedback;
  /** The windows this host may open were asked for once the room had loaded. */
  private prefetched = false;
  /** The windows' chunk, once it has come: what the window shows after some clicks reads its wording. */
  private windows?: Awaited<ReturnType<typeof loadWindows>>;

  constructor(private readonly host: GuestAccessManager) {
    this.announcer = new AnnouncerController(host);
    this.rowFocus = new RowFocus(host);
    this.roomState = new RoomController(host, (guest) => this.knockAlert.arrived(guest));
    this.knockAlert = new KnockAlertController(
      host,
      this.roomState,
      async (alert) => new (await this.loadWindows()).KnockAlertView(alert),
    );
    const windowPart = <T>(make: (windows: Awaited<ReturnType<typeof loadWindows>>) => T) =>
      new LazyPart<T>(host, async () => make(await this.loadWindows()));
    this.createDialog = windowPart((windows) => new windows.CreateLinkDialog(host));
    this.deleteDialog = windowPart((windows) => new windows.DeleteLinkDialog(host));
    this.autoAdmitDialog = windowPart((windows) => new windows.AutoAdmitDialog(host, this.roomState));
    this.historyDialog = windowPart((windows) => new windows.HistoryDialog(host, this.roomState));
    this.windowView = new LazyPart(host, async () => {
      const view = await loadWindowView();
      await Promise.all([view.contentStringsReady(host), failureStringsReady(host)]);
      addStyles(host, ...view.styles);
      return view;
    });
    this.linkFeedback = new LinkFeedback(host);
    host.addController(this);
    // Inline, the body shows as soon as the room has loaded: fetched alongside it. A closed modal window
    // waits for an idle moment (show() asks for it at once).
    if (host.modal) whenIdle(this.windowView.prefetch);
    else this.windowView.prefetch();
  }

  /** How many guests wait now. */
  get waitingCount(): number {
    return this.roomState.waiting.length;
  }

  /** The windows' chunk, once their wording in the element's language has loaded with it. */
  private async loadWindows() {
    // The window's body first: its styles come before the windows' in the shadow root.
    await this.windowView.get();
    const windows = await loadWindows();
    await windows.windowStringsReady(this.host);
    if (!this.windows) {
      this.windows = windows;
      this.host.requestUpdate();
    }
    return windows;
  }

  /** Says what changed to screen readers; the words come with the windows' chunk (see the element's announce). */
  announce(words: (said: WindowsTranslation['windows']) => string): void {
    this.loadWindows().then(
      (windows) => this.announcer.say(words(windows.windowStrings(this.host))),
      (error) => this.roomState.refuse(error),
    );
  }

  /** Shows the window's body, for the alert's View (the element has opened the window). */
  prefetchBody(): Promise<unknown> {
    return this.windowView.get().catch(() => undefined);
  }

  /** Creates a link and marks its new row. */
  async createLink(input: LinkInput): Promise<Link> {
    const link = await this.roomState.createLink(input);
    this.linkFeedback.markCreated(link.id);
    return link;
  }

  updateLink(link: Link, changes: LinkChanges): Promise<Link> {
    return this.roomState.updateLink(link, changes);
  }

  /**
   * Opens a lazy window; one that cannot load is refused above the table, as a request would be. While its
   * code loads, the button clicked is busy (a spinner, `aria-busy`) and a second press opens nothing more.
   */
  private openWindow<T>(part: LazyPart<T>, open: (window: T) => unknown, click?: Event): void {
    const button = part.value ? null : (click?.currentTarget as HTMLElement | null | undefined);
    if (button?.hasAttribute('data-opening')) return;
    button?.setAttribute('data-opening', '');
    button?.setAttribute('aria-busy', 'true');
    part
      .get()
      .then(open, (error) => this.roomState.refuse(error))
      .finally(() => {
        button?.removeAttribute('data-opening');
        button?.removeAttribute('aria-busy');
      });
  }

  hostUpdated(): void {
    // The switches show what the server confirmed, also after a click it refused or has yet to answer.
    const access = this.roomState.access;
    if (!access) return;
    if (!this.prefetched) {
      // What this host may open next, fetched while nothing else is going on.
      this.prefetched = true;
      const parts = [
        ...(access.permissions.includes('guest-access:manage')
          ? [this.createDialog, this.deleteDialog, this.autoAdmitDialog]
          : []),
        ...(access.permissions.includes('guests:admit') ? [this.historyDialog, this.knockAlert.view] : []),
      ];
      whenIdle(() => {
        for (const part of parts) part.prefetch();
      });
    }
    const root = this.host.renderRoot;
    setLive(root.querySelector('[part~="access-switch"]'), 'checked', access.enabled);
    setLive(root.querySelector('[part~="admission-switch"]'), 'checked', access.admission === 'moderator');
    for (const link of access.links) {
      const row = root.querySelector(`[data-link-id="${CSS.escape(link.id)}"]`);
      setLive(row?.querySelector('[part~="pause-switch"]') ?? null, 'checked', !link.paused);
    }
  }

  /** The window's body: why the room cannot be shown, its skeleton while it loads, or the settings and the waiting room. */
  renderBody() {
    const room = this.roomState;
    const access = room.access;
    if (!access && !room.failure) return renderLinksSkeleton(this.host.localize);
    // The room, or why it cannot be shown: in words that load with the body's chunk (its own, failure-strings.ts).
    const view = this.windowView;
    if (!view.value) {
      if (!view.failed) {
        view.prefetch();
        return renderLinksSkeleton(this.host.localize);
      }
      return renderPartFailed(this.host.localize, view.prefetch);
    }
    const content = view.value.contentStrings(this.host);
    const failures = failureStrings(this.host);
    if (room.failure) {
      return html`<div part="error" class="error refusal" role="alert">
        <p>${describeFailure(room.failure, failures)}</p>
        ${
          canRetry(room.failure)
            ? html`<button type="button" class="button" @click=${() => room.start()}>${content.t.common.retry}</button>`
            : nothing
        }
      </div>`;
    }
    if (!access) return renderLinksSkeleton(this.host.localize);
    if (access.room.type === 'channel') {
      return html`<p part="error" class="error refusal" role="alert">${failures.failures.refusal.channel}</p>`;
    }
    const { renderLinkSettings, renderWaitingRoom } = view.value;
    const canManage = access.permissions.includes('guest-access:manage');
    const canAdmit = access.permissions.includes('guests:admit');
    const decide = (guest: HostGuest | undefined, action: () => Promise<unknown>) =>
      void this.rowFocus.around(guest, action);
    return html`
      ${renderLinkSettings(content, room, access, {
        failures,
        feedback: this.linkFeedback,
        copyByHand: this.windows?.windowStrings(this.host).copyByHand,
        onCreate: (click) => this.openWindow(this.createDialog, (dialog) => dialog.open(), click),
        onEdit: (link, click) => this.openWindow(this.createDialog, (dialog) => dialog.open(link), click),
        onHistory: canAdmit
          ? (click) => this.openWindow(this.historyDialog, (dialog) => dialog.open(), click)
          : undefined,
        onDelete: (link, click) =>
          this.openWindow(this.deleteDialog, (dialog) => dialog.open(link, canAdmit), click),
      })}
      ${renderWaitingRoom(content, {
        waiting: room.waiting,
        admitted: room.admitted,
        moderated: access.admission === 'moderator',
        canManage,
        canAdmit,
        accessEnabled: access.enabled,
        busy: room.busy,
        now: room.now,
        lobbyMessage: access.lobbyMessage,
        notifyOptIn: canAdmit ? this.knockAlert.renderOptIn(content.t.content.notify) : nothing,
        onLobbyMessageSave: (message) => void room.changeAccess({ lobbyMessage: message }),
        onModeratedChange: (moderated) =>
          moderated
            ? void room.changeAccess({ admission: 'moderator' })
            : this.openWindow(this.autoAdmitDialog, (dialog) => dialog.request()),
        onAdmit: (guest) => decide(guest, () => room.admit(guest)),
        onAdmitAll: () => decide(undefined, () => room.admit(undefined)),
        onDeny: (guest) => decide(guest, () => room.turnAway(guest, 'deny')),
        onRemove: (guest) => decide(guest, () => room.turnAway(guest, 'remove')),
      })}
      ${canManage ? [this.createDialog.value?.render(), this.deleteDialog.value?.render(), this.autoAdmitDialog.value?.render()] : nothing}
      ${canAdmit ? this.historyDialog.value?.render(access.links) : nothing}
    `;
  }
}
