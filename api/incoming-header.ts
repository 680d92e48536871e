// One request header, read cheaply: middleware that runs on every request must not make it pay for more.
import type { Context } from 'hono';

/**
 * The header `name` (lower case), from Node's own parsed headers when the request came through
 * @hono/node-server: asking Hono (`c.req.header`) builds a whole Headers object from the raw headers, a cost
 * most requests (no other header read) otherwise never pay. Both join repeated headers with ", ".
 */
export function incomingHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: { headers?: Record<string, string | string[] | undefined> } })
    ?.incoming;
  if (!incoming?.headers) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
