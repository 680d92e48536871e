// The typed API client (dist/client.js, the elements package's `./client`): every host method and the
// event streams on top of api-request.ts (JSON over fetch with a bearer token, ApiRequestError), which
// the entry form uses alone until the guest is in.

// The response shapes come from the API's own valibot schemas (types only: nothing of the API is bundled).
import type { InferOutput } from 'valibot';
import type {
  guestAccessPatchBody,
  guestAccessPatchResponse,
  guestAccessResponse,
  guestSessionResponse,
  guestsResponse,
  hostGuestResponse,
  linkBody,
  linkPatchBody,
  linkPreviewResponse,
  linkResponse,
  redemptionResponse,
} from '../../api/schemas.ts';
import { ApiRequester } from './api-request.ts';
import { roomPath } from './api-url.ts';
import { type EventHandlers, followEvents } from './event-stream.ts';

export type Link = InferOutput<typeof linkResponse>;
export type LinkStatus = Link['status'];
/** A link's own admission: `room` follows the room's policy. */
export type LinkAdmission = Link['admission'];
/**
 * What `updateLink` may change; fields left out stay. `maxUses`/`expiresAt` null: unlimited/never. Expiry by
 * `durationDays` (counted from now) or `expiresAt` (an ISO instant), not both.
 */
export type LinkChanges = Partial<InferOutput<typeof linkPatchBody>>;
/** A new link: a name, and optionally `maxUses`, an expiry (`durationDays` or `expiresAt`) and `admission`. */
export type NewLink = InferOutput<typeof linkBody>;
/** Which guests a history page or CSV lists. */
export interface GuestHistoryFilter {
  status?: GuestStatus;
  linkId?: string;
  cursor?: string;
}

export type GuestAccess = InferOutput<typeof guestAccessResponse>;
export type Admission = GuestAccess['admission'];
/** What `setGuestAccess` may change; fields left out stay. */
export type GuestAccessChanges = Partial<InferOutput<typeof guestAccessPatchBody>>;
/** The room's switch, admission policy and lobby message, as `setGuestAccess` answers them. */
export type GuestAccessSettings = InferOutput<typeof guestAccessPatchResponse>;
export type Permission = GuestAccess['permissions'][number];
export type HostGuest = InferOutput<typeof hostGuestResponse>;
export type GuestStatus = HostGuest['status'];
export type GuestPage = InferOutput<typeof guestsResponse>;
export type LinkPage = InferOutput<typeof linkPreviewResponse>;
export type RoomSchedule = LinkPage['room'];
export type Redemption = InferOutput<typeof redemptionResponse>;
export type RoomSummary = Redemption['room'];
export type GuestSession = InferOutput<typeof guestSessionResponse>;
/** A waiting guest's lobby: the host's message, their place in line (1 = next), whether a host is here. */
export type Lobby = NonNullable<GuestSession['lobby']>;
/** Whether a denied guest may ask again (`POST /v1/guest/session/knock`): knocks left, and from when. */
export type KnockState = GuestSession['knock'];

/** The whole client: every host method, and the lobby and host event streams (`follow`). */
export class ApiClient extends ApiRequester {
  private linkPath(roomId: string, linkId: string, rest = ''): string {
    return roomPath(roomId, `links/${encodeURIComponent(linkId)}${rest}`);
  }

  /** The room's guest access: the switch, the admission policy, the lobby message, the room, the links. */
  getGuestAccess(roomId: string, signal?: AbortSignal): Promise<GuestAccess> {
    return this.request<GuestAccess>('GET', roomPath(roomId, 'guest-access'), { signal });
  }

  /** Turns guest access on or off, or sets the admission policy or the lobby message (needs guest-access:manage). */
  setGuestAccess(roomId: string, changes: GuestAccessChanges): Promise<GuestAccessSettings> {
    return this.request<GuestAccessSettings>('PATCH', roomPath(roomId, 'guest-access'), {
      body: changes,
    });
  }

  /** Creates a link (at most 3 per room: `link_limit_reached`; `guest_access_disabled` while off). */
  createLink(roomId: string, link: NewLink): Promise<Link> {
    return this.request<Link>('POST', roomPath(roomId, 'links'), { body: link });
  }

  /** Admits or denies a waiting guest, or removes one (needs guests:admit); the guest as they are after. */
  decideGuest(roomId: string, guestId: string, decision: 'admit' | 'deny' | 'remove'): Promise<HostGuest> {
    return this.request<HostGuest>(
      'POST',
      roomPath(roomId, `guests/${encodeURIComponent(guestId)}/${decision}`),
    );
  }

