// followEvents against streams the test shapes: one that goes silent (a phone that lost its network keeps
// the socket open) is dropped and reopened; one that keeps its heartbeat is left alone.
import { expect, waitUntil } from '@open-wc/testing';
import type { ApiRequester } from '../../widget/internal/api-request.ts';
import { followEvents } from '../../widget/internal/event-stream.ts';

/** A requester whose every stream sends one event, then a heartbeat every `heartbeatMs` (never: silent). */
function streams(heartbeatMs?: number) {
  const opened: ReadableStreamDefaultController<Uint8Array>[] = [];
  const timers = new Set<ReturnType<typeof setInterval>>();
  const encode = (text: string) => new TextEncoder().encode(text);
  const client = {
    send: async (_method: string, _path: string, options: { signal: AbortSignal }) => {
      let timer: ReturnType<typeof setInterval> | undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          opened.push(controller);
          // As fetch does: aborting the request errors its body.
          options.signal.addEventListener('abort', () => {
            clearInterval(timer);
            controller.error(new DOMException('aborted', 'AbortError'));
          });
          controller.enqueue(encode(`event: status\ndata: {"stream":${opened.length}}\n\n`));
          if (heartbeatMs) {
            timer = setInterval(() => controller.enqueue(encode(': heartbeat\n\n')), heartbeatMs);
            timers.add(timer);
          }
        },
        // Dropped by the reader: its heartbeat stops with it.
        cancel() {
          clearInterval(timer);
          timers.delete(timer as ReturnType<typeof setInterval>);
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    },
  } as unknown as ApiRequester;
  return { client, opened, stop: () => timers.forEach(clearInterval) };
}

describe('followEvents', () => {
  it('drops a stream silent for longer than silentMs, says so, and reopens it', async () => {
    const { client, opened } = streams();
    const events: unknown[] = [];
    let drops = 0;
    const following = new AbortController();
    const done = followEvents(
      client,
      'v1/guest/events',
      { onEvent: (_name, data) => events.push(data), onDrop: () => drops++, silentMs: 300 },
      following.signal,
    );
    await waitUntil(() => opened.length >= 2, 'the silent stream was not reopened', { timeout: 3000 });
    following.abort();
    await done;
    expect(drops).to.be.at.least(1);
    expect(events.slice(0, 2)).to.deep.equal([{ stream: 1 }, { stream: 2 }]);
  });

  it('keeps a stream whose heartbeat comes, and drops it at once when the browser goes offline', async () => {
    const { client, opened, stop } = streams(100);
    let drops = 0;
    const following = new AbortController();
    const done = followEvents(
      client,
      'v1/guest/events',
      { onEvent: () => {}, onDrop: () => drops++, silentMs: 300 },
      following.signal,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(opened.length).to.equal(1);
    expect(drops).to.equal(0);
    window.dispatchEvent(new Event('offline'));
    await waitUntil(() => drops === 1, 'going offline did not drop the stream');
    // Back online: the retry does not wait out its delay.
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => opened.length === 2, 'not reopened once online', { timeout: 300 });
    following.abort();
    await done;
    stop();
  });

  it('retries a stream the server cannot open further apart each time, and starts over once one opened', async () => {
    const tries: number[] = [];
    let answers = [503, 503, 503, 200, 503];
    const client = {
      send: async () => {
        tries.push(performance.now());
        const status = answers.shift() ?? 503;
        // The stream that opens ends at once, as a server that ended it: the wait starts over from 0.5 s.
        return new Response(status === 200 ? '' : null, {
          status,
          headers: { 'content-type': 'text/event-stream' },
        });
      },
    } as unknown as ApiRequester;
    const following = new AbortController();
    const done = followEvents(
      client,
      'v1/rooms/r/events',
      { onEvent: () => {}, reconnectOnEnd: true },
      following.signal,
    );
    await waitUntil(() => tries.length === 6, 'not retried six times', { timeout: 12_000 });
    following.abort();
    await done;
    answers = [];
    const gaps = tries.slice(1).map((at, index) => at - (tries[index] as number));
    // 503s wait 0.5, 1, 2 s; the stream that opened ended at once, so it is retried after the wait it came
    // with (4 s, it cannot spin), and the count starts over: the next 503 waits 1 s.
    const expected = [500, 1000, 2000, 4000, 1000];
    gaps.forEach((gap, index) => {
      expect(gap, `wait ${index + 1}`).to.be.within(
        (expected[index] as number) - 20,
        (expected[index] as number) + 300,
      );
    });
  });
});
