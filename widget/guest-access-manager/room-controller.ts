// One room as the host's window sees it: the API client with the host token, the room's state (guest
// access, links, waiting and admitted guests), kept live by the room's event stream, and the host's
// actions on it. The element only renders this state; the stream runs whether the window is open or not.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type Admission,
  ApiClient,
  ApiRequestError,
  type GuestAccess,
  type GuestHistoryFilter,
  type GuestPage,
  type HostGuest,
  type Link,
  type LinkChanges,
} from '../internal/api-client.ts';
import { roomPath } from '../internal/api-url.ts';
import { blockedByCsp } from '../internal/csp.ts';
import { emit } from '../internal/events.ts';
import { invitationText } from '../internal/invitation.ts';
import type { LocalizeController } from '../internal/localize.ts';
import type { WindowsTranslation } from '../locales/en.ts';
import { copyText } from './clipboard.ts';
import type { LinkInput } from './create-link-dialog.ts';
import { type GetToken, HostToken, tokenRoom } from './host-token.ts';
import { GUEST_LISTS, guestListPath, type RoomOpening } from './open-room.ts';
import { asApiError } from './refusal.ts';

/** How often the waiting room's "arrived … ago" is brought up to date. */
const WAIT_CLOCK_MS = 15_000;

const byCreatedAt = (a: { createdAt: string }, b: { createdAt: string }) =>
  a.createdAt.localeCompare(b.createdAt);

/** Replaces the item with the same id, or adds it; keeps creation order. */
function upsert<T extends { id: string; createdAt: string }>(items: T[], item: T): T[] {
  return [...items.filter((each) => each.id !== item.id), item].sort(byCreatedAt);
}

export interface RoomHost extends ReactiveControllerHost, HTMLElement {
  api: string;
  room: string;
  token: string;
  getToken?: GetToken;
  /** The room's first requests, sent before this controller's chunk came (given once). */
  takeOpening(): RoomOpening | undefined;
  readonly localize: LocalizeController<'manager'>;
  /** Says what changed to screen readers; the words come with the windows' chunk. */
  announce(words: (said: WindowsTranslation['windows']) => string): void;
}

type AccessChange = { enabled?: boolean; admission?: Admission; lobbyMessage?: string | null };

export class RoomController implements ReactiveController {
  access?: GuestAccess;
  waiting: HostGuest[] = [];
  /** The guests in the session. */
  admitted: HostGuest[] = [];
  /** Why the window could not load (shown instead of it, with a retry). */
  failure?: ApiRequestError;
  /** The room's stream dropped and is being reopened: what shows may be out of date meanwhile. */
  reconnecting = false;
  /** Why the host's last action was refused (shown above the table). */
  actionRefusal?: ApiRequestError;
  busy = false;
  /** A URL the browser refused to copy, shown for copying by hand. */
  manualCopy?: string;
  now = Date.now();

