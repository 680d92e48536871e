// A long-lived stream must not hold memory per event sent: @hono/node-server 1.x chained one pending promise
// per chunk written for as long as the stream stayed open, so a host's stream grew without bound. About the
// HTTP layer, not storage: it runs once, in the SQLite pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { roomWith } from '../api/helpers.ts';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const EVENTS = 10_000;

/** Reads the stream to its end, counting `event: hosts` lines; keeps nothing else. */
function countEvents(body: ReadableStream<Uint8Array>) {
  let seen = 0;
  let waiter: { count: number; resolve(): void } | undefined;
  const decoder = new TextDecoder();
  let tail = '';
  void (async () => {
    const reader = body.getReader();
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      const text = tail + decoder.decode(chunk, { stream: true });
      const lines = text.split('\n');
      tail = lines.pop() ?? '';
      for (const line of lines) if (line === 'event: hosts') seen += 1;
      if (waiter && seen >= waiter.count) waiter.resolve();
    }
  })().catch(() => {});
  return (count: number) =>
    new Promise<void>((resolve) => {
      if (seen >= count) resolve();
      else waiter = { count, resolve };
    });
}

async function heapAfterGc() {
  for (let round = 0; round < 3; round++) {
    collectGarbage();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

test('a host stream that sent 10,000 events holds no memory for them while it stays open', async (t) => {
  const room = await roomWith(t, { links: [] });
  const { store } = room.api.server.deps;
  const { events } = room.api.server.deps;
  const roomPk = (await store.rooms.get(room.tenantId, room.roomId))?.pk as number;
  const controller = new AbortController();
  t.after(() => controller.abort());
  const response = await fetch(`${room.api.url}/v1/rooms/${room.roomId}/events`, {
    headers: { authorization: `Bearer ${room.hostToken}` },
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  const received = countEvents(response.body as ReadableStream<Uint8Array>);
  const send = async (from: number, count: number) => {
    for (let index = 0; index < count; index++) {
      events.publishToRoom(roomPk, { event: 'hosts', data: { present: index % 2 === 0 } });
      // One event a turn: each is written as a chunk of its own (events of one turn share one).
      await new Promise((resolve) => setImmediate(resolve));
    }
    await received(from + count);
  };
  await send(0, 1000);
  const before = await heapAfterGc();
  await send(1000, EVENTS);
  const growth = (await heapAfterGc()) - before;
  t.diagnostic(
    `heap growth after ${EVENTS} events on one open stream: ${(growth / 1024 / 1024).toFixed(1)} MB`,
  );
  assert.ok(growth < 2 * 1024 * 1024, `the open stream holds ${(growth / 1024 / 1024).toFixed(1)} MB`);
});
