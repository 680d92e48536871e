// A connection's end whose commit reached the database but whose answer did not (the connection dropped at
// COMMIT) is written again at the next heartbeat. Writing it again must not count the end twice: a guest with
// another tab open would go offline and leave the lobby, and a room with another host would have none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from '../../api/store/contract.ts';
import { freshApi, redeem, roomWith } from './helpers.ts';

/** The next transaction started while `during` runs commits, then fails as if its answer was lost. */
function loseAnAnswer(store: Store, during: () => void) {
  const transaction = store.transaction.bind(store);
  let armed = true;
  store.transaction = async (work) => {
    const lose = armed;
    armed = false;
    const result = await transaction(work);
    if (lose) throw new Error('Connection terminated unexpectedly');
    return result;
  };
  try {
    during();
  } finally {
    armed = false;
  }
  assert.equal(armed, false);
}

test('an end written again after its answer was lost is counted once', async (t) => {
  const api = await freshApi(t, { lobbyGraceSeconds: 1 });
  const room = await roomWith(t, { links: [{ name: 'a' }] }, api);
  const { guest } = (await redeem(room)).body as { guest: { id: string } };
  const { presence, store } = api.server.deps;
  const roomPk = (await store.rooms.get(room.tenantId, room.roomId))?.pk as number;
  const [firstTab, secondTab] = [
    await presence.guestConnected(guest.id),
    await presence.guestConnected(guest.id),
  ];
  const [firstHost, secondHost] = [
    await presence.hostConnected(roomPk),
    await presence.hostConnected(roomPk),
  ];

  loseAnAnswer(store, firstTab);
  loseAnAnswer(store, firstHost);
  await sleep(2_500); // heartbeats (every lease/3 of 1 s) write both again; the grace (1 s) runs out

  const still = await store.guests.get(guest.id);
  assert.deepEqual([still?.online, still?.status], [true, 'waiting'], 'one tab still open: online, waiting');
  assert.equal((await store.rooms.get(room.tenantId, room.roomId))?.hostsOnline, 1, 'one host still here');

  secondTab();
  secondHost();
  await presence.settled();
  assert.equal((await store.guests.get(guest.id))?.online, false);
  assert.equal((await store.rooms.get(room.tenantId, room.roomId))?.hostsOnline, 0);
});
