import { html, LitElement, nothing } from 'lit';
import type { Link, LinkChanges } from '../internal/api-client.ts';
import { LazyPart } from '../internal/lazy.ts';
import { type Catalog, LocalizeController } from '../internal/localize.ts';
import { common, dir } from '../locales/en.common.ts';
import { manager } from '../locales/en.manager.ts';
import type { WindowsTranslation } from '../locales/en.ts';
import { closeIcon } from './close-icon.ts';
import type { LinkInput } from './create-link-dialog.ts';
import { styles } from './guest-access-manager.styles.ts';
import type { GetToken } from './host-token.ts';
import { renderLinksSkeleton, renderPartFailed } from './links-skeleton.ts';
import { ModalDialog } from './modal-dialog.ts';
import { type RoomOpening, sendRoomOpening } from './open-room.ts';

/** Everything but the frame: the room, its live connection, the knock alert and the windows (manager-content.ts). */
const loadContent = () => import('./manager-content.ts');
const loadWindowView = () => import('./window-view.ts');

/** The window's wording: English built in, each other language a chunk loaded when first asked for. */
const translations: Catalog<'manager'> = {
  en: { dir, common, manager },
  es: async () => (await import('../locales/es.manager.ts')).es,
  he: async () => (await import('../locales/he.manager.ts')).he,
};

