// A real webhook receiver for the tests: a node http server on 127.0.0.1 that verifies each delivery's
// Standard Webhooks signature with the `standardwebhooks` package, as an integrator's endpoint would.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

export interface Receiver {
  url: string;
  port: number;
  /** The `whsec_` secret to verify with, set once the endpoint is known. */
  secret: string;
  /** Deliveries that verified and were answered 2xx. */
  received: Received[];
  /** Every request that arrived (failed-on-purpose and unverifiable ones too), by webhook-id. */
  arrivals: string[];
  /** Requests whose signature did not verify (answered 400). */
  unverified: number;
  /** How many of the next requests to answer 500. */
  failNext: number;
  /** Resolves once `count` verified deliveries match, or rejects after `timeoutMs`. */
  waitFor(predicate: (item: Received) => boolean, count?: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** Starts a receiver (on `port`, or a free one) and closes it when the test ends. */
export async function startReceiver(t: TestContext, port = 0): Promise<Receiver> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      receiver.arrivals.push(String(request.headers['webhook-id']));
      if (receiver.failNext > 0) {
        receiver.failNext -= 1;
        response.writeHead(500).end();
        return;
      }
      try {
        const payload = new Webhook(receiver.secret).verify(
          body,
          request.headers as Record<string, string>,
        ) as Omit<Received, 'id' | 'headers'>;
        receiver.received.push({
          ...payload,
          id: String(request.headers['webhook-id']),
          headers: request.headers,
        });
        response.writeHead(204).end();
      } catch {
        receiver.unverified += 1;
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  };
  t.after(close);
  const receiver: Receiver = {
    url: `http://127.0.0.1:${bound}/hooks`,
    port: bound,
    secret: '',
    received: [],
    arrivals: [],
    unverified: 0,
    failNext: 0,
    async waitFor(predicate, count = 1, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = receiver.received.filter(predicate);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline)
          throw new Error(
            `${matching.length} of ${count} deliveries within ${timeoutMs} ms; got ${JSON.stringify(
              receiver.received.map((item) => item.type),
            )}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close,
  };
  return receiver;
}

/** A port nothing listens on now (a receiver that is down), for a receiver started on it later. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
