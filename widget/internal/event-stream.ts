// Server-Sent Events read with fetch, so the token travels in a header, never in the URL. Its own module:
// the entry form needs it only once the guest is in (its later views' chunk), the host from the start.
import { type ApiRequestError, type ApiRequester, notApi, refusalOf } from './api-request.ts';
import { backoffMs } from './backoff.ts';

export interface EventHandlers {
  onEvent: (name: string, data: unknown) => void;
  onOpen?: () => void;
  /** The stream dropped (or could not open) and a retry is scheduled; `onOpen` follows once it is back. */
  onDrop?: () => void;
  onError?: (error: ApiRequestError) => void;
  reconnectOnEnd?: boolean;
  /** How long a stream may stay silent before it counts as dropped (default `SILENT_MS`). */
  silentMs?: number;
}

/**
 * The server sends a heartbeat every 15 s; a stream silent for much longer is dead though its socket looks open
 * (a phone that lost its network), so it is dropped and reopened.
 */
export const SILENT_MS = 40_000;

/** Waits `ms`, cut short when the browser comes back online or `signal` aborts (no timer outlives it). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    globalThis.addEventListener?.('online', done);
    signal.addEventListener('abort', done);
  });
}

/**
 * Follows a Server-Sent Events stream until `signal` aborts, reconnecting with exponential backoff
 * (0.5 s doubling to 15 s) when it drops. `onEvent` gets each event's name and parsed data.
 * `onOpen` runs on every (re)connection, so the caller can reload state it may have missed; `onDrop`
 * whenever a connection is lost (an error, silence past `silentMs`, the browser going offline) or refused
 * and a retry is scheduled; coming back online retries at once.
 * A 429 (too many streams open) is retried after its `Retry-After`; any other 4xx answer stops the
 * stream and is passed to `onError` (a retry would not change it). When the server ends the stream,
 * following stops, unless `reconnectOnEnd`: then it reconnects with a refreshed token (a host stream
 * ends at its token's `exp`).
 */
export async function followEvents(
  client: ApiRequester,
  path: string,
  handlers: EventHandlers,
  signal: AbortSignal,
): Promise<void> {
  const options = { signal, headers: { Accept: 'text/event-stream' } };
  let failures = 0;
  let refresh = false;
  while (!signal.aborted) {
    let wait = backoffMs(500, 15_000, failures);
    try {
      let response = await client.send('GET', path, options, refresh);
      refresh = false;
      if (response.status === 401) response = await client.send('GET', path, options, true);
      if (response.status === 429) {
        wait = Math.max(wait, (Number(response.headers.get('Retry-After')) || 0) * 1000);
        await response.body?.cancel();
        throw new Error('too many streams open');
      }
      if (response.status >= 400 && response.status < 500) {
        handlers.onError?.(await refusalOf(response));
        return;
      }
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      // Not a stream (an app's index.html at a wrong `api`): reconnecting would only read it again.
      if (!response.headers.get('Content-Type')?.startsWith('text/event-stream')) {
        await response.body.cancel();
        handlers.onError?.(notApi(response));
        return;
      }
      failures = 0;
      const openedAt = Date.now();
      handlers.onOpen?.();
      await readEvents(response.body, handlers.onEvent, handlers.silentMs ?? SILENT_MS);
      // The server ended the stream on purpose (e.g. the guest was removed): no reconnect.
      if (!handlers.reconnectOnEnd) return;
      refresh = true;
      // A stream that lasted is reopened at once; one ended straight away waits, so they cannot spin.
      if (Date.now() - openedAt > 1000) continue;
    } catch {
      if (signal.aborted) return;
      handlers.onDrop?.();
    }
    await pause(wait, signal);
    failures++;
  }
}

/** Follows one open stream until it ends, or until it is silent for `silentMs` or the browser goes offline. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (name: string, data: unknown) => void,
  silentMs: number,
) {
  // The DOM typings declare TextDecoderStream's input as BufferSource, which a Uint8Array stream is.
  const decoder = new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>;
  const reader = body.pipeThrough(decoder).getReader();
  // Silence or going offline cancels the read (and the request under it); the caller then reconnects.
  let lost = false;
  const drop = () => {
    lost = true;
    void reader.cancel().catch(() => {});
  };
  let silence = setTimeout(drop, silentMs);
  globalThis.addEventListener?.('offline', drop);
  try {
    await parseEvents(reader, onEvent, () => {
      clearTimeout(silence);
      silence = setTimeout(drop, silentMs);
    });
    if (lost) throw new Error('the stream went silent, or the browser went offline');
  } finally {
    clearTimeout(silence);
    globalThis.removeEventListener?.('offline', drop);
  }
}

/**
 * Parses the SSE wire format (event:/data: lines, blank line ends an event; comments ignored) until the stream
 * ends; `onChunk` runs on every chunk, a heartbeat too.
 */
async function parseEvents(
  reader: ReadableStreamDefaultReader<string>,
  onEvent: (name: string, data: unknown) => void,
  onChunk: () => void,
) {
  let buffer = '';
  let name = 'message';
  let data: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    onChunk();
    buffer += value;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (line === '') {
        if (data.length) onEvent(name, parseData(data.join('\n')));
        name = 'message';
        data = [];
      } else if (line.startsWith('event:')) {
        name = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
      newline = buffer.indexOf('\n');
    }
  }
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