/**
 * @summary The host's "Manage guest access" window: turn guest access on or off, create, edit (name, clicks,
 * expiry, whether its guests wait for a moderator, a new address), pause, copy (the URL or an invitation) and
 * delete up to three guest links for a room, admit the guests waiting in the waiting room, and see every
 * guest so far in History (with a CSV download).
 *
 * Renders inline (for settings pages); with `modal`, nothing is shown until `show()` opens it as a modal
 * window. Nothing is sent before `token` or `getToken` is set; from then on the element keeps the room's
 * live connection, window open or closed, so knocks reach the host: `waiting-count`, `guest-waiting`,
 * and while the window is closed a non-modal alert at the viewport's edge ("Ana Lima is waiting" with
 * Admit and View; `alerts="off"` turns it off), a chime (`sound`), "(N) " in the page's title
 * (`title-badge`) and, once the host opts in with the window's button, browser notifications while the
 * tab is hidden.
 *
 * @event guest-access-change - The host turned guest access on or off or changed the admission
 *   policy. `detail: { enabled, admission }`.
 * @event guest-link-create - The host created a link. `detail: { link }`.
 * @event guest-link-delete - The host deleted a link. `detail: { linkId }`.
 * @event guest-link-rotate - The host gave a link a new address. `detail: { link }` (`link.url` is the new one).
 * @event guest-link-copy - The host copied a link's URL. `detail: { link, url }`.
 * @event guest-waiting - A guest started waiting (arrived, or asked again after a denial), also while the
 *   window is closed. `detail: { guest }`.
 * @event guest-admit - The host admitted guests (one, or all waiting). `detail: { guestIds }`.
 * @event guest-remove - The host removed guests from the session (they are disconnected at once).
 *   `detail: { guestIds }`.
 *
 * @csspart base - The window's content (inline, or inside the modal dialog).
 * @csspart title - The "Manage guest access" heading.
 * @csspart room-title - The room's title under the heading, so a page with several managers tells them apart.
 * @csspart connection - The "Connection lost — reconnecting" line (empty while connected).
 * @csspart dialog - Each native dialog: the main window (modal mode), create and confirm windows.
 * @csspart create-dialog - The "Create new link" window.
 * @csspart confirm-dialog - The delete confirmation window.
 * @csspart switch - The on/off switches (`access-switch`, `admission-switch` as well).
 * @csspart create-button - The "Create new link" button.
 * @csspart table - The table of links.
 * @csspart row - One link's row.
 * @csspart status - A link's status chip (expired, used up, paused, inactive).
 * @csspart admission - A link's admission chip, when it does not follow the room's policy ("Waits for moderator", "Joins directly").
 * @csspart copy-button - A link's copy button.
 * @csspart invitation-button - A link's "Copy invitation" button (room title, schedule and link as text).
 * @csspart pause-switch - A link's Active switch (off: paused, the link answers as invalid).
 * @csspart edit-button - A link's edit button (opens the create window pre-filled).
 * @csspart history-button - The "History" button (hosts who may admit guests).
 * @csspart history-dialog - The guest history window: a link filter, Download CSV, the guests, Load more.
 * @csspart remove-guests - The delete confirmation's "Also remove the guests…" checkbox.
 * @csspart copied - The "Copied" label its copy button shows for two seconds.
 * @csspart url - A link's URL in its row (shortened; selecting it takes it whole).
 * @csspart skeleton - The placeholder rows while the window loads.
 * @csspart expiry-preview - The create window's "Expires …" line under Duration.
 * @csspart admission-mode - The create window's admission choices (follow the room, wait for a moderator, join without waiting).
 * @csspart rotate-checkbox - The edit window's "Give this link a new address" checkbox (applied on Save).
 * @csspart delete-button - A link's delete button.
 * @csspart form - The create-link form.
 * @csspart input - Each text or number field.
 * @csspart submit-button - The dialogs' confirming button (Create, Delete).
 * @csspart cancel-button - The dialogs' Cancel button.
 * @csspart close-button - The windows' close (✕) button.
 * @csspart error - Any error message.
 * @csspart note - Explanations (guest access off, read-only view).
 * @csspart waiting-room - The waiting room section.
 * @csspart in-session - The section listing the guests in the session.
 * @csspart guest-list - A list of guests (waiting, or in the session).
 * @csspart guest - One guest of such a list.
 * @csspart admit-button - A guest's Admit button.
 * @csspart deny-button - A guest's Deny button.
 * @csspart admit-all-button - The Admit all button.
 * @csspart remove-button - A guest's Remove button (in the session).
 * @csspart alert - The knock alert shown while the window is closed.
 * @csspart alert-room-title - The alert's room title, shown while another manager on the page shows alerts too.
 * @csspart alert-admit-button - The alert's Admit (or Admit all) button.
 * @csspart alert-view-button - The alert's View button (opens the window at the waiting room).
 * @csspart alert-dismiss-button - The alert's close button (it comes back with the next knock).
 * @csspart alert-expand-button - A compact alert's line (its room and who waits), shown when the stack does not fit the viewport; it opens the alert in full.
 * @csspart notify-button - The waiting room's "Notify me when guests arrive" button.
 * @csspart auto-admit-dialog - The "Admit the N guests waiting?" window.
 *
 * @cssproperty --guest-access-accent - Buttons, switches and focus rings.
 * @cssproperty --guest-access-accent-text - Text on the accent colour.
 * @cssproperty --guest-access-background - The window's background.
 * @cssproperty --guest-access-text - The text colour.
 * @cssproperty --guest-access-muted - Secondary text.
 * @cssproperty --guest-access-border - Borders and table rules.
 * @cssproperty --guest-access-danger - Delete and error colour.
 * @cssproperty --guest-access-radius - Corner radius of the window and controls.
 * @cssproperty --guest-access-font - The font family.
 */
export class GuestAccessManager extends LitElement {
  static override styles = styles;

  // Declared here rather than with decorators: the decorators' helpers cost the bundle more than this.
  static override properties = {
    api: {},
    room: {},
    token: {},
    getToken: { attribute: false },
    theme: { reflect: true },
    lang: { reflect: true },
    modal: { type: Boolean, reflect: true },
    alerts: {},
    sound: { type: Boolean },
    titleBadge: { type: Boolean, attribute: 'title-badge' },
    shownAsModal: { state: true, attribute: false },
    windowOpen: { state: true, attribute: false },
  };

  /** Base URL of the guest-access API, e.g. `https://guest-access.example.com`. */
  api = '';

  /** The room (media entry) whose guest access this window manages. */
  room = '';

  /** A host token; when it cannot be refreshed. Prefer `getToken`. Nothing is sent before one of the two is set. */
  token = '';

  /** Returns a host token; called again with `true` after a 401 and shortly before the token expires. */
  getToken?: GetToken;

  /** `light` or `dark`; without it the viewer's `prefers-color-scheme` decides. */
  theme?: 'light' | 'dark';

  /** The language (`en`, `es`, `he`); without it the page's. */
  override lang!: string;

  /** Render nothing until `show()` opens the modal window (the live connection still runs). */
  modal = false;

