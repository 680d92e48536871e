// One Server-Sent Events stream: subscribe, forward events, send a heartbeat, and clean up on every exit
// (client gone, stream ended by the route, server shutting down).
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { EventHub } from './events.ts';

export interface StreamEvent {
  event: string;
  data: unknown;
}

export interface StreamControl {
  send(event: StreamEvent): void;
  /** Ends the stream after the events sent so far. */
  end(): void;
}

/** Text a stream may hold unread before its client is dropped (thousands of events; normally none wait). */
export const MAX_UNREAD_BYTES = 1024 * 1024;

/** One event as hono's `writeSSE` formats it: the event line, then a `data:` line per line of data. */
const sseBlock = (event: string, data: string) =>
  `event: ${event}\n${data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}`)
    .join('\n')}\n\n`;

export function eventStream(
  c: Context,
  options: { hub: EventHub; heartbeatMs: number; subscribe: (control: StreamControl) => () => void },
) {
  c.header('X-Accel-Buffering', 'no'); // nginx passes each event on at once, whatever its proxy_buffering
  return streamSSE(c, async (stream) => {
    let ended = false;
    let stopWaiting = () => {};
    const end = () => {
      ended = true;
      stopWaiting();
    };
    // Events queue in order and are written by one loop, everything queued since the last write in one chunk:
    // a promise chain per event held every event a slow reader had not taken yet (the soak's host streams
    // grew the heap without bound), and a write per event cost a system call each. A client that leaves
    // this much unread is dropped; an EventSource reconnects and the host list is re-read.
    let queue: string[] = [];
    let queuedBytes = 0;
    let flushing: Promise<void> | undefined;
    const drain = async () => {
      while (queue.length > 0 && !stream.aborted) {
        const chunk = queue.length === 1 ? (queue[0] as string) : queue.join('');
        queue = [];
        queuedBytes = 0;
        await stream.write(chunk);
      }
      queue = [];
      flushing = undefined;
    };
    const write = (event: string, data: string) => {
      if (stream.aborted) return Promise.resolve();
      const block = sseBlock(event, data);
      queue.push(block);
      queuedBytes += block.length;
      if (queuedBytes > MAX_UNREAD_BYTES) {
        queue = [];
        end();
        stream.abort();
        return Promise.resolve();
      }
      flushing ??= drain();
      return flushing;
    };
    const untrack = options.hub.track(end);
    const unsubscribe = options.subscribe({
      send: (event) => {
        if (!ended) void write(event.event, JSON.stringify(event.data));
      },
      end,
    });
    stream.onAbort(end);
    try {
      while (!ended && !stream.aborted) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.heartbeatMs);
          stopWaiting = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        if (!ended) await write('ping', '');
      }
    } finally {
      unsubscribe();
      untrack();
      await flushing;
    }
  });
}
