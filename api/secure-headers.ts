// The fixed headers on every answer (Hono's secureHeaders, the opt-in instance name) and no-store where
// answers hold secrets.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** Hono's defaults, with Cross-Origin-Resource-Policy: cross-origin (the widget and its API are embedded). */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({ crossOriginResourcePolicy: 'cross-origin' });

/** `Guest-Access-Instance: name` on every answer, so an operator can tell which instance answered. */
export const instanceHeader =
  (name: string): MiddlewareHandler =>
  async (c, next) => {
    await next();
    c.res.headers.set('guest-access-instance', name);
  };

/** `Cache-Control: no-store` for answers that carry a session token, a link URL or a guest's email. */
export const noStore = (): MiddlewareHandler => async (c, next) => {
  await next();
  c.res.headers.set('cache-control', 'no-store');
};