  /** `off`: no built-in alert while the window is closed (the `guest-waiting` event still fires). */
  alerts?: string;

  /** A short chime when a guest knocks, at most once per 10 s (Web Audio, no file). */
  sound = false;

  /** Prefix the page's title with "(N) " while N guests wait (attribute `title-badge`). */
  titleBadge = false;

  readonly localize = new LocalizeController(this, translations, (error) => this.refuse(error));
  /** The room, its live connection, the knock alert and the windows: fetched as the element starts. */
  private readonly content = new LazyPart(this, async () => {
    // Without it nothing reads the answers on their way; Try again asks afresh.
    const { ManagerContent } = await loadContent().catch((error: unknown) => {
      this.dropOpening();
      throw error;
    });
    const content = new ManagerContent(this);
    // A language that failed before the content came is said now, as it would have been then.
    if (this.languageError !== undefined) content.roomState.refuse(this.languageError);
    return content;
  });
  private languageError: unknown;
  /** The room's first requests, sent beside the content's chunk; ended if the element leaves the page first. */
  private opening?: RoomOpening;
  private readonly mainWindow = new ModalDialog(this, 'dialog.main-window');
  private readonly mainWindowClosed = this.mainWindow.whenClosed(() => {
    this.windowOpen = false;
    this.mainWindow.restoreFocus();
  });
  /** `show()` was called: the window lives in a modal dialog from then on. */
  private shownAsModal = false;
  private windowOpen = false;

  /** How many guests wait now (reflected as the `waiting-count` attribute, for badges and styling). */
  get waitingCount(): number {
    return this.content.value?.waitingCount ?? 0;
  }

  /**
   * Says what changed to screen readers (after the host's action, or a knock). The words come with the
   * windows' chunk, which has usually loaded by then; when it cannot, the refusal says so. @internal
   */
  announce(words: (said: WindowsTranslation['windows']) => string): void {
    this.content.value?.announce(words);
  }

  /** Says why something the host asked for could not load, above the table (as a refused request). @internal */
  refuse(error: unknown): void {
    const content = this.content.value;
    if (content) content.roomState.refuse(error);
    else this.languageError = error;
  }

