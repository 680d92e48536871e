// The fixed headers on every answer: exactly the set (names and values) of Hono's
// `secureHeaders({ crossOriginResourcePolicy: 'cross-origin' })`, precomputed once, plus the opt-in instance name.
import type { ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';

/** Hono's secureHeaders defaults, with Cross-Origin-Resource-Policy: cross-origin (the widget is embedded). */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'cross-origin'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'SAMEORIGIN'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
];

/**
 * Sets the same headers on every answer. Served through @hono/node-server, the set goes straight onto Node's response in one `setHeaders` call;
 * node-server's `writeHead` then adds the answer's own headers. Hono's middleware set the eleven headers one
 * by one on `c.res.headers`, which turned every answer's plain header object into a WHATWG Headers object
 * that node-server then had to sort and copy back into a plain object: a tenth of the link page's time.
 * No route sets any of the security headers to another value (the entry page sets Referrer-Policy to the same
 * no-referrer), so which write wins changes nothing. Without Node's response (`app.request` in tests) the
 * headers are set on the Response as Hono's middleware did.
 */
export function fixedHeaders(fixed: ReadonlyArray<readonly [string, string]>): MiddlewareHandler {
  const map = new Map(fixed);
  return async (c, next) => {
    await next();
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing && typeof outgoing.setHeaders === 'function') {
      if (!outgoing.headersSent) outgoing.setHeaders(map);
      return;
    }
    const headers = c.res.headers;
    for (const [name, value] of fixed) headers.set(name, value);
  };
}
