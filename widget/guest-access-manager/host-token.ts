// The host token behind every request: either the `token` attribute as given, or the integrator's
// `getToken(refresh)` callback, cached and asked again shortly before the JWT's `exp` (read, not
// verified: the server verifies) so requests rarely meet a 401.

/** Asks for a fresh token this long before `exp` (or at 3/4 of a shorter lifetime). */
const REFRESH_LEAD_MS = 60_000;
/** A 401 this soon after a refresh was for a request sent with the old token: no second refresh. */
const JUST_REFRESHED_MS = 5_000;
/** setTimeout's ceiling; a token living longer is simply looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

import { ApiRequestError } from '../internal/api-client.ts';

export type GetToken = (refresh: boolean) => Promise<string>;

/** A JWT's claims, or an empty object when the token cannot be read. */
function claimsOf(token: string): Record<string, unknown> {
  try {
    const payload = token.split('.')[1] ?? '';
    return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) ?? {};
  } catch {
    return {};
  }
}

/** The `exp` claim of a JWT in milliseconds, or undefined when the token carries none. */
export function tokenExpiry(token: string): number | undefined {
  const { exp } = claimsOf(token);
  return typeof exp === 'number' ? exp * 1000 : undefined;
}

/** The `room` claim of a JWT, or undefined. */
export function tokenRoom(token: string): string | undefined {
  const { room } = claimsOf(token);
  return typeof room === 'string' ? room : undefined;
}

export class HostToken {
  private current?: string;
  private pending?: Promise<string | undefined>;
  private timer?: ReturnType<typeof setTimeout>;
  private refreshedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly source: () => { token?: string; getToken?: GetToken }) {}

  /** Whether there is anything to ask: before that, the element sends nothing. */
  get present(): boolean {
    const { token, getToken } = this.source();
    return !!(token || getToken);
  }

  /** The token last handed out (to tell a token for another room from a missing permission). */
  get last(): string | undefined {
    return this.current ?? (this.source().token || undefined);
  }

  /**
   * The token for the next request; `refresh` after a 401 (one call serves concurrent askers). A
   * `getToken` that throws or returns nothing is a `token_unavailable` refusal, named as such.
   */
  get(refresh: boolean): Promise<string | undefined> {
    const { token, getToken } = this.source();
    if (!getToken) return Promise.resolve(token || undefined);
    const justRefreshed = Date.now() - this.refreshedAt < JUST_REFRESHED_MS;
    if (this.current && (!refresh || justRefreshed)) return Promise.resolve(this.current);
    return this.fetch(() => getToken(refresh), refresh);
  }

  /** Takes `token`, asked of `getToken` before this was made (the element's first requests), as the current one. */
  adopt(token: Promise<string | undefined>): void {
    this.fetch(() => token, false).catch(() => undefined);
  }

  private fetch(ask: () => Promise<string | undefined>, refresh: boolean): Promise<string | undefined> {
    this.pending ??= Promise.resolve()
      .then(ask)
      .then((fresh) => {
        if (typeof fresh !== 'string' || !fresh) throw new Error('getToken returned no token');
        this.current = fresh;
        if (refresh) this.refreshedAt = Date.now();
        this.schedule(fresh);
        return fresh;
      })
      .catch((error: unknown) => {
        throw new ApiRequestError('token_unavailable', 0, String(error));
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** Forgets the cached token (the callback changed) and stops the refresh timer. */
  reset(): void {
    clearTimeout(this.timer);
    this.current = undefined;
    this.refreshedAt = Number.NEGATIVE_INFINITY;
  }

  private schedule(token: string) {
    clearTimeout(this.timer);
    const expiresAt = tokenExpiry(token);
    if (expiresAt === undefined) return;
    const left = expiresAt - Date.now();
    if (left <= 0) return;
    const delay = Math.min(Math.max(left - REFRESH_LEAD_MS, left * 0.75), MAX_TIMER_MS);
    this.timer = setTimeout(() => {
      const { getToken } = this.source();
      if (getToken) this.fetch(() => getToken(true), true).catch(() => undefined);
    }, delay);
  }
}
