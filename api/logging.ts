// Structured logs: one JSON object per line on stdout (pino), one line per request with its id, method,
// route pattern, status and duration. Paths are logged with their token segment redacted; bodies, query
// strings and headers other than the request id are never logged (they carry tokens and emails).
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { AppEnv } from './context.ts';
import { setHeader } from './secure-headers.ts';
import { isStoreUnavailable } from './store/unavailable.ts';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A logger writing JSON lines to `destination` (default stdout); `silent` writes nothing (tests, embedding). */
export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    // Level names and ISO times read without a lookup table; no hostname (containers have meaningless ones).
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    base: { pid: process.pid },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const silentLogger = (): Logger => createLogger('silent');

/**
 * A failure that no answer reports (a stream's, a background write's), as one JSON line: a warning while the
 * database is unavailable (expected in an outage), an error otherwise.
 */
export function logFailure(logger: Logger, error: unknown, msg: string): void {
  logger[isStoreUnavailable(error) ? 'warn' : 'error']({ err: error }, msg);
}

/**
 * The failures of work repeated on a timer (the webhook sweep every second, the presence heartbeat): the first
 * is logged, its repeats while the database stays unavailable are not (an outage would write a line a second),
 * and the first success after them is logged with how many there were. Other failures are logged each time.
 */
export function repeatedWorkLog(logger: Logger, messages: { failed: string; recovered: string }) {
  let unavailableRuns = 0;
  return {
    failed(error: unknown) {
      if (isStoreUnavailable(error) && unavailableRuns++ > 0) return;
      logFailure(logger, error, messages.failed);
    },
    succeeded() {
      if (unavailableRuns > 0) logger.info({ failedRuns: unavailableRuns }, messages.recovered);
      unavailableRuns = 0;
    },
  };
}

/** Path segments that are secrets: the link token of /g/:token and /v1/links/:token[/guests]. */
const TOKEN_SEGMENT = /^(\/g\/|\/v1\/links\/)[^/]+/;

/** The path as it may be logged: the token segment replaced, so a log file never yields a working link. */
export const redactPath = (path: string) => path.replace(TOKEN_SEGMENT, '$1:token');

/** A client's X-Request-Id is kept only if it is short and plain (it goes into logs and a response header). */
const REQUEST_ID = /^[\w.:-]{1,64}$/;

export const requestIdOf = (header: string | undefined) =>
  header !== undefined && REQUEST_ID.test(header) ? header : randomUUID();

/**
 * The pattern of the endpoint the request matched (`/v1/links/:token`), or null when none did: the last
 * matched route that is not a middleware (middleware registers for every method, as `ALL`).
 */
export function routePattern(c: Context): string | null {
  const routes = matchedRoutes(c);
  for (let index = routes.length - 1; index >= 0; index--) {
    const route = routes[index];
    if (route && route.method !== 'ALL') return route.path;
  }
  return null;
}

/** What one request came to: logged, and counted by the metrics. */
export interface RequestOutcome {
  method: string;
  route: string | null;
  status: number;
  durationMs: number;
}

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}

/**
 * Gives every request an id (the client's X-Request-Id if plain, else a new one), echoes it, and logs one
 * line when the answer is ready (for an event stream: when it starts); a 5xx is a warning.
 */
export function requestLogging(
  logger: Logger,
  observe?: (outcome: RequestOutcome) => void,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = requestIdOf(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    await next();
    setHeader(c, 'X-Request-Id', requestId);
    const outcome: RequestOutcome = {
      method: c.req.method,
      route: routePattern(c),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    observe?.(outcome);
    const line = { requestId, ...outcome, path: redactPath(c.req.path) };
    if (outcome.status >= 500) logger.warn(line, 'request failed');
    else logger.info(line, 'request');
  };
}
