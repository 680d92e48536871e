// Issue 10 item 1: HEAD on a stream route never leaves a stream behind. About the HTTP layer and the hub,
// not storage, so it runs once, in the SQLite pass (the PostgreSQL pass would take minutes more for nothing).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redeem, roomWith } from '../api/helpers.ts';
import { createTenantIn, roomWithLinks, startChildServer, testDatabase } from './child-server.ts';

const HEADS = 2000;

/** `count` HEAD requests, `parallel` at a time; resolves with the statuses seen. */
async function heads(url: string, token: string, count: number, parallel = 16) {
  const statuses = new Set<number>();
  let sent = 0;
  const worker = async () => {
    while (sent < count) {
      sent += 1;
      const response = await fetch(url, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
      statuses.add(response.status);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return [...statuses];
}

const healthz = async (baseUrl: string) => (await fetch(`${baseUrl}/healthz`)).status;

test('item 1: HEAD on either stream answers without subscribing; 2,000 each leave no subscriber and a 32 MB heap alive', async (t) => {
  // The real command line with its heap capped: leaking ~27 KB a request, it died after about a thousand.
  const dbFile = await testDatabase(t);
  const tenant = await createTenantIn(dbFile);
  const server = await startChildServer(t, dbFile, { NODE_OPTIONS: '--max-old-space-size=32' });
  const child = await roomWithLinks(server, tenant, [{ name: 'Guests' }]);
  const redeemed = await server.request({
    method: 'POST',
    path: `/v1/links/${child.links[0]?.token}/guests`,
    body: { name: 'Ada', email: 'ada@example.com' },
  });
  const childSession = (redeemed.body as { session: string }).session;
  assert.deepEqual(await heads(`${server.url}/v1/rooms/r1/events`, child.hostToken, HEADS), [200]);
  assert.deepEqual(await heads(`${server.url}/v1/guest/events`, childSession, HEADS), [200]);
  assert.equal(await healthz(server.url), 200);
  assert.equal(server.child.exitCode, null, 'the server is alive');

  // The same in process, where the hub can be counted.
  const room = await roomWith(t, { links: [{ name: 'a' }] });
  const hub = room.api.server.deps.events;
  const { session } = (await redeem(room)).body as { session: string };
  const hostUrl = `${room.api.url}/v1/rooms/${room.roomId}/events`;
  assert.deepEqual(await heads(hostUrl, room.hostToken, HEADS), [200]);
  assert.deepEqual(await heads(`${room.api.url}/v1/guest/events`, session, HEADS), [200]);
  assert.equal(hub.size, 0, 'no subscriber or stream left behind');
  assert.equal(await room.api.server.deps.streamSlots.count('all'), 0, 'no stream slot held');
  const head = await fetch(hostUrl, {
    method: 'HEAD',
    headers: { authorization: `Bearer ${room.hostToken}` },
  });
  assert.equal(head.headers.get('content-type'), 'text/event-stream');
  t.diagnostic(`${HEADS} HEAD per stream route: the 32 MB child is alive; in-process hub size ${hub.size}`);
});
