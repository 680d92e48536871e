import { html, LitElement, nothing, type PropertyValues } from 'lit';
import {
  type Admission,
  ApiClient,
  type ApiRequestError,
  type GuestAccess,
  type HostGuest,
  type Link,
} from '../internal/api-client.ts';
import { emit, type GuestAccessEventDetails } from '../internal/events.ts';
import { setLive } from '../internal/live.ts';
import { type Catalog, LocalizeController } from '../internal/localize.ts';
import { common, dir } from '../locales/en.common.ts';
import { manager } from '../locales/en.manager.ts';
import { copyText } from './clipboard.ts';
import { CreateLinkDialog, type LinkInput } from './create-link-dialog.ts';
import { DeleteLinkDialog } from './delete-link-dialog.ts';
import { styles } from './guest-access-manager.styles.ts';
import { type GetToken, HostToken } from './host-token.ts';
import { closeIcon } from './icons.ts';
import { LinkFeedback, renderLinksSkeleton, renderLinksTable } from './links-table.ts';
import { ModalDialog } from './modal-dialog.ts';
import { asApiError, canRetry, describeRefusal } from './refusal.ts';
import { renderWaitingRoom } from './waiting-room.ts';

/** The window's wording: English built in, each other language a chunk loaded when first asked for. */
const translations: Catalog<'manager'> = {
  en: { dir, common, manager },
  es: async () => (await import('../locales/es.manager.ts')).es,
  he: async () => (await import('../locales/he.manager.ts')).he,
};

/** How often the waiting room's "arrived … ago" is brought up to date. */
const WAIT_CLOCK_MS = 15_000;

const byCreatedAt = (a: { createdAt: string }, b: { createdAt: string }) =>
  a.createdAt.localeCompare(b.createdAt);

/** Replaces the item with the same id, or adds it; keeps creation order. */
function upsert<T extends { id: string; createdAt: string }>(items: T[], item: T): T[] {
  return [...items.filter((each) => each.id !== item.id), item].sort(byCreatedAt);
}

