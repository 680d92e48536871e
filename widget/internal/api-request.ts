// The guest's lean way to the API, and the base of the full client (api-client.ts): JSON over fetch with a
// bearer token, errors turned into ApiRequestError (the contract's error shape, or `network` when the
// server could not be reached).
import type { ErrorCode as ApiErrorCode } from '../../api/error-codes.ts';
import { apiUrl } from './api-url.ts';

/**
 * The contract's error codes, plus what the browser side tells apart itself: `network` (no answer),
 * `not_api` (something answered `api`, but not the guest-access API: an app's own page or a proxy's),
 * `origin_not_allowed` (the server answers, but not to this page's origin: CORS refused it),
 * `blocked_by_csp` (the page's Content-Security-Policy does not let it connect to the API),
 * `token_unavailable` (the integrator's `getToken` threw or returned nothing), `wrong_room` (the host
 * token names another room), `part_failed` (a part of an element, loaded on demand, did not load).
 */
export type ErrorCode =
  | ApiErrorCode
  | 'network'
  | 'not_api'
  | 'origin_not_allowed'
  | 'blocked_by_csp'
  | 'token_unavailable'
  | 'wrong_room'
  | 'part_failed';

export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
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

/** Sends requests to the API at `base`; what the entry form needs before the guest is let in. */
export class ApiRequester {
  /** GET answers already on their way (see sentAhead), by URL; each is read once. */
  private readonly ahead = new Map<string, Promise<Response | undefined>>();

  constructor(
    private readonly base: string,
    private readonly token: TokenSource = () => undefined,
  ) {}

  url(path: string): string {
    return apiUrl(this.base, path);
  }

  /**
   * Lets the next GET of `path` read `response`: the same request, sent with the same token before this
   * module had loaded (an element's first request, sent beside the chunk that reads it). Undefined: it
   * was not sent after all (what it depended on was refused), and is sent now. @internal
   */
  sentAhead(path: string, response: Promise<Response | undefined>): void {
    this.ahead.set(this.url(path), response);
  }

  /** Sends one request; on 401 asks the token source once for a fresh token and retries. */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    let response = await this.send(method, path, options, false);
    if (response.status === 401) response = await this.send(method, path, options, true);
    if (response.status === 204) return undefined as T;
    if (!response.ok) await this.refusal(response);
    // Not `{}` typed as the answer: a wrong `api` (an app's index.html for every path) would pass as data.
    if (!isJson(response)) throw notApi(response);
    return (await response.json().catch(() => ({}))) as T;
  }

  /** Throws the answer's error as an ApiRequestError. */
  protected async refusal(response: Response): Promise<never> {
    throw await refusalOf(response);
  }

  /** One fetch with the bearer token (`refresh`: a fresh one); no answer is thrown as `network`. */
  async send(method: string, path: string, options: RequestOptions, refresh: boolean) {
    const token = await this.token(refresh);
    const headers: Record<string, string> = { ...options.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const url = this.url(path);
    // A fresh token's retry is a new request.
    const ahead = method === 'GET' && !refresh ? this.ahead.get(url) : undefined;
    if (ahead) this.ahead.delete(url);
    try {
      return (
        (await ahead) ??
        (await fetch(url, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: options.signal,
        }))
      );
    } catch (error) {
      if (options.signal?.aborted) throw error;
      // The browser says why only in its console; the message says where to look.
      throw new ApiRequestError(
        'network',
        0,
        `No answer from ${this.url(path)} (${(error as Error).message}): the service is down or \`api\` is wrong, or the browser blocked it (CORS, the page's Content-Security-Policy, mixed content; its console says which).`,
      );
    }
  }
}

/** The service was not reached: no answer (`network`), or another server's (`not_api`, a wrong `api`). */
export const isUnreached = (error: ApiRequestError) => error.code === 'network' || error.code === 'not_api';

const isJson = (response: Response) => /[/+]json\b/.test(response.headers.get('Content-Type') ?? '');

/** An answer that is not the API's: `api` names another server (e.g. the app's own, answering index.html). */
export function notApi(response: Response): ApiRequestError {
  const type = response.headers.get('Content-Type') ?? 'no type';
  return new ApiRequestError(
    'not_api',
    response.status,
    `${response.url} answered ${response.status} (${type}), not as the guest-access API: set \`api\` to the service's base URL, e.g. https://guest-access.example.com.`,
  );
}

/**
 * A refused answer as an ApiRequestError: the contract's `{error}`; without one, `not_api` (another server
 * answered), or `network` for a 5xx (a proxy that reached no instance).
 */
export async function refusalOf(response: Response): Promise<ApiRequestError> {
  const body = isJson(response) ? await response.json().catch(() => ({})) : {};
  // Extra fields may sit inside `error` or beside it (the API puts an unavailable link's room beside it).
  const { error = {}, ...beside } = body ?? {};
  const { code, message, fields, ...rest } = error;
  if (!code && response.status < 500) return notApi(response);
  const refusal = new ApiRequestError(
    code ?? 'network',
    response.status,
    message ?? response.statusText,
    fields ?? {},
    { ...beside, ...rest },
  );
  // Readable across origins: the API lists it in Access-Control-Expose-Headers.
  refusal.retryAfter = Number(response.headers.get('Retry-After')) || 0;
  return refusal;
}
