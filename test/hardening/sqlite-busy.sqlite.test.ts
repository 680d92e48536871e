// A SQLite file whose write lock another process holds longer than the server waits for it (an operator's
// `sqlite3` session in a transaction, say): the server goes on answering reads while a write waits, the write
// answers 503 `unavailable` with Retry-After (never 500), and the same request succeeds once the lock is
// released.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import {
  assertUnavailable,
  type ChildServer,
  redeemAgainAsOnlyGuest,
  redeemOn,
  roomWithLinks,
  startInstances,
  tempDbFile,
} from './child-server.ts';

test('a write lock held by another process past the busy timeout makes writes answer 503, not 500', async (t) => {
  const file = tempDbFile(t);
  const { servers, tenant } = await startInstances(t, file, 1);
  const server = servers[0] as ChildServer;
  const room = await roomWithLinks(server, tenant, [{ name: 'Guests' }]);
  const token = room.links[0]?.token as string;
  const redeem = () => redeemOn(server, token);

  const operator = new Database(file);
  t.after(() => operator.close());
  operator.exec('BEGIN IMMEDIATE');
  let settled = false;
  const refusing = redeem().finally(() => {
    settled = true;
  }); // waits out the server's 5 s busy timeout
  // Meanwhile the server goes on: it waits for the lock between attempts, not inside one call.
  const page = await server.request({ path: `/v1/links/${token}` });
  const health = await server.request({ path: '/healthz' });
  const answeredMeanwhile = !settled;
  const refused = await refusing;
  operator.exec('ROLLBACK');

  assert.equal(page.status, 200, 'a read answers under the other process’s write lock');
  assert.equal(health.status, 200);
  assert.ok(answeredMeanwhile, 'the read and /healthz answered while the write still waited for the lock');

  assertUnavailable(refused);
  await redeemAgainAsOnlyGuest(server, room.hostToken, token);
});
