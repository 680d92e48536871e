// One Server-Sent Events stream: take a slot under the stream caps, subscribe, forward events, send a
// heartbeat, and clean up on every exit (client gone, socket error, stream ended by the route, server
// shutting down). HEAD gets the headers only.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from './context.ts';
import type { EventHub } from './events.ts';
import { type Logger, logFailure } from './logging.ts';
import { StoreUnavailableError } from './store/unavailable.ts';
import { type StreamSlotKey, type StreamSlots, takeStreamSlot } from './stream-limits.ts';
import { errorJson } from './validation.ts';

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

/** The refusal of a stream while the instance does not listen to the bus, as both stream routes document it. */
export const notListeningResponse = {
  503: errorJson(
    'unavailable, with Retry-After: this instance is reconnecting to the event bus (PostgreSQL) and would miss events',
  ),
};

export interface EventStreamOptions {
  hub: EventHub;
  logger: Logger;
  heartbeatMs: number;
  slots: StreamSlots;
  /** The caps this stream counts against; a full one refuses it with 429. */
  keys: readonly StreamSlotKey[];
  /** Starts forwarding events; returns (or resolves with) what stops it. */
  subscribe: (control: StreamControl) => (() => void) | Promise<() => void>;
}

export async function eventStream(c: Context<AppEnv>, options: EventStreamOptions) {
  // Hono answers HEAD by running GET and dropping the body, so a stream started here would never end.
  if (c.req.method === 'HEAD') {
    return c.body(null, 200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
  }
  // Cut off from the bus, a stream would miss events until the resync ends it: the client retries instead.
  if (!options.hub.listening) throw new StoreUnavailableError(new Error('not listening to the event bus'));
  const release = await takeStreamSlot(options.slots, options.keys);
  c.header('X-Accel-Buffering', 'no'); // nginx passes each event on at once, whatever its proxy_buffering
  const response = streamSSE(c, async (stream) => {
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
    stream.onAbort(end);
    // Node's response closes on every exit, also where hono notices none (a socket error, the server
    // closing connections): aborting unblocks a write the client never reads, so `finally` runs.
    const outgoing = c.env?.outgoing;
    const abort = () => stream.abort();
    outgoing?.once('close', abort);
    const untrack = options.hub.track(end);
    let unsubscribe = () => {};
    try {
      unsubscribe = await options.subscribe({
        send: (event) => {
          if (!ended) void write(event.event, JSON.stringify(event.data));
        },
        end,
      });
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
    } catch (error) {
      // Logged here as one JSON line (hono's own handler prints the stack); the client sees the stream end.
      logFailure(options.logger, error, 'an event stream ended on an error');
    } finally {
      unsubscribe();
      untrack();
      release();
      outgoing?.off('close', abort);
      await flushing;
    }
  });
  // Over hono's no-cache: streams carry link URLs and guests' emails (see noStore in secure-headers.ts).
  response.headers.set('Cache-Control', 'no-store');
  return response;
}
