// A TCP proxy in front of a server (the API, PostgreSQL) that tests can cut: every connection through it drops
// at once, as when a phone changes networks, and (for `refuseMs`) new ones are refused, as during a longer
// outage. Or it can silence the open connections: their bytes go nowhere and neither side is told, as when a
// NAT or a load balancer forgets an idle connection.
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

export interface CuttingProxy {
  url: string;
  /** Drops every open connection; refuses new ones for `refuseMs`. */
  cut(refuseMs?: number): void;
  /** The open connections forward nothing more, and stay open; new ones work. */
  silence(): void;
  close(): Promise<void>;
}

export async function startCuttingProxy(target: string): Promise<CuttingProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  const silent = new Set<Socket>();
  let refusingUntil = 0;
  const server = createServer((client) => {
    if (Date.now() < refusingUntil) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.once('close', () => open.delete(socket));
      // A reset on either side ends both; the error itself is what the test is about, not a failure.
      socket.once('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      from.on('data', (chunk) => silent.has(from) || to.write(chunk));
      from.once('end', () => to.end());
      from.once('close', () => silent.delete(from));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut(refuseMs = 0) {
      refusingUntil = Date.now() + refuseMs;
      for (const socket of open) socket.destroy();
    },
    silence() {
      for (const socket of open) silent.add(socket);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