  /** Admits every waiting guest; those admitted. */
  async admitAllGuests(roomId: string): Promise<HostGuest[]> {
    return (await this.request<{ guests: HostGuest[] }>('POST', roomPath(roomId, 'guests/admit-all'))).guests;
  }

  /** Edits a link (name, number of clicks, expiry, paused, admission); the link as it is after. */
  updateLink(roomId: string, linkId: string, changes: LinkChanges, signal?: AbortSignal): Promise<Link> {
    return this.request<Link>('PATCH', this.linkPath(roomId, linkId), { body: changes, signal });
  }

  /** Pauses or resumes a link. */
  setLinkPaused(roomId: string, linkId: string, paused: boolean): Promise<Link> {
    return this.updateLink(roomId, linkId, { paused });
  }

  /** A new URL for the link (same name, settings and uses); the old URL stops working at once. */
  rotateLink(roomId: string, linkId: string): Promise<Link> {
    return this.request<Link>('POST', this.linkPath(roomId, linkId, '/rotate'));
  }

  /** Deletes a link for good; `removeGuests` also removes everyone who came through it (needs guests:admit). */
  deleteLink(roomId: string, linkId: string, options: { removeGuests?: boolean } = {}): Promise<void> {
    const query = options.removeGuests ? '?removeGuests=true' : '';
    return this.request<void>('DELETE', this.linkPath(roomId, linkId, query));
  }

  /** The history path with its filters as a query (`csv`: the CSV export's path). */
  private historyPath(roomId: string, filter: GuestHistoryFilter, csv: boolean): string {
    const query = new URLSearchParams();
    for (const key of ['status', 'linkId', 'cursor'] as const) {
      const value = filter[key];
      if (value) query.set(key, value);
    }
    const search = query.size ? `?${query}` : '';
    return roomPath(roomId, `${csv ? 'guests.csv' : 'guests'}${search}`);
  }

  /** One page of the room's guest history, newest first; pass `nextCursor` back as `cursor` for the next. */
  listGuestHistory(
    roomId: string,
    filter: GuestHistoryFilter = {},
    signal?: AbortSignal,
  ): Promise<GuestPage> {
    return this.request<GuestPage>('GET', this.historyPath(roomId, filter, false), { signal });
  }

  /**
   * The CSV export's URL (for display or a server-side fetch): it needs the host token in `Authorization`,
   * so a browser downloads it with `downloadGuestHistoryCsv`, not by following the URL.
   */
  guestHistoryCsvUrl(roomId: string, filter: GuestHistoryFilter = {}): string {
    return this.url(this.historyPath(roomId, filter, true));
  }

  /** The whole history (from `cursor`, with the filters) as a CSV file, e.g. for a "Download CSV" button. */
  async downloadGuestHistoryCsv(
    roomId: string,
    filter: GuestHistoryFilter = {},
    signal?: AbortSignal,
  ): Promise<Blob> {
    const path = this.historyPath(roomId, filter, true);
    let response = await this.send('GET', path, { signal }, false);
    if (response.status === 401) response = await this.send('GET', path, { signal }, true);
    if (!response.ok) await this.refusal(response);
    return response.blob();
  }

  /** Every guest of a host's guest list (`path`, e.g. `…/guests?status=waiting`), page after page. */
  async listGuests(path: string, signal?: AbortSignal): Promise<HostGuest[]> {
    const guests: HostGuest[] = [];
    let cursor: string | null = null;
    do {
      const next: string = cursor
        ? `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`
        : path;
      const page: GuestPage = await this.request<GuestPage>('GET', next, { signal });
      guests.push(...page.guests);
      cursor = page.nextCursor;
    } while (cursor);
    return guests;
  }

  /** Follows a Server-Sent Events stream until `signal` aborts: see followEvents. */
  follow(path: string, handlers: EventHandlers, signal: AbortSignal): Promise<void> {
    return followEvents(this, path, handlers, signal);
  }
}

export {
  ApiRequestError,
  ApiRequester,
  type ErrorCode,
  type RequestOptions,
  type TokenSource,
} from './api-request.ts';
export type { EventHandlers } from './event-stream.ts';
export { type InvitationInput, invitationText } from './invitation.ts';
export { type GuestSessionChange, type GuestSessionWatch, watchGuestSession } from './watch-guest-session.ts';