/**
 * @summary The host's "Manage guest access" window: turn guest access on or off, create, copy and
 * delete up to three guest links for a room, and admit the guests waiting in the waiting room.
 *
 * Renders inline; `show()` opens it as a modal window instead.
 *
 * @event guest-access-change - The host turned guest access on or off or changed the admission
 *   policy. `detail: { enabled, admission }`.
 * @event guest-link-create - The host created a link. `detail: { link }`.
 * @event guest-link-delete - The host deleted a link. `detail: { linkId }`.
 * @event guest-link-copy - The host copied a link's URL. `detail: { link, url }`.
 * @event guest-waiting - A guest started waiting (arrived, or asked again after a denial), also while the
 *   window is closed. `detail: { guest }`.
 * @event guest-admit - The host admitted guests (one, or all waiting). `detail: { guestIds }`.
 * @event guest-remove - The host removed guests from the session (they are disconnected at once).
 *   `detail: { guestIds }`.
 *
 * @csspart base - The window's content (inline, or inside the modal dialog).
 * @csspart title - The "Manage guest access" heading.
 * @csspart dialog - Each native dialog: the main window (modal mode), create and confirm windows.
 * @csspart create-dialog - The "Create new link" window.
 * @csspart confirm-dialog - The delete confirmation window.
 * @csspart switch - The on/off switches (`access-switch`, `admission-switch` as well).
 * @csspart create-button - The "Create new link" button.
 * @csspart table - The table of links.
 * @csspart row - One link's row.
 * @csspart status - A link's status chip (expired, used up, inactive).
 * @csspart copy-button - A link's copy button.
 * @csspart copied - The "Copied" label its copy button shows for two seconds.
 * @csspart url - A link's URL in its row (shortened; selecting it takes it whole).
 * @csspart skeleton - The placeholder rows while the window loads.
 * @csspart expiry-preview - The create window's "Expires …" line under Duration.
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
 *
 * @cssproperty --guest-access-accent - Buttons, switches and focus rings.
 * @cssproperty --guest-access-accent-text - Text on the accent colour.
 * @cssproperty --guest-access-background - The window's background.
 * @cssproperty --guest-access-text - The text colour.
 * @cssproperty --guest-access-muted - Secondary text.
 * @cssproperty --guest-access-border - Borders and table rules.
 * @cssproperty --guest-access-danger - Delete and error colour.
 * @cssproperty --guest-access-success - Confirmations ("Copied").
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
    access: { state: true, attribute: false },
    waiting: { state: true, attribute: false },
    admitted: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    actionRefusal: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    modal: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    manualCopy: { state: true, attribute: false },
    now: { state: true, attribute: false },
  };

  /** Base URL of the guest-access API, e.g. `https://guest-access.example.com`. */
  api = '';

  /** The room (media entry) whose guest access this window manages. */
  room = '';

  /** A host token; when it cannot be refreshed. Prefer `getToken`. */
  token = '';

  /** Returns a host token; called again with `true` after a 401 and shortly before the token expires. */
  getToken?: GetToken;

  /** `light` or `dark`; without it the viewer's `prefers-color-scheme` decides. */
  theme?: 'light' | 'dark';

  /** The language (`en`, `es`, `he`); without it the page's. */
  override lang!: string;

  readonly localize = new LocalizeController(this, translations);

  private access?: GuestAccess;
  private waiting: HostGuest[] = [];
  /** The guests in the session. */
  private admitted: HostGuest[] = [];
  /** Why the window could not load (shown instead of it, with a retry). */
  private failure?: ApiRequestError;
  /** Why the host's last action was refused (shown above the table). */
  private actionRefusal?: ApiRequestError;
  private busy = false;
  private modal = false;
  /** The text of the polite live region. */
  private announcement = '';
  /** A URL the browser refused to copy, shown for copying by hand. */
  private manualCopy?: string;
  private now = Date.now();

  private readonly hostToken = new HostToken(() => ({ token: this.token, getToken: this.getToken }));
  private readonly createDialog = new CreateLinkDialog(this);
  private readonly deleteDialog = new DeleteLinkDialog(this);
  private readonly mainWindow = new ModalDialog(this, 'dialog.main-window');
  private readonly linkFeedback = new LinkFeedback(this);
  private client = new ApiClient(location.href);
  /** Aborts this instance's requests and event stream (room change, removal from the page). */
  private live?: AbortController;
  /** Counts changes applied (events, own actions) so a load that raced one is redone, not applied. */
  private changes = 0;
  private loads = 0;
  private clock?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock = setInterval(() => {
      if (this.waiting.length || this.admitted.length) this.now = Date.now();
    }, WAIT_CLOCK_MS);
    // Put back on the page: reopen the stream, keeping what is shown until fresh data arrives.
    if (this.hasUpdated) this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
    this.live?.abort();
    this.live = undefined;
    this.hostToken.reset();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) this.localize.update();
    if (changed.has('token') || changed.has('getToken')) this.hostToken.reset();
    if (changed.has('api') || changed.has('room')) {
      this.client = new ApiClient(this.api || location.href, (refresh) => this.hostToken.get(refresh));
      this.access = undefined;
      this.waiting = [];
      this.admitted = [];
      this.start();
    } else if ((changed.has('token') || changed.has('getToken')) && this.failure) {
      this.start();
    }
  }

  /** How many guests wait now (reflected as the `waiting-count` attribute, for badges and styling). */
  get waitingCount(): number {
    return this.waiting.length;
  }

  protected override updated(): void {
    this.setAttribute('waiting-count', String(this.waiting.length));
    // The switches show what the server confirmed, also after a click it refused or has yet to answer.
    const access = this.access;
    if (!access) return;
    const root = this.renderRoot;
    setLive(root.querySelector('[part~="access-switch"]'), 'checked', access.enabled);
    setLive(root.querySelector('[part~="admission-switch"]'), 'checked', access.admission === 'moderator');
  }

  /** Opens the window as a modal dialog: focus moves in, the page behind goes inert, Escape closes. */
  async show(): Promise<void> {
    this.modal = true;
    await this.updateComplete;
    this.mainWindow.open();
  }

  /** Closes the modal window; focus returns where it was before `show()`. */
  close(): void {
    this.mainWindow.close();
  }

  /** Where focus goes when a closing dialog's opener is gone or disabled. @internal */
  focusFallback(): HTMLElement | null {
    const create = this.renderRoot.querySelector<HTMLButtonElement>('[part~="create-button"]');
    return create && !create.disabled ? create : this.renderRoot.querySelector('#title');
  }

  private path(rest: string): string {
    return `v1/rooms/${encodeURIComponent(this.room)}/${rest}`;
  }

  /** Loads the window and follows the room's events; a (re)opened stream reloads what it missed. */
  private start(): void {
    this.live?.abort();
    this.live = undefined;
    this.failure = undefined;
    if (!this.isConnected || !this.api || !this.room) return;
    const live = new AbortController();
    this.live = live;
    void this.load(live.signal);
    void this.client.follow(
      this.path('events'),
      {
        onOpen: () => void this.load(live.signal),
        onEvent: (name, data) => this.onRoomEvent(name, data),
        // The stream ends at the token's exp, or when the room or token stops passing the checks: a
        // fresh token reopens it, a refusal is shown as a failed load would be.
        reconnectOnEnd: true,
        onError: (error) => {
          if (!live.signal.aborted) this.failure = error;
        },
      },
      live.signal,
    );
  }

  private async load(signal: AbortSignal): Promise<void> {
    const load = ++this.loads;
    const changesBefore = this.changes;
    try {
      const access = await this.client.request<GuestAccess>('GET', this.path('guest-access'), { signal });
      const guests = (status: 'waiting' | 'admitted') =>
        access.permissions.includes('guests:admit')
          ? this.client
              .listGuests(this.path(`guests?status=${status}`), signal)
              .then((all) => all.sort(byCreatedAt))
          : [];
      const [waiting, admitted] = await Promise.all([guests('waiting'), guests('admitted')]);
      if (signal.aborted || load !== this.loads) return;
      if (this.changes !== changesBefore) return this.load(signal);
      this.access = access;
      this.waiting = waiting;
      this.admitted = admitted;
      this.failure = undefined;
    } catch (error) {
      if (!signal.aborted && load === this.loads) this.failure = asApiError(error);
    }
  }

  private reload(): void {
    if (this.live) void this.load(this.live.signal);
  }

  private onRoomEvent(name: string, data: unknown): void {
    // A load in flight may have read the state from before this event.
    this.changes++;
    if (name === 'guest') {
      this.onGuest(data as HostGuest);
      return;
    }
    const access = this.access;
    if (!access) return;
    if (name === 'link') {
      this.changeLinks((links) => upsert(links, data as Link));
    } else if (name === 'link-deleted') {
      const { id } = data as { id: string };
      this.changeLinks((links) => links.filter((link) => link.id !== id));
    } else if (name === 'guest-access') {
      const next = data as { enabled: boolean; admission: Admission };
      // The switch changes every link's status; the server is the one to say which.
      if (next.enabled !== access.enabled) this.reload();
      else this.access = { ...access, ...next };
    }
  }

  /** A guest's new status: into the list it belongs to (waiting, in the session), out of the others. */
  private onGuest(guest: HostGuest): void {
    const arrived = guest.status === 'waiting' && !this.waiting.some((each) => each.id === guest.id);
    this.changeGuests([guest], guest.status);
    if (arrived) {
      this.announce(this.localize.t.manager.waitingRoom.arrivedAnnouncement(guest.name));
      emit(this, 'guest-waiting', { guest });
    }
  }

  /** Applies a change reported by an event or made by the host (as opposed to a load). */
  private changeLinks(change: (links: Link[]) => Link[]): void {
    if (!this.access) return;
    this.changes++;
    this.access = { ...this.access, links: change(this.access.links) };
  }

  /** Puts `guests` in the list of `status` and takes them out of the other. */
  private changeGuests(guests: HostGuest[], status: HostGuest['status']): void {
    this.changes++;
    const ids = guests.map((guest) => guest.id);
    const place = (list: HostGuest[], listed: boolean) => {
      const others = list.filter((each) => !ids.includes(each.id));
      return listed ? [...others, ...guests].sort(byCreatedAt) : others;
    };
    this.waiting = place(this.waiting, status === 'waiting');
    this.admitted = place(this.admitted, status === 'admitted');
  }

  /** Says `text` in the polite live region (emptied first, so a repeated message is said again). */
  private async announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  /** Runs one of the host's actions: refusals go above the table, nothing freezes. */
  private async act(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await action();
      this.actionRefusal = undefined;
    } catch (error) {
      this.actionRefusal = asApiError(error);
    } finally {
      this.busy = false;
    }
  }

  /** Creates a link (for the create window, which shows the refusals). @internal */
  async createLink(input: LinkInput): Promise<Link> {
    const link = await this.client.request<Link>('POST', this.path('links'), { body: input });
    this.changeLinks((links) => upsert(links, link));
    this.linkFeedback.markCreated(link.id);
    this.actionRefusal = undefined;
    emit(this, 'guest-link-create', { link });
    void this.announce(this.localize.t.manager.create.created(link.name));
    return link;
  }

  /** Deletes a link (for the confirm window, which shows the refusals). @internal */
  async deleteLink(link: Link): Promise<void> {
    await this.client.request('DELETE', this.path(`links/${encodeURIComponent(link.id)}`));
    this.changeLinks((links) => links.filter((each) => each.id !== link.id));
    this.actionRefusal = undefined;
    emit(this, 'guest-link-delete', { linkId: link.id });
    void this.announce(this.localize.t.manager.deleted(link.name));
  }

  private async copy(link: Link): Promise<void> {
    if (await copyText(link.url)) {
      this.manualCopy = undefined;
      this.linkFeedback.markCopied(link.id);
      emit(this, 'guest-link-copy', { link, url: link.url });
      void this.announce(this.localize.t.manager.copied);
    } else {
      this.manualCopy = link.url;
    }
  }

  private changeAccess(change: {
    enabled?: boolean;
    admission?: Admission;
    lobbyMessage?: string | null;
  }): Promise<void> {
    return this.act(async () => {
      const next = await this.client.request<GuestAccessEventDetails['guest-access-change']>(
        'PATCH',
        this.path('guest-access'),
        { body: change },
      );
      if (this.access) this.access = { ...this.access, ...next };
      emit(this, 'guest-access-change', next);
      // Turning access off or on changes every link's status; the server is the one to say which.
      if (change.enabled !== undefined) this.reload();
    });
  }

  /** Admits one waiting guest, or (`all`) every one: they move to the guests in the session. */
  private async admit(guest: HostGuest | undefined): Promise<void> {
    const refocus = this.focusAfterRowGoes(guest);
    await this.act(async () => {
      const answer = guest
        ? [await this.decide(guest, 'admit')]
        : (await this.client.request<{ guests: HostGuest[] }>('POST', this.path('guests/admit-all'))).guests;
      this.changeGuests(answer, 'admitted');
      emit(this, 'guest-admit', { guestIds: answer.map((each) => each.id) });
      void this.announce(this.localize.t.manager.waitingRoom.admitted(answer.length));
    });
    await refocus();
  }

  /** Denies a waiting guest, or removes one from the session (disconnected at once, SPEC rule 6). */
  private async turnAway(guest: HostGuest, decision: 'deny' | 'remove'): Promise<void> {
    const refocus = this.focusAfterRowGoes(guest);
    await this.act(async () => {
      const decided = await this.decide(guest, decision);
      this.changeGuests([decided], decided.status);
      const m = this.localize.t.manager;
      if (decision === 'remove') emit(this, 'guest-remove', { guestIds: [guest.id] });
      void this.announce((decision === 'deny' ? m.waitingRoom.denied : m.inSession.removed)(guest.name));
    });
    await refocus();
  }

  /**
   * A decided guest's row (and the button pressed in it, or Admit all) goes away; without this, keyboard
   * focus would fall back to the page. Returns what to run once the action is done: focus the row now in
   * its place (or the one before), else the list's heading. No guest: Admit all, in the waiting room.
   */
  private focusAfterRowGoes(guest?: HostGuest): () => Promise<void> {
    const row = guest && this.renderRoot.querySelector(`[data-guest-id="${CSS.escape(guest.id)}"]`);
    const section = row
      ? row.closest('section')
      : this.renderRoot.querySelector('section[part="waiting-room"]');
    const index = row?.parentElement ? [...row.parentElement.children].indexOf(row) : 0;
    return async () => {
      await this.updateComplete;
      const focused = this.shadowRoot?.activeElement;
      if (!section || (focused && !(focused as HTMLButtonElement).disabled)) return;
      const rows = section.querySelectorAll('li[data-guest-id]');
      const next = rows[Math.min(index, rows.length - 1)]?.querySelector('button');
      (next ?? section.querySelector<HTMLElement>('h3'))?.focus();
    };
  }

  private decide(guest: HostGuest, decision: string): Promise<HostGuest> {
    return this.client.request('POST', this.path(`guests/${encodeURIComponent(guest.id)}/${decision}`));
  }

  override render() {
    const t = this.localize.t;
    const content = html`<div part="base" class="base" dir=${this.localize.dir} lang=${this.localize.language}>
      <div class="window-head">
        <h2 id="title" part="title" tabindex="-1">${t.manager.title}</h2>
        ${
          this.modal
            ? html`<button
              type="button"
              class="icon-button"
              part="close-button"
              aria-label=${t.common.close}
              @click=${() => this.close()}
            >
              ${closeIcon}
            </button>`
            : nothing
        }
      </div>
      ${this.failure || this.access?.room.type === 'channel' ? nothing : html`<p class="muted">${t.manager.intro}</p>`}
      ${this.renderBody()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
    if (!this.modal) return content;
    return html`<dialog
      part="dialog"
      class="main-window"
      aria-labelledby="title"
      @close=${(event: Event) => {
        if (event.target === event.currentTarget) this.mainWindow.restoreFocus();
      }}
    >
      ${content}
    </dialog>`;
  }

  private renderBody() {
    const t = this.localize.t;
    if (this.failure) {
      return html`<div part="error" class="error refusal" role="alert">
        <p>${describeRefusal(this.failure, t)}</p>
        ${
          canRetry(this.failure)
            ? html`<button type="button" class="button" @click=${() => this.start()}>${t.common.retry}</button>`
            : nothing
        }
      </div>`;
    }
    const access = this.access;
    if (!access) return renderLinksSkeleton(this.localize);
    if (access.room.type === 'channel') {
      return html`<p part="error" class="error refusal" role="alert">${t.manager.refusal.channel}</p>`;
    }
    const m = t.manager;
    const canManage = access.permissions.includes('guest-access:manage');
    const canAdmit = access.permissions.includes('guests:admit');
    const cannotCreate = !access.enabled
      ? m.createNeedsAccess
      : access.links.length >= access.maxLinks
        ? m.createAtLimit(access.maxLinks)
        : undefined;
    return html`
      <label class="switch-row">
        <input
          type="checkbox"
          role="switch"
          class="switch"
          part="switch access-switch"
          ?disabled=${!canManage || this.busy}
          @change=${(event: Event) => this.changeAccess({ enabled: (event.target as HTMLInputElement).checked })}
        />
        <span>${m.enable}</span>
      </label>
      ${access.enabled ? nothing : html`<p part="note" class="note">${m.offNote}</p>`}
      ${canManage ? nothing : html`<p part="note" class="note">${m.readOnly}</p>`}
      <div class="toolbar">
        <span class="count">${m.linkCount(access.links.length)}</span>
        ${
          canManage
            ? html`<button
              type="button"
              class="button primary"
              part="create-button"
              ?disabled=${cannotCreate !== undefined}
              aria-describedby=${cannotCreate ? 'create-reason' : nothing}
              @click=${() => this.createDialog.open()}
            >
              ${m.createLink}
            </button>`
            : nothing
        }
      </div>
      ${canManage && cannotCreate ? html`<p id="create-reason" class="muted small reason">${cannotCreate}</p>` : nothing}
      ${
        this.actionRefusal
          ? html`<p part="error" class="error" role="alert">
            ${describeRefusal(this.actionRefusal, t, access.maxLinks)}
          </p>`
          : nothing
      }
      ${
        this.manualCopy
          ? html`<label class="note manual-copy"
            >${m.copyByHand}
            <input part="input" readonly .value=${this.manualCopy} @focus=${(event: Event) => (event.target as HTMLInputElement).select()}
          /></label>`
          : nothing
      }
      ${renderLinksTable(this.localize, {
        links: access.links,
        canManage,
        feedback: this.linkFeedback,
        onCopy: (link) => void this.copy(link),
        onDelete: (link) => void this.deleteDialog.open(link),
      })}
      ${renderWaitingRoom(this.localize, {
        waiting: this.waiting,
        admitted: this.admitted,
        moderated: access.admission === 'moderator',
        canManage,
        canAdmit,
        accessEnabled: access.enabled,
        busy: this.busy,
        now: this.now,
        lobbyMessage: access.lobbyMessage,
        onLobbyMessageSave: (message) => void this.changeAccess({ lobbyMessage: message }),
        onModeratedChange: (moderated) =>
          void this.changeAccess({ admission: moderated ? 'moderator' : 'auto' }),
        onAdmit: (guest) => void this.admit(guest),
        onAdmitAll: () => void this.admit(undefined),
        onDeny: (guest) => void this.turnAway(guest, 'deny'),
        onRemove: (guest) => void this.turnAway(guest, 'remove'),
      })}
      ${canManage ? [this.createDialog.render(), this.deleteDialog.render()] : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'guest-access-manager': GuestAccessManager;
  }
}
