// An instance whose LISTEN connection is lost while the database still answers (the connection was cut, a
// proxy dropped it): it hears no event until it listens again, so it refuses new streams with 503
// `unavailable` and Retry-After meanwhile rather than open one that would stay silent, and takes them again
// once it listens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { BUS_CHANNEL } from '../../api/bus/postgres.ts';
import { onDatabase, TEST_SERVER_URL } from '../support/postgres.ts';
import {
  openEventsOnceListening,
  redeemOn,
  roomWithLinks,
  startInstances,
  testDatabase,
} from './child-server.ts';

test('while its LISTEN connection is lost an instance refuses new streams with 503, then takes them again', async (t) => {
  const url = await testDatabase(t);
  const database = new URL(url).pathname.slice(1);
  const { servers, tenant } = await startInstances(t, url, 1);
  const server = servers[0];
  assert.ok(server);
  const room = await roomWithLinks(server, tenant, [{ name: 'Guests' }]);
  /** Opens the host stream and closes it at once: its status, headers and (when refused) error body. */
  const openStream = async () => {
    const response = await fetch(`${server.url}/v1/rooms/r1/events`, {
      headers: { authorization: `Bearer ${room.hostToken}` },
    });
    if (response.status === 200) await response.body?.cancel();
    const body = response.status === 200 ? null : await response.json();
    return { status: response.status, headers: response.headers, body };
  };

  // New connections to the database are refused, so the instance cannot listen again; its pool keeps the
  // connections it has, and the rest of the API still answers.
  const allowConnections = (allow: boolean) =>
    onDatabase(TEST_SERVER_URL, `ALTER DATABASE ${database} ALLOW_CONNECTIONS ${allow}`);
  await allowConnections(false);
  t.after(() => allowConnections(true).catch(() => {}));
  const cut = await onDatabase(
    TEST_SERVER_URL,
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query = $2',
    [database, `LISTEN ${BUS_CHANNEL}`],
  );
  assert.equal(cut.length, 1, 'the instance listened on one connection');

  let refused = await openStream();
  for (const deadline = Date.now() + 5_000; refused.status === 200 && Date.now() < deadline; ) {
    await sleep(50);
    refused = await openStream();
  }
  assert.equal(refused.status, 503, JSON.stringify(refused.body));
  assert.equal((refused.body as { error: { code: string } }).error.code, 'unavailable');
  assert.ok(Number(refused.headers.get('retry-after')) > 0, 'Retry-After');
  const settings = await server.request({ path: '/v1/rooms/r1/guest-access', token: room.hostToken });
  assert.equal(settings.status, 200, 'the database still answers: only the streams wait');
  const head = await server.request({ method: 'HEAD', path: '/v1/rooms/r1/events', token: room.hostToken });
  assert.equal(head.status, 200, 'HEAD opens no stream, so it is answered as before');

  await allowConnections(true);
  const events = await openEventsOnceListening(server, room.hostToken);
  t.after(() => events.close());
  const redeemed = await redeemOn(server, room.links[0]?.token as string);
  assert.equal(redeemed.status, 201, JSON.stringify(redeemed.body));
  assert.equal(((await events.next('guest', 5_000)) as { status: string }).status, 'waiting');
});
