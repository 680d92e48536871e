// The fixed headers on every answer (Hono's secureHeaders, the opt-in instance name) and no-store where
// answers hold secrets, written by setHeader.
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './context.ts';

/**
 * Sets a header on the answer. Under @hono/node-server it goes on Node's response, which merges it into the
 * answer's own headers as it writes them: reading `c.res.headers` instead makes the adapter build a web
 * Headers object for the answer and convert it back, which costs more than the rest of a small answer
 * (bench/RESULTS.md, "Fixed headers"). A header the answer sets itself wins, on both paths.
 * In-process (`app.request`) there is no Node response.
 */
export function setHeader(c: Context<AppEnv>, name: string, value: string) {
  const outgoing = c.env?.outgoing;
  if (outgoing && !outgoing.headersSent) outgoing.setHeader(name, value);
  else if (!c.res.headers.has(name)) c.res.headers.set(name, value);
}

/**
 * Hono's secureHeaders defaults, with Cross-Origin-Resource-Policy: cross-origin (the widget and its API are
 * embedded), read once from the middleware itself: they depend on no request.
 */
const SECURE_HEADERS = [
  ...(
    await new Hono()
      .use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }))
      .get('/', (c) => c.body(null))
      .request('/')
  ).headers,
];

export const securityHeaders = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  await next();
  for (const [name, value] of SECURE_HEADERS) setHeader(c, name, value);
};

/** `Guest-Access-Instance: name` on every answer, so an operator can tell which instance answered. */
export const instanceHeader =
  (name: string): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    await next();
    setHeader(c, 'guest-access-instance', name);
  };

/** `Cache-Control: no-store` for answers that carry a session token, a link URL or a guest's email. */
export const noStore = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  await next();
  setHeader(c, 'cache-control', 'no-store');
};
