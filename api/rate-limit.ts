// In-process fixed-window rate limits per minute (no extra service). A limit of 0 turns a limit off.
import type { Context } from 'hono';
import { ApiError } from './errors.ts';

const WINDOW_MS = 60_000;
const SWEEP_AT = 10_000;

export function createRateLimiter(clock: { now(): number }) {
  const windows = new Map<string, { startedAt: number; count: number }>();

  const sweep = (now: number) => {
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

/** The peer address of the connection (never a forwarded header, which a client could forge). */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
