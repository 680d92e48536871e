// A minimal Server-Sent Events client over node:http (one connection per stream, as a browser tab has),
// reporting each event with the moment it arrived.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface SseEvent {
  event: string;
  data: string;
  /** performance.now() when the event's last line arrived. */
  at: number;
}

export interface SseStream {
  /** Destroys the socket: a client gone without a word (a tab closed, a network lost). */
  close(): void;
  /** Ends the client's side of the connection (a FIN), as a client that closes cleanly; the server closes its own. */
  finish(): void;
  /** Resolves once the stream has been open (status 200) and dropped or closed. */
  closed: Promise<void>;
}

/**
 * A loopback address of its own for simulated client `index` (Linux routes all of 127.0.0.0/8 to lo), so the
 * server's per-address stream cap counts each client apart, as it counts guests on their own devices.
 */
export const clientAddress = (index: number) =>
  `127.${1 + Math.floor(index / 62_500)}.${1 + (Math.floor(index / 250) % 250)}.${1 + (index % 250)}`;

export function openStream(
  url: string,
  token: string,
  onEvent: (event: SseEvent) => void,
  options: { localAddress?: string } = {},
): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, {
      agent: false,
      localAddress: options.localAddress,
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream answered ${res.statusCode}`));
        res.resume();
        return;
      }
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          onEvent({ event, data: data.join('\n'), at });
          end = buffer.indexOf('\n\n');
        }
      });
      const closed = new Promise<void>((done) => res.once('close', () => done()));
      resolve({ close: () => req.destroy(), finish: () => req.socket?.end(), closed });
    });
  });
}
