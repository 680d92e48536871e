// Fixed-window rate limits per minute, counted in process (one instance) or in the shared database (several).
// A limit of 0 turns a limit off.
import type { Context } from 'hono';
import { ApiError } from './errors.ts';
import { requestAddress, type TrustedProxies } from './proxy-trust.ts';
import { type LinkContext, resolveLink } from './redemption.ts';
import type { SharedCounters, Store } from './store/contract.ts';

export const RATE_WINDOW_MS = 60_000;
const SWEEP_AT = 10_000;

/** A fixed window: when it started and the requests counted in it so far. */
export interface RateWindow {
  startedAt: number;
  count: number;
}

/** Counts one request for `key` in its current window (a new one once `RATE_WINDOW_MS` has passed). */
export type RateWindowCounter = (key: string, now: number) => RateWindow | Promise<RateWindow>;

/** Windows in this process's memory: enough where one process serves (SQLite). */
export function inProcessWindows(): RateWindowCounter {
  const windows = new Map<string, RateWindow>();
  // Expired windows are dropped in one pass, at most once a minute: with many clients active at once a
  // pass on every request would cost the whole map each time and find nothing to drop.
  let sweptAt = Number.NEGATIVE_INFINITY;
  const sweep = (now: number) => {
    if (now - sweptAt < RATE_WINDOW_MS) return;
    sweptAt = now;
    for (const [key, window] of windows) if (now - window.startedAt >= RATE_WINDOW_MS) windows.delete(key);
  };
  return (key, now) => {
    if (windows.size >= SWEEP_AT) sweep(now);
    let window = windows.get(key);
    if (!window || now - window.startedAt >= RATE_WINDOW_MS) {
      window = { startedAt: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    return window;
  };
}

/** Windows where every instance sees them (several instances on one PostgreSQL database). */
export const sharedWindows =
  (counters: SharedCounters): RateWindowCounter =>
  (key, now) =>
    counters.countWindow(key, now, RATE_WINDOW_MS);

/** Fixed-window limits per minute over `windows` (in process, or shared by every instance). */
export function createRateLimiter(clock: { now(): number }, windows: RateWindowCounter = inProcessWindows()) {
  return {
    /** Counts one request for `key`; throws 429 with the seconds until the window resets when over `limit`. */
    async hit(key: string, limit: number): Promise<void> {
      if (limit <= 0) return;
      const now = clock.now();
      const window = await windows(key, now);
      if (window.count > limit) {
        const retryAfter = Math.max(1, Math.ceil((window.startedAt + RATE_WINDOW_MS - now) / 1000));
        throw new ApiError(
          'rate_limited',
          429,
          'Too many requests; try again shortly.',
          undefined,
          undefined,
          {
            'Retry-After': String(retryAfter),
          },
        );
      }
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** Longer than any real token (43 characters); longer ones are not even looked up. */
const MAX_TOKEN_LENGTH = 128;

/**
 * Looks a link token up under the per-address limit; a token that names no link also counts against the
 * tighter guessing limit (a quarter). The API's link routes and the entry page share both allowances, since
 * either tells a real token from a guess.
 */
export async function resolveLinkUnderLimits(
  deps: { store: Store; rateLimiter: RateLimiter; limit: number },
  token: string,
  address: string,
): Promise<LinkContext | undefined> {
  await deps.rateLimiter.hit(`address:${address}`, deps.limit);
  const context = token.length <= MAX_TOKEN_LENGTH ? await resolveLink(deps.store, token) : undefined;
  if (!context) await deps.rateLimiter.hit(`guess:${address}`, Math.ceil(deps.limit / 4));
  return context;
}

/** Who the limits count a request against: its peer, or the client a trusted proxy forwarded (proxy-trust.ts). */
export function clientAddress(c: Context, trusted: TrustedProxies): string {
  return clientSubject(requestAddress(c, trusted));
}

/**
 * An IPv4 address as is; an IPv6 address as its /64, since one client usually holds a whole /64 and could
 * otherwise take a fresh address (and a fresh allowance) for every request.
 */
export function clientSubject(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.replace(/%.*$/, '').toLowerCase().split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const missing = 8 - groups(head).length - groups(tail).length;
  const full =
    tail === undefined ? groups(head) : [...groups(head), ...Array(missing).fill('0'), ...groups(tail)];
  return `${full
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
