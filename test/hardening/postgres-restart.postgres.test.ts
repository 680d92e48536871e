// A PostgreSQL restart (its own server, stopped and started): while it is down the API answers 503
// `unavailable` with Retry-After, never a 500; once it is back the API recovers on its own, streams included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openEvents } from '../api/helpers.ts';
import { privatePostgres } from '../support/private-postgres.ts';
import {
  assertUnavailable,
  type ChildServer,
  openEventsOnceListening,
  redeemOn,
  roomWithLinks,
  startInstances,
} from './child-server.ts';

/** Asks until `accept` likes an answer, for at most `ms`; the answers seen on the way, in order. */
async function until(
  ask: () => Promise<{ status: number }>,
  accept: (status: number) => boolean,
  ms: number,
) {
  const seen: number[] = [];
  const deadline = Date.now() + ms;
  for (;;) {
    const { status } = await ask();
    seen.push(status);
    if (accept(status) || Date.now() > deadline) return seen;
    await sleep(100);
  }
}

test('survives a PostgreSQL restart: 503 unavailable with Retry-After while it is down, then recovers on its own', async (t) => {
  const postgres = await privatePostgres(t);
  const { servers, tenant } = await startInstances(t, postgres.url, 1);
  const server = servers[0] as ChildServer;
  const room = await roomWithLinks(server, tenant, [{ name: 'Guests' }]);
  const token = room.links[0]?.token as string;
  const redeem = () => redeemOn(server, token);
  assert.equal((await redeem()).status, 201);
  const events = await openEvents(`${server.url}/v1/rooms/r1/events`, room.hostToken);
  t.after(() => events.close());

  await postgres.stop();
  const down = await redeem();
  assertUnavailable(down);
  const page = await server.request({ path: `/v1/links/${token}` });
  assert.equal(page.status, 503);
  const host = await server.request({ path: '/v1/rooms/r1/guest-access', token: room.hostToken });
  assert.equal(host.status, 503);
  assert.equal((await server.request({ path: '/healthz' })).status, 200, 'the process itself is alive');

  await postgres.start();
  const recovery = await until(redeem, (status) => status === 201, 15_000);
  assert.equal(recovery.at(-1), 201, `recovered: ${recovery.join(' ')}`);
  assert.ok(
    recovery.every((status) => status === 201 || status === 503),
    `only 503 before recovery: ${recovery.join(' ')}`,
  );
  // The instance lost its LISTEN connection, so the stream may have missed changes: it ends (once listening
  // again, or at once if the restart cut its own first write), and the client reconnects and re-reads. The
  // instance takes streams again once it listens, and events flow again.
  const ended = await Promise.race([events.ended.then(() => true), sleep(10_000).then(() => false)]);
  assert.ok(ended, 'the stale stream was ended for its client to resynchronise');
  const again = await openEventsOnceListening(server, room.hostToken);
  t.after(() => again.close());
  const after = await redeem();
  assert.equal(after.status, 201, JSON.stringify(after.body));
  const guestEvent = await again.next('guest', 5000).catch((error: Error) => {
    throw new Error(`${error.message}; server output:\n${server.output()}`);
  });
  assert.equal((guestEvent as { status: string }).status, 'waiting');
  t.diagnostic(`answers while PostgreSQL restarted: ${recovery.join(' ')}`);
});
