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

export function eventStream(
  c: Context,
  options: { hub: EventHub; heartbeatMs: number; subscribe: (control: StreamControl) => () => void },
) {
  return streamSSE(c, async (stream) => {
    let ended = false;
    let stopWaiting = () => {};
    const end = () => {
      ended = true;
      stopWaiting();
    };
    // Writes are chained so events keep their order and the last ones are flushed before the stream closes;
    // a failed write means the client left.
    let written = Promise.resolve();
    const write = (event: string, data: string) => {
      written = written.then(() => stream.writeSSE({ event, data })).catch(end);
      return written;
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
      await written;
    }
  });
}
