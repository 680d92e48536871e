// In-process fixed-window rate limits per minute (no extra service). A limit of 0 turns a limit off.
import type { Context } from 'hono';
import { ApiError } from './errors.ts';
import { requestAddress, type TrustedProxies } from './proxy-trust.ts';
import { type LinkContext, resolveLink } from './redemption.ts';
import type { Store } from './store/index.ts';

const WINDOW_MS = 60_000;
const SWEEP_AT = 10_000;

export function createRateLimiter(clock: { now(): number }) {
  const windows = new Map<string, { startedAt: number; count: number }>();

  // Expired windows are dropped in one pass, at most once a minute: with many clients active at once a
  // pass on every request would cost the whole map each time and find nothing to drop.
  let sweptAt = Number.NEGATIVE_INFINITY;
  const sweep = (now: number) => {
    if (now - sweptAt < WINDOW_MS) return;
    sweptAt = now;
    for (const [key, window] of windows) if (now - window.startedAt >= WINDOW_MS) windows.delete(key);
  };

  return {
    /** Counts one request for `key`; throws 429 with the seconds until the window resets when over `limit`. */
    hit(key: string, limit: number): void {
      if (limit <= 0) return;
      const now = clock.now();
      if (windows.size >= SWEEP_AT) sweep(now);
      let window = windows.get(key);
      if (!window || now - window.startedAt >= WINDOW_MS) {
        window = { startedAt: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count > limit) {
        const retryAfter = Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
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
export function resolveLinkUnderLimits(
  deps: { store: Store; rateLimiter: RateLimiter; limit: number },
  token: string,
  address: string,
): LinkContext | undefined {
  deps.rateLimiter.hit(`address:${address}`, deps.limit);
  const context = token.length <= MAX_TOKEN_LENGTH ? resolveLink(deps.store, token) : undefined;
  if (!context) deps.rateLimiter.hit(`guess:${address}`, Math.ceil(deps.limit / 4));
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
