// A PostgreSQL that answers but takes no writes (a standby reached during a failover, or a database set
// read-only for maintenance or a full disk): writes answer 503 `unavailable` with Retry-After, the same request
// succeeds once the database takes writes again, and reads go on meanwhile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { onDatabase, TEST_SERVER_URL } from '../support/postgres.ts';
import {
  assertUnavailable,
  type ChildServer,
  redeemAgainAsOnlyGuest,
  redeemOn,
  roomWithLinks,
  startInstances,
  testDatabase,
} from './child-server.ts';

test('a read-only PostgreSQL makes writes answer 503 unavailable, never 500, until it takes writes again', async (t) => {
  const url = await testDatabase(t);
  const database = new URL(url).pathname.slice(1);
  const { servers, tenant } = await startInstances(t, url, 1);
  const server = servers[0] as ChildServer;
  const room = await roomWithLinks(server, tenant, [{ name: 'Guests' }]);
  const token = room.links[0]?.token as string;
  const redeem = () => redeemOn(server, token);
  // New sessions start read-only; the instance's open ones are cut, so it reconnects into read-only sessions.
  const readOnly = async (on: boolean) => {
    await onDatabase(
      TEST_SERVER_URL,
      `ALTER DATABASE ${database} ${on ? 'SET default_transaction_read_only = on' : 'RESET default_transaction_read_only'}`,
    );
    await onDatabase(
      TEST_SERVER_URL,
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
  };
  await readOnly(true);
  t.after(() => readOnly(false).catch(() => {}));

  const refused = await redeem();
  assertUnavailable(refused);
  const toggle = await server.request({
    method: 'PATCH',
    path: '/v1/rooms/r1/guest-access',
    token: room.hostToken,
    body: { enabled: false },
  });
  assert.equal(toggle.status, 503, JSON.stringify(toggle.body));
  const page = await server.request({ path: `/v1/links/${token}` });
  assert.equal(page.status, 200, 'reads go on');

  await readOnly(false);
  await redeemAgainAsOnlyGuest(server, room.hostToken, token);
});
