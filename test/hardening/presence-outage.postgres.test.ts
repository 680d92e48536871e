// Presence through a PostgreSQL outage: a guest's and a host's connections that end while the database is
// away cannot be uncounted then. Their instance still lives and renews its presence leases, so nobody reaps
// those counts: unless the instance writes them once the database is back, the guest stays online (and never
// leaves the lobby) and the room keeps a host who has gone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openEvents } from '../api/helpers.ts';
import { onDatabase } from '../support/postgres.ts';
import { privatePostgres } from '../support/private-postgres.ts';
import { type ChildServer, redeemOn, roomWithLinks, startInstances } from './child-server.ts';

test('connections that end while PostgreSQL is away are uncounted once it is back', async (t) => {
  const postgres = await privatePostgres(t);
  const { servers, tenant } = await startInstances(t, postgres.url, 1, { GUEST_ACCESS_LOBBY_GRACE_S: '1' });
  const server = servers[0] as ChildServer;
  const room = await roomWithLinks(server, tenant, [{ name: 'Guests' }]);
  const redeemed = await redeemOn(server, room.links[0]?.token as string);
  assert.equal(redeemed.status, 201, JSON.stringify(redeemed.body));
  const { guest, session } = redeemed.body as { guest: { id: string }; session: string };
  const guestStream = await openEvents(`${server.url}/v1/guest/events`, session);
  const hostStream = await openEvents(`${server.url}/v1/rooms/r1/events`, room.hostToken);
  t.after(() => {
    guestStream.close();
    hostStream.close();
  });
  const counts = async () => {
    const [row] = await onDatabase<{ connections: number; status: string; hosts: number }>(
      postgres.url,
      'SELECT g.connections, g.status, r.hosts_online AS hosts FROM guests g JOIN rooms r ON r.pk = g.room_pk WHERE g.id = $1',
      [guest.id],
    );
    return row;
  };
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await sleep(50)) {
    const row = await counts();
    if (row?.connections === 1 && row.hosts === 1) break;
  }
  assert.deepEqual(
    await counts(),
    { connections: 1, status: 'waiting', hosts: 1 },
    'both connections counted',
  );

  await postgres.stop();
  guestStream.close();
  hostStream.close();
  await sleep(500); // the server sees both connections end, and fails to write it
  await postgres.start();

  let row = await counts();
  for (const deadline = Date.now() + 8_000; Date.now() < deadline && row?.status !== 'left'; ) {
    await sleep(200);
    row = await counts();
  }
  assert.deepEqual(
    row,
    { connections: 0, status: 'left', hosts: 0 },
    'the guest is offline and has left the lobby after its grace, and the room has no host',
  );
});
