// The fixed headers on every answer: exactly the set (names and values) of Hono's
// `secureHeaders({ crossOriginResourcePolicy: 'cross-origin' })`, precomputed once, plus the opt-in instance name;
// and no-store where answers hold secrets.
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
  return setAfter(new Map(fixed));
}

/**
 * `Cache-Control: no-store` for answers that carry a session token, a link URL or a guest's email: no browser
 * or proxy cache keeps them. The answer's own headers win (Node's writeHead merges over these), so event
 * streams set it themselves over hono's `no-cache`.
 */
export function noStore(): MiddlewareHandler {
  return setAfter(NO_STORE);
}

const NO_STORE = new Map([['cache-control', 'no-store']]);

function setAfter(headers: Map<string, string>): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing && typeof outgoing.setHeaders === 'function') {
      if (!outgoing.headersSent) outgoing.setHeaders(headers);
      return;
    }
    for (const [name, value] of headers) c.res.headers.set(name, value);
  };
}
