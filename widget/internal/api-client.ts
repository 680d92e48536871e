// The elements' one way to talk to the API: JSON over fetch with a bearer token, errors turned into
// ApiRequestError (the contract's error shape, or `network` when the server could not be reached),
// and Server-Sent Events read with fetch so the token travels in a header, never in the URL.

// The response shapes come from the API's own valibot schemas (types only: nothing of the API is bundled).
import type { InferOutput } from 'valibot';
import type { ErrorCode as ApiErrorCode } from '../../api/error-codes.ts';
import type {
  guestAccessResponse,
  guestSessionResponse,
  guestsResponse,
  hostGuestResponse,
  linkPatchBody,
  linkPreviewResponse,
  linkResponse,
  redemptionResponse,
} from '../../api/schemas.ts';

export type Link = InferOutput<typeof linkResponse>;
export type LinkStatus = Link['status'];
/** A link's own admission: `room` follows the room's policy. */
export type LinkAdmission = Link['admission'];
/**
 * What `updateLink` may change; fields left out stay. `maxUses`/`expiresAt` null: unlimited/never. Expiry by
 * `durationDays` (counted from now) or `expiresAt` (an ISO instant), not both.
 */
export type LinkChanges = Partial<InferOutput<typeof linkPatchBody>>;
/** Which guests a history page or CSV lists. */
export interface GuestHistoryFilter {
  status?: GuestStatus;
  linkId?: string;
  cursor?: string;
}

export type GuestAccess = InferOutput<typeof guestAccessResponse>;
export type Admission = GuestAccess['admission'];
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

/**
 * The contract's error codes, plus what the browser side tells apart itself: `network` (no answer),
 * `origin_not_allowed` (the server answers, but not to this page's origin: CORS refused it),
 * `token_unavailable` (the integrator's `getToken` threw or returned nothing), `wrong_room` (the host
 * token names another room).
 */
export type ErrorCode = ApiErrorCode | 'network' | 'origin_not_allowed' | 'token_unavailable' | 'wrong_room';

export class ApiRequestError extends Error {
  /** Seconds the server asked to wait before trying again (its `Retry-After`), else 0. */
  retryAfter = 0;

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
    /** The rest of the error body (for `link_unavailable`: the room, where the link was real). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Returns a bearer token; `refresh` asks for a new one (after a 401 or before expiry). */
export type TokenSource = (refresh: boolean) => Promise<string | undefined> | string | undefined;

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export class ApiClient {
  constructor(
    private readonly base: string,
    private readonly token: TokenSource = () => undefined,
  ) {}

  url(path: string): string {
    return new URL(path, this.base.endsWith('/') ? this.base : `${this.base}/`).href;
  }

  /** Sends one request; on 401 asks the token source once for a fresh token and retries. */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    let response = await this.send(method, path, options, false);
    if (response.status === 401) response = await this.send(method, path, options, true);
    if (response.status === 204) return undefined as T;
    if (!response.ok) await this.refusal(response);
    return (await response.json().catch(() => ({}))) as T;
  }

  /** Throws the answer's error as an ApiRequestError. */
  private async refusal(response: Response): Promise<never> {
    const body = await response.json().catch(() => ({}));
    // Extra fields may sit inside `error` or beside it (the API puts an unavailable link's room beside it).
    const { error = {}, ...beside } = body ?? {};
    const { code, message, fields, ...rest } = error;
    const refusal = new ApiRequestError(
      code ?? 'network',
      response.status,
      message ?? response.statusText,
      fields ?? {},
      { ...beside, ...rest },
    );
    // Readable across origins: the API lists it in Access-Control-Expose-Headers.
    refusal.retryAfter = Number(response.headers.get('Retry-After')) || 0;
    throw refusal;
  }

  /** `v1/rooms/:roomId/<rest>` with the room id escaped. */
  private roomPath(roomId: string, rest: string): string {
    return `v1/rooms/${encodeURIComponent(roomId)}/${rest}`;
  }

  private linkPath(roomId: string, linkId: string, rest = ''): string {
    return this.roomPath(roomId, `links/${encodeURIComponent(linkId)}${rest}`);
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
    return this.roomPath(roomId, `${csv ? 'guests.csv' : 'guests'}${search}`);
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

  private async send(method: string, path: string, options: RequestOptions, refresh: boolean) {
    const token = await this.token(refresh);
    const headers: Record<string, string> = { ...options.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await fetch(this.url(path), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiRequestError('network', 0, String(error));
    }
  }

  /**
   * Follows a Server-Sent Events stream until `signal` aborts, reconnecting with exponential backoff
   * (0.5 s doubling to 15 s) when it drops. `onEvent` gets each event's name and parsed data.
   * `onOpen` runs on every (re)connection, so the caller can reload state it may have missed.
   * A 429 (too many streams open) is retried after its `Retry-After`; any other 4xx answer stops the
   * stream and is passed to `onError` (a retry would not change it). When the server ends the stream,
   * following stops, unless `reconnectOnEnd`: then it reconnects with a refreshed token (a host stream
   * ends at its token's `exp`).
   */
  async follow(
    path: string,
    handlers: {
      onEvent: (name: string, data: unknown) => void;
      onOpen?: () => void;
      onError?: (error: ApiRequestError) => void;
      reconnectOnEnd?: boolean;
    },
    signal: AbortSignal,
  ): Promise<void> {
    const options = { signal, headers: { Accept: 'text/event-stream' } };
    let delay = 500;
    let refresh = false;
    while (!signal.aborted) {
      let wait = delay;
      try {
        let response = await this.send('GET', path, options, refresh);
        refresh = false;
        if (response.status === 401) response = await this.send('GET', path, options, true);
        if (response.status === 429) {
          wait = Math.max(delay, (Number(response.headers.get('Retry-After')) || 0) * 1000);
          await response.body?.cancel();
          throw new Error('too many streams open');
        }
        if (response.status >= 400 && response.status < 500) {
          const error = (await response.json().catch(() => ({})))?.error ?? {};
          handlers.onError?.(
            new ApiRequestError(error.code ?? 'network', response.status, error.message ?? ''),
          );
          return;
        }
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        delay = 500;
        const openedAt = Date.now();
        handlers.onOpen?.();
        await readEvents(response.body, handlers.onEvent);
        // The server ended the stream on purpose (e.g. the guest was removed): no reconnect.
        if (!handlers.reconnectOnEnd) return;
        refresh = true;
        // A stream that lasted is reopened at once; one ended straight away waits, so they cannot spin.
        if (Date.now() - openedAt > 1000) continue;
      } catch {
        if (signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
      delay = Math.min(delay * 2, 15000);
    }
  }
}

/** Parses the SSE wire format (event:/data: lines, blank line ends an event; comments ignored). */
async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (name: string, data: unknown) => void) {
  // The DOM typings declare TextDecoderStream's input as BufferSource, which a Uint8Array stream is.
  const decoder = new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>;
  const reader = body.pipeThrough(decoder).getReader();
  let buffer = '';
  let name = 'message';
  let data: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (line === '') {
        if (data.length) onEvent(name, parseData(data.join('\n')));
        name = 'message';
        data = [];
      } else if (line.startsWith('event:')) {
        name = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
      newline = buffer.indexOf('\n');
    }
  }
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export { type InvitationInput, invitationText } from './invitation.ts';
export { type GuestSessionChange, type GuestSessionWatch, watchGuestSession } from './watch-guest-session.ts';