  private readonly hostToken: HostToken;
  private client: ApiClient;
  /** What the client was made for: a change of api or room starts over, of the token reconnects. */
  private made: { api?: string; room?: string; token?: string; getToken?: GetToken } = {};
  /** Aborts this room's requests and event stream (room change, removal from the page). */
  private live?: AbortController;
  /** Counts changes applied (events, own actions) so a load that raced one is redone, not applied. */
  private changes = 0;
  private loads = 0;
  private clock?: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: RoomHost,
    /** A guest started waiting (arrived, or asked again), window open or closed: the knock alert says so. */
    private readonly onArrival: (guest: HostGuest) => void,
  ) {
    this.hostToken = new HostToken(() => ({ token: host.token, getToken: host.getToken }));
    this.client = this.newClient();
    host.addController(this);
  }

  hostConnected(): void {
    this.clock = setInterval(() => {
      if (this.waiting.length || this.admitted.length) this.changed({ now: Date.now() });
    }, WAIT_CLOCK_MS);
    // Put back on the page: reopen the stream, keeping what is shown until fresh data arrives.
    if (this.made.room !== undefined) this.start();
  }

  hostDisconnected(): void {
    clearInterval(this.clock);
    this.stop();
    this.hostToken.reset();
  }

  /** Follows the element's api, room and token: nothing is sent before there is a token. */
  hostUpdate(): void {
    const { api, room, token, getToken } = this.host;
    const made = this.made;
    if (api === made.api && room === made.room && token === made.token && getToken === made.getToken) return;
    this.made = { api, room, token, getToken };
    this.hostToken.reset();
    if (api !== made.api || room !== made.room) {
      this.client = this.newClient();
      this.access = undefined;
      this.waiting = [];
      this.admitted = [];
      this.start();
    } else if (!this.live || this.failure) {
      this.start();
    }
  }

  /** A client for the room; with `opening`, one whose first requests read the answers already on their way. */
  private newClient(opening?: RoomOpening): ApiClient {
    const client = new ApiClient(this.host.api || location.href, (refresh) => this.hostToken.get(refresh));
    for (const [path, answer] of opening?.answers ?? []) client.sentAhead(path, answer);
    return client;
  }

  /** Whether the element may talk to the API at all: a room, an API, a token or a way to get one. */
  get ready(): boolean {
    return !!(this.host.isConnected && this.host.api && this.host.room && this.hostToken.present);
  }

  private changed(patch: Partial<RoomController>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  private path(rest: string): string {
    return roomPath(this.host.room, rest);
  }

  private stop(): void {
    this.live?.abort();
    this.live = undefined;
  }

  /** Loads the room and follows its events; a (re)opened stream reloads what it missed. */
  start(): void {
    this.stop();
    this.failure = undefined;
    this.reconnecting = false;
    this.host.requestUpdate();
    const client = this.client;
    // Without `api` the window would show its placeholder for good, with no word as to why.
    if (this.host.isConnected && !this.host.api && this.host.room && this.hostToken.present)
      console.warn(
        `<guest-access-manager> room "${this.host.room}" has no api: set it to the guest-access service's base URL, e.g. https://guest-access.example.com.`,
      );
    if (!this.ready) return;
    const live = new AbortController();
    this.live = live;
    // The element's first requests, sent before this chunk was here: the first load reads their answers.
    const opening = this.host.takeOpening();
    const { api, room, token, getToken } = this.host;
    if (
      opening?.api === api &&
      opening.room === room &&
      opening.token === token &&
      opening.getToken === getToken
    ) {
      live.signal.addEventListener('abort', opening.cancel, { once: true });
      // The token those requests were sent with: getToken is not asked twice for one start.
      if (getToken) this.hostToken.adopt(opening.bearer);
      void this.load(live.signal, opening);
    } else {
      opening?.cancel();
      void this.load(live.signal);
    }
    void client.follow(
      this.path('events'),
      {
        onOpen: () => {
          if (this.reconnecting) this.changed({ reconnecting: false });
          void this.load(live.signal);
        },
        onDrop: () => this.reconnecting || this.changed({ reconnecting: true }),
        onEvent: (name, data) => this.onRoomEvent(name, data),
        // The stream ends at the token's exp, or when the room or token stops passing the checks: a
        // fresh token reopens it, a refusal is shown as a failed load would be.
        reconnectOnEnd: true,
        onError: (error) => {
          if (!live.signal.aborted) void this.fail(error, live.signal);
        },
      },
      live.signal,
    );
  }

  private async load(signal: AbortSignal, opening?: RoomOpening): Promise<void> {
    const client = opening ? this.newClient(opening) : this.client;
    const load = ++this.loads;
    const changesBefore = this.changes;
    try {
      const access = await client.getGuestAccess(this.host.room, signal);
      const [waiting, admitted] = await Promise.all(
        GUEST_LISTS.map((status) =>
          access.permissions.includes('guests:admit')
            ? client
                .listGuests(guestListPath(this.host.room, status), signal)
                .then((all) => all.sort(byCreatedAt))
            : [],
        ),
      );
      if (signal.aborted || load !== this.loads) return;
      if (this.changes !== changesBefore) return this.load(signal);
      this.changed({ access, waiting, admitted, failure: undefined });
    } catch (error) {
      if (signal.aborted || load !== this.loads) return;
      const failed = asApiError(error);
      // A window already shown stays through a lost connection (a deploy): the stream reopening loads it again.
      if (failed.code === 'network' && this.access) return this.changed({ reconnecting: true });
      await this.fail(failed, signal);
    }
  }

  /**
   * Shows why the room could not load, named for what went wrong: no answer may be the page's origin
   * refused by CORS (the server still answers a request without CORS), a 403 may be a token for
   * another room.
   */
  private async fail(error: ApiRequestError, signal: AbortSignal): Promise<void> {
    let named = error;
    if (error.code === 'network') {
      const reachable = await fetch(this.client.url(this.path('guest-access')), {
        mode: 'no-cors',
        signal,
      }).then(
        () => true,
        () => false,
      );
      const api = new URL(this.client.url('')).origin;
      if (reachable) named = new ApiRequestError('origin_not_allowed', 0, error.message);
      else if (await blockedByCsp(api))
        named = new ApiRequestError(
          'blocked_by_csp',
          0,
          `The page's Content-Security-Policy blocks ${api}: add it to connect-src.`,
        );
    } else if (error.code === 'forbidden') {
      const room = this.hostToken.last && tokenRoom(this.hostToken.last);
      if (room !== undefined && room !== this.host.room)
        named = new ApiRequestError('wrong_room', 403, error.message);
    }
    if (signal.aborted) return;
    // The load and the stream often fail alike: one failure is one warning.
    const repeated = this.failure?.code === named.code && this.failure.message === named.message;
    this.changed({ failure: named });
    // The host reads a sentence for people; whoever set the page up needs the server's own reason (a bad
    // signature, an unknown room), which a failed request shows nowhere else.
    if (!repeated)
      console.warn(
        `<guest-access-manager> room "${this.host.room}" could not load: ${named.code} (${named.status}) ${named.message}`,
      );
  }

  private reload(): void {
    if (this.live) void this.load(this.live.signal);
  }

  private onRoomEvent(name: string, data: unknown): void {
    // `hosts` (sent as each stream opens) changes nothing this window shows: counting it would redo the
    // load the opening started, three loads per mount instead of two.
    if (name === 'hosts') return;
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
      else this.changed({ access: { ...access, ...next } });
    }
  }

  /** A guest's new status: into the list it belongs to (waiting, in the session), out of the others. */
  private onGuest(guest: HostGuest): void {
    const arrived = guest.status === 'waiting' && !this.waiting.some((each) => each.id === guest.id);
    this.changeGuests([guest], guest.status);
    if (arrived) {
      emit(this.host, 'guest-waiting', { guest });
      this.onArrival(guest);
    }
  }

  /** Applies a change reported by an event or made by the host (as opposed to a load). */
  private changeLinks(change: (links: Link[]) => Link[]): void {
    if (!this.access) return;
    this.changes++;
    this.changed({ access: { ...this.access, links: change(this.access.links) } });
  }

  /** Puts `guests` in the list of `status` and takes them out of the other. */
  private changeGuests(guests: HostGuest[], status: HostGuest['status']): void {
    this.changes++;
    const ids = guests.map((guest) => guest.id);
    const place = (list: HostGuest[], listed: boolean) => {
      const others = list.filter((each) => !ids.includes(each.id));
      return listed ? [...others, ...guests].sort(byCreatedAt) : others;
    };
    this.changed({
      waiting: place(this.waiting, status === 'waiting'),
      admitted: place(this.admitted, status === 'admitted'),
    });
  }

  /** Runs one of the host's actions: refusals go above the table, nothing freezes. */
  private async act(action: () => Promise<void>): Promise<boolean> {
    this.changed({ busy: true });
    try {
      await action();
      this.changed({ actionRefusal: undefined });
      return true;
    } catch (error) {
      this.changed({ actionRefusal: asApiError(error) });
      return false;
    } finally {
      this.changed({ busy: false });
    }
  }

  /** Creates a link (the create window shows the refusals). */
  async createLink(input: LinkInput): Promise<Link> {
    const link = await this.client.createLink(this.host.room, input);
    this.changeLinks((links) => upsert(links, link));
    this.changed({ actionRefusal: undefined });
    emit(this.host, 'guest-link-create', { link });
    this.host.announce(({ announcements: said }) => said.created(link.name));
    return link;
  }

  /** Edits a link (the edit window shows the refusals). */
  async updateLink(link: Link, changes: LinkChanges): Promise<Link> {
    const updated = await this.client.updateLink(this.host.room, link.id, changes);
    this.changeLinks((links) => upsert(links, updated));
    this.changed({ actionRefusal: undefined });
    return updated;
  }

  /** Gives a link a new address (the edit window shows the refusals). */
  async rotateLink(link: Link): Promise<Link> {
    const rotated = await this.client.rotateLink(this.host.room, link.id);
    this.changeLinks((links) => upsert(links, rotated));
    this.changed({ actionRefusal: undefined });
    emit(this.host, 'guest-link-rotate', { link: rotated });
    this.host.announce(({ announcements: said }) => said.rotated(rotated.name));
    return rotated;
  }

  /** One page of the room's guest history (the History window). */
  history(filter: GuestHistoryFilter, signal: AbortSignal): Promise<GuestPage> {
    return this.client.listGuestHistory(this.host.room, filter, signal);
  }

  /** The guest history as CSV (the History window's Download CSV). */
  historyCsv(filter: GuestHistoryFilter): Promise<Blob> {
    return this.client.downloadGuestHistoryCsv(this.host.room, filter);
  }

  /** Pauses or resumes one link (its switch in the row); a refusal goes above the table. */
  setPaused(link: Link, paused: boolean): Promise<boolean> {
    return this.act(async () => {
      const updated = await this.client.setLinkPaused(this.host.room, link.id, paused);
      this.changeLinks((links) => upsert(links, updated));
      this.host.announce(({ announcements: said }) => (paused ? said.paused : said.resumed)(link.name));
    });
  }

  /** Deletes a link, with `removeGuests` also its guests (the confirm window shows the refusals). */
  async deleteLink(link: Link, removeGuests = false): Promise<void> {
    await this.client.deleteLink(this.host.room, link.id, { removeGuests });
    this.changeLinks((links) => links.filter((each) => each.id !== link.id));
    this.changed({ actionRefusal: undefined });
    emit(this.host, 'guest-link-delete', { linkId: link.id });
    this.host.announce(({ announcements: said }) => said.deleted(link.name));
  }

  /** Copies the link's URL; false when the browser refused (the URL is then shown for copying by hand). */
  async copy(link: Link): Promise<boolean> {
    if (!(await this.copyShown(link.url))) return false;
    emit(this.host, 'guest-link-copy', { link, url: link.url });
    this.host.announce(({ announcements: said }) => said.copied);
    return true;
  }

  /** Copies the invitation (room title, schedule in the host's language and time zone, link) as plain text. */
  async copyInvitation(link: Link): Promise<boolean> {
    const room = this.access?.room;
    if (!room) return false;
    const text = invitationText({ room, url: link.url, locale: this.host.localize.language });
    if (!(await this.copyShown(text))) return false;
    this.host.announce(({ announcements: said }) => said.invitationCopied);
    return true;
  }

  /** Copies `text`, or shows it for copying by hand when the browser refused. */
  private async copyShown(text: string): Promise<boolean> {
    const copied = await copyText(text);
    this.changed({ manualCopy: copied ? undefined : text });
    if (!copied) this.host.announce((said) => said.copyByHand);
    return copied;
  }

  /** Shows that a part the host asked for (a window, its wording) could not load. */
  refuse(error: unknown): void {
    this.changed({ actionRefusal: new ApiRequestError('part_failed', 0, String(error)) });
  }

  changeAccess(change: AccessChange): Promise<boolean> {
    return this.act(async () => {
      const next = await this.client.setGuestAccess(this.host.room, change);
      if (this.access) this.changed({ access: { ...this.access, ...next } });
      emit(this.host, 'guest-access-change', next);
      // Turning access off or on changes every link's status; the server is the one to say which.
      if (change.enabled !== undefined) this.reload();
    });
  }

  /** Admits one waiting guest, or (`all`) every one: they move to the guests in the session. */
  admit(guest: HostGuest | undefined): Promise<boolean> {
    return this.act(async () => {
      const answer = guest
        ? [await this.decide(guest, 'admit')]
        : await this.client.admitAllGuests(this.host.room);
      this.changeGuests(answer, 'admitted');
      emit(this.host, 'guest-admit', { guestIds: answer.map((each) => each.id) });
      this.host.announce(({ announcements: said }) => said.admitted(answer.length));
    });
  }

  /** Denies a waiting guest, or removes one from the session (disconnected at once, SPEC rule 6). */
  turnAway(guest: HostGuest, decision: 'deny' | 'remove'): Promise<boolean> {
    return this.act(async () => {
      const decided = await this.decide(guest, decision);
      this.changeGuests([decided], decided.status);
      if (decision === 'remove') emit(this.host, 'guest-remove', { guestIds: [guest.id] });
      this.host.announce(({ announcements: said }) =>
        (decision === 'deny' ? said.denied : said.removed)(guest.name),
      );
    });
  }

  private decide(guest: HostGuest, decision: 'admit' | 'deny' | 'remove'): Promise<HostGuest> {
    return this.client.decideGuest(this.host.room, guest.id, decision);
  }
}
