// A killed instance must not leave its guests "online" and "waiting" and its hosts "here" for ever: another
// instance on the same database takes its presence leases back. Runs on SQLite (two servers on one file) and
// on PostgreSQL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openEvents } from '../api/helpers.ts';
import { type ChildServer, roomWithLinks, startInstances, testDatabase } from './child-server.ts';

const redeem = async (server: ChildServer, token: string, name: string) => {
  const answer = await server.request({
    method: 'POST',
    path: `/v1/links/${token}/guests`,
    body: { name, email: `${name.toLowerCase()}@example.com` },
  });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  return answer.body as { guest: { id: string }; session: string };
};

/** Polls until `check` holds (or 20 s pass), returning the last value read. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("a killed instance's guests go offline and leave, and its hosts stop counting, on the instance that lives", async (t) => {
  const db = await testDatabase(t);
  const { servers, tenant } = await startInstances(t, db, 2, { GUEST_ACCESS_LOBBY_GRACE_S: '1' });
  const doomed = servers[0] as ChildServer;
  const survivor = servers[1] as ChildServer;
  const room = await roomWithLinks(doomed, tenant, [{ name: 'Public' }]);
  const token = room.links[0]?.token as string;

  // On the doomed instance: a host's stream (the room has a host) and a waiting guest's stream (online).
  const hostStream = await openEvents(`${doomed.url}/v1/rooms/r1/events`, room.hostToken);
  const ana = await redeem(doomed, token, 'Ana');
  const anaStream = await openEvents(`${doomed.url}/v1/guest/events`, ana.session);
  // A second guest waits through the survivor (with a stream there, or the grace would make him leave too):
  // what he reads of the lobby shows the host.
  const ben = await redeem(survivor, token, 'Ben');
  const benStream = await openEvents(`${survivor.url}/v1/guest/events`, ben.session);
  t.after(() => benStream.close());
  const lobbyOfBen = async () =>
    (
      (await survivor.request({ method: 'GET', path: '/v1/guest/session', token: ben.session })).body as {
        lobby: { hostPresent: boolean };
      }
    ).lobby;
  const anaOnSurvivor = async () =>
    (
      (await survivor.request({ method: 'GET', path: '/v1/rooms/r1/guests', token: room.hostToken }))
        .body as {
        guests: Array<{ id: string; status: string; online: boolean }>;
      }
    ).guests.find((guest) => guest.id === ana.guest.id);
  assert.equal((await eventually(anaOnSurvivor, (guest) => guest?.online === true))?.online, true);
  assert.equal((await eventually(lobbyOfBen, (lobby) => lobby.hostPresent)).hostPresent, true);

  doomed.child.kill('SIGKILL');
  await doomed.exited;
  hostStream.close();
  anaStream.close();

  const afterwards = await eventually(anaOnSurvivor, (guest) => guest?.status === 'left');
  assert.deepEqual(
    { status: afterwards?.status, online: afterwards?.online },
    { status: 'left', online: false },
    'the guest whose only connection died with its instance leaves after the lease and the grace',
  );
  assert.equal(
    (await eventually(lobbyOfBen, (lobby) => !lobby.hostPresent)).hostPresent,
    false,
    'the host whose stream died with its instance no longer counts',
  );
});
