// Server-Sent Events over a real server: heartbeats, link and switch changes, and no listener left behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { freshApi, host, openEvents, redeem, roomWith } from './helpers.ts';

test('pushes link and switch changes to hosts within a second, with heartbeats', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a' }] }, await freshApi(t, { heartbeatMs: 200 }));
  const events = await openEvents(`${room.api.url}/v1/rooms/${room.roomId}/events`, room.hostToken);
  t.after(() => events.close());
  await events.next('ping', 1000);
  await host(room, 'POST', '/links', { name: 'b' });
  assert.equal(((await events.next('link')) as { name: string }).name, 'b');
  await host(room, 'DELETE', `/links/${room.links[0]?.id}`);
  assert.deepEqual(await events.next('link-deleted'), { id: room.links[0]?.id });
  await host(room, 'PATCH', '/guest-access', { enabled: false, admission: 'auto' });
  assert.deepEqual(await events.next('guest-access'), {
    enabled: false,
    admission: 'auto',
    lobbyMessage: null,
  });
});

test('tells hosts when a guest leaves, and ends the guest’s stream', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a' }] });
  const events = await openEvents(`${room.api.url}/v1/rooms/${room.roomId}/events`, room.hostToken);
  t.after(() => events.close());
  const { session } = (await redeem(room)).body as { session: string };
  await events.next('guest');
  const guestEvents = await openEvents(`${room.api.url}/v1/guest/events`, session);
  await guestEvents.next('status');
  const leave = await room.api.request({ method: 'DELETE', path: '/v1/guest/session', token: session });
  assert.equal(leave.status, 204);
  // Presence changes come as guest events too: the one that matters says left.
  while (((await events.next('guest')) as { status: string }).status !== 'left');
  assert.deepEqual(await guestEvents.next('status'), { status: 'left' });
  await guestEvents.ended;
});

test('drops every listener when clients disconnect, and closes open streams on shutdown', async (t) => {
  const room = await roomWith(t, { admission: 'auto', links: [{ name: 'a' }] });
  const hub = room.api.server.deps.events;
  const { session } = (await redeem(room)).body as { session: string };
  const readers = await Promise.all([
    ...Array.from({ length: 5 }, () =>
      openEvents(`${room.api.url}/v1/rooms/${room.roomId}/events`, room.hostToken),
    ),
    // Three: a guest session's cap.
    ...Array.from({ length: 3 }, () => openEvents(`${room.api.url}/v1/guest/events`, session)),
  ]);
  assert.ok(hub.size >= 8);
  for (const reader of readers) reader.close();
  for (let i = 0; i < 50 && hub.size > 0; i++) await sleep(20);
  assert.equal(hub.size, 0);
  assert.equal(await room.api.server.deps.streamSlots.count('all'), 0, 'every stream slot is released');

  const open = await openEvents(`${room.api.url}/v1/rooms/${room.roomId}/events`, room.hostToken);
  const started = Date.now();
  await room.api.server.close();
  await open.ended;
  assert.ok(Date.now() - started < 2000, 'shutdown does not wait for streams');
});