  /** Whether the host can see the window now: inline, or the modal window open. @internal */
  get windowVisible(): boolean {
    return this.windowOpen || !(this.modal || this.shownAsModal);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('lang')) this.localize.update();
    // Requests sent for another room, API or host token are not the ones the content will want.
    if (['api', 'room', 'token', 'getToken'].some((name) => changed.has(name))) this.dropOpening();
  }

  protected override firstUpdated(): void {
    this.content.prefetch();
    // Inline, the window's body shows with the room: its chunk is asked for now, beside the content's, not
    // after it (the content asks again; the browser has it by then).
    if (!this.modal) loadWindowView().catch(() => undefined);
  }

  protected override updated(): void {
    this.setAttribute('waiting-count', String(this.waitingCount));
    // While the content is on its way, its first requests go ahead of it, once there is a room to ask for.
    const { api, room, token, getToken } = this;
    const waiting = !this.content.value && !this.content.failed;
    if (waiting && !this.opening && this.isConnected && api && room && (token || getToken))
      this.opening = sendRoomOpening({ api, room, token, getToken });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dropOpening();
  }

  /** The room's first requests, for the room controller once the content is here (given once). @internal */
  takeOpening(): RoomOpening | undefined {
    const opening = this.opening;
    this.opening = undefined;
    return opening;
  }

  private dropOpening(): void {
    this.opening?.cancel();
    this.opening = undefined;
  }

  /**
   * Opens the window as a modal dialog: focus moves in, the page behind goes inert, Escape closes. A
   * `hidden` element is shown first (a modal inside a hidden element would be invisible yet block the page).
   */
  async show(): Promise<void> {
    this.content.value?.prefetchBody();
    this.hidden = false;
    this.shownAsModal = true;
    this.windowOpen = true;
    await this.updateComplete;
    this.mainWindow.open();
  }

  /** Closes the modal window; focus returns where it was before `show()`. */
  close(): void {
    this.mainWindow.close();
  }

  /** Opens the window with the waiting room in view and focused (the alert's View). @internal */
  async viewWaitingRoom(): Promise<void> {
    await this.show();
    // The waiting room is part of the window's body: there once its chunk is (it usually is).
    await this.content.value?.prefetchBody();
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('#waiting-title');
    // The section at the top of the window's view: the waiting guests are right under its heading.
    heading?.closest('section')?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  /** The page's control that last opened the window with `show()` (the knock alert returns focus to it). @internal */
  get windowOpener(): HTMLElement | undefined {
    return this.mainWindow.lastOpener;
  }

  /** Where focus goes when a closing dialog's opener is gone or disabled. @internal */
  focusFallback(): HTMLElement | null {
    const create = this.renderRoot.querySelector<HTMLButtonElement>('[part~="create-button"]');
    return create && !create.disabled ? create : this.renderRoot.querySelector('#title');
  }

  /** The content, for the windows it opens (they exist only once it has come). */
  private get loaded() {
    const content = this.content.value;
    if (!content) throw new Error('<guest-access-manager>: a window acted before the manager had loaded');
    return content;
  }

  /** Creates a link (for the create window, which shows the refusals). @internal */
  createLink(input: LinkInput): Promise<Link> {
    return this.loaded.createLink(input);
  }

  /** The room's time zone, when it has one (the edit window types expiry dates in it). @internal */
  get roomTimeZone(): string | null {
    return this.content.value?.roomState.access?.room.timeZone ?? null;
  }

  /** Edits a link (for the edit window, which shows the refusals). @internal */
  updateLink(link: Link, changes: LinkChanges): Promise<Link> {
    return this.loaded.updateLink(link, changes);
  }

  /** Gives a link a new address (for the edit window, which shows the refusals). @internal */
  rotateLink(link: Link): Promise<Link> {
    return this.loaded.roomState.rotateLink(link);
  }

  /** Deletes a link, maybe with its guests (for the confirm window, which shows the refusals). @internal */
  deleteLink(link: Link, removeGuests: boolean): Promise<void> {
    return this.loaded.roomState.deleteLink(link, removeGuests);
  }

  override render() {
    const t = this.localize.t;
    const content = this.content.value;
    const room = content?.roomState;
    // Inside the window while it shows (a modal makes everything else inert), else beside the alert.
    const liveRegion = content ? content.announcer.render() : nothing;
    const frame = html`<div part="base" class="base" dir=${this.localize.dir} lang=${this.localize.language}>
      <div class="window-head">
        <h2 id="title" part="title" tabindex="-1">${t.manager.title}</h2>
        ${
          this.shownAsModal
            ? html`<button type="button" class="icon-button" part="close-button" aria-label=${t.common.close} @click=${() => this.close()}>
              ${closeIcon}
            </button>`
            : nothing
        }
      </div>
      ${
        // Which room this is (a page may hold several managers), as a meeting app names its meeting.
        room?.access && !room.failure
          ? html`<p part="room-title" class="room-title"><bdi>${room.access.room.title}</bdi></p>`
          : nothing
      }
      ${room?.failure || room?.access?.room.type === 'channel' ? nothing : html`<p class="muted">${t.manager.intro}</p>`}
      <!-- Always in the window, so the words are announced when they come. -->
      <p part="connection" class="connection" role="status">${
        room?.reconnecting && !room.failure ? t.manager.live.reconnecting : nothing
      }</p>
      ${this.renderBody()} ${this.windowVisible ? liveRegion : nothing}
    </div>`;
    const window = !(this.modal || this.shownAsModal)
      ? frame
      : this.modal && !this.windowOpen
        ? nothing
        : html`<dialog
          part="dialog"
          class="main-window"
          aria-labelledby="title"
          @close=${(event: Event) => event.target === event.currentTarget && this.mainWindowClosed()}
        >
          ${frame}
        </dialog>`;
    return [
      window,
      content ? content.knockAlert.render() : nothing,
      this.windowVisible ? nothing : liveRegion,
    ];
  }

  private renderBody() {
    const content = this.content;
    if (content.value) return content.value.renderBody();
    return content.failed
      ? renderPartFailed(this.localize, content.prefetch)
      : renderLinksSkeleton(this.localize);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'guest-access-manager': GuestAccessManager;
  }
}
