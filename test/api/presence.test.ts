// Issue 12's contract: presence, the lobby grace, the lobby view, admitting only while access is on, asking again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorCode, freshApi, host, openEvents, redeem, renewHostToken, roomWith } from './helpers.ts';

interface HostGuest {
  id: string;
  status: string;
  online: boolean;
  lastSeenAt: string | null;
  knocks: number;
}

const guestOf = async (room: Awaited<ReturnType<typeof roomWith>>, id: string) =>
  ((await host(room, 'GET', '/guests')).body as { guests: HostGuest[] }).guests.find((g) => g.id === id);

/** The next host `guest` event about `id` that passes `check`. */
async function nextGuestEvent(
  events: Awaited<ReturnType<typeof openEvents>>,
  id: string,
  check: (guest: HostGuest) => boolean,
) {
  for (;;) {
    const guest = (await events.next('guest', 2000)) as HostGuest;
    if (guest.id === id && check(guest)) return guest;
  }
}

const session = (room: Awaited<ReturnType<typeof roomWith>>, token: string, method = 'GET', path = '') =>
  room.api.request({ method, path: `/v1/guest/session${path}`, token });

test('shows hosts a guest online while their stream is open, and offline since when it closed', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a' }] });
  const { guest, session: token } = (await redeem(room)).body as { guest: { id: string }; session: string };
  assert.deepEqual(
    {
      online: (await guestOf(room, guest.id))?.online,
      lastSeenAt: (await guestOf(room, guest.id))?.lastSeenAt,
    },
    { online: false, lastSeenAt: null },
  );
  const hostEvents = await openEvents(`${room.api.url}/v1/rooms/${room.roomId}/events`, room.hostToken);
  t.after(() => hostEvents.close());
  const guestEvents = await openEvents(`${room.api.url}/v1/guest/events`, token);
  await nextGuestEvent(hostEvents, guest.id, (g) => g.online);
  assert.equal((await guestOf(room, guest.id))?.online, true);
  guestEvents.close();
  const offline = await nextGuestEvent(hostEvents, guest.id, (g) => !g.online);
  assert.equal(offline.status, 'waiting');
  assert.ok(offline.lastSeenAt && !Number.isNaN(Date.parse(offline.lastSeenAt)));
});

test('a waiting guest offline longer than the lobby grace leaves on their own, live for hosts', async (t) => {
  const api = await freshApi(t, { lobbyGraceSeconds: 0.3 });
  const room = await roomWith(t, { links: [{ name: 'a' }] }, api);
  const { guest, session: token } = (await redeem(room)).body as { guest: { id: string }; session: string };
  const hostEvents = await openEvents(`${room.api.url}/v1/rooms/${room.roomId}/events`, room.hostToken);
  t.after(() => hostEvents.close());
  (await openEvents(`${room.api.url}/v1/guest/events`, token)).close();
  const left = await nextGuestEvent(hostEvents, guest.id, (g) => g.status === 'left');
  assert.equal(left.online, false);
  assert.equal(api.server.deps.presence.size, 0, 'no grace timer left behind');
});

test('a waiting guest who never opens a stream leaves once the grace has passed, live for hosts', async (t) => {
  const api = await freshApi(t, { lobbyGraceSeconds: 0.3 });
  const room = await roomWith(t, { links: [{ name: 'a' }] }, api);
  const hostEvents = await openEvents(`${room.api.url}/v1/rooms/${room.roomId}/events`, room.hostToken);
  t.after(() => hostEvents.close());
  // Joined, then the browser closed before its stream opened (or a client that only posts).
  const { guest } = (await redeem(room)).body as { guest: { id: string } };
  const left = await nextGuestEvent(hostEvents, guest.id, (g) => g.status === 'left');
  assert.deepEqual([left.online, left.lastSeenAt], [false, null]);
  assert.equal((await guestOf(room, guest.id))?.status, 'left');
});

test('a waiting guest back within the grace keeps waiting in the same place', async (t) => {
  const api = await freshApi(t, { lobbyGraceSeconds: 0.4 });
  const room = await roomWith(t, { links: [{ name: 'a' }] }, api);
  const first = (await redeem(room)).body as { guest: { id: string }; session: string };
  await redeem(room, room.tokens[0], { name: 'Ana Lima', email: 'ana@example.com' });
  (await openEvents(`${room.api.url}/v1/guest/events`, first.session)).close();
  await new Promise((resolve) => setTimeout(resolve, 100));
  const back = await openEvents(`${room.api.url}/v1/guest/events`, first.session);
  t.after(() => back.close());
  await new Promise((resolve) => setTimeout(resolve, 600));
  const again = (await session(room, first.session)).body as {
    guest: { status: string };
    lobby: { position: number };
  };
  assert.equal(again.guest.status, 'waiting');
  assert.equal(again.lobby.position, 1);
  assert.equal(api.server.deps.presence.size, 0);
});

test('an admitted guest who goes offline stays admitted', async (t) => {
  const api = await freshApi(t, { lobbyGraceSeconds: 0.2 });
  const room = await roomWith(t, { admission: 'auto', links: [{ name: 'a' }] }, api);
  const { guest, session: token } = (await redeem(room)).body as { guest: { id: string }; session: string };
  (await openEvents(`${room.api.url}/v1/guest/events`, token)).close();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const seen = await guestOf(room, guest.id);
  assert.deepEqual([seen?.status, seen?.online], ['admitted', false]);
  assert.ok(seen?.lastSeenAt);
});

test('refuses admit and admit-all while guest access is off', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a' }] });
  const { guest } = (await redeem(room)).body as { guest: { id: string } };
  await host(room, 'PATCH', '/guest-access', { enabled: false });
  const one = await host(room, 'POST', `/guests/${guest.id}/admit`);
  assert.deepEqual([one.status, errorCode(one.body)], [409, 'guest_access_disabled']);
  const all = await host(room, 'POST', '/guests/admit-all');
  assert.deepEqual([all.status, errorCode(all.body)], [409, 'guest_access_disabled']);
  assert.equal((await guestOf(room, guest.id))?.status, 'waiting');
  // Deny still works: turning someone away needs no access.
  assert.equal((await host(room, 'POST', `/guests/${guest.id}/deny`)).status, 200);
  await host(room, 'PATCH', '/guest-access', { enabled: true });
  assert.equal((await host(room, 'POST', '/guests/admit-all')).status, 200);
});

test('takes a lobby message of at most 280 characters, or null to clear it', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a' }] });
  const set = await host(room, 'PATCH', '/guest-access', { lobbyMessage: '  We start at 10:05.  ' });
  assert.deepEqual(set.body, { enabled: true, admission: 'moderator', lobbyMessage: 'We start at 10:05.' });
  assert.equal(
    ((await host(room, 'GET', '/guest-access')).body as { lobbyMessage: string }).lobbyMessage,
    'We start at 10:05.',
  );
  // Other fields leave the message alone.
  const kept = await host(room, 'PATCH', '/guest-access', { admission: 'auto' });
  assert.equal((kept.body as { lobbyMessage: string }).lobbyMessage, 'We start at 10:05.');
  for (const bad of ['x'.repeat(281), 42, 'tab\there', 'bidi\u202eevil']) {
    const refused = await host(room, 'PATCH', '/guest-access', { lobbyMessage: bad });
    assert.deepEqual([refused.status, errorCode(refused.body)], [400, 'validation_failed'], String(bad));
  }
  assert.equal((await host(room, 'PATCH', '/guest-access', { lobbyMessage: 'x'.repeat(280) })).status, 200);
  const cleared = await host(room, 'PATCH', '/guest-access', { lobbyMessage: null });
  assert.equal((cleared.body as { lobbyMessage: null }).lobbyMessage, null);
});

test('gives a waiting guest the lobby: message, place in line, whether a host is here; live', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a' }] });
  await host(room, 'PATCH', '/guest-access', { lobbyMessage: 'Back in 5' });
  const first = (await redeem(room)).body as { guest: { id: string }; session: string };
  const second = (await redeem(room, room.tokens[0], { name: 'Ana Lima', email: 'ana@example.com' }))
    .body as {
    session: string;
  };
  const view = (await session(room, second.session)).body as { lobby: unknown; knock: unknown };
  assert.deepEqual(view.lobby, { message: 'Back in 5', position: 2, hostPresent: false });
  assert.deepEqual(view.knock, { left: 3, availableAt: null });

  const guestEvents = await openEvents(`${room.api.url}/v1/guest/events`, second.session);
  t.after(() => guestEvents.close());
  assert.deepEqual(await guestEvents.next('lobby'), {
    message: 'Back in 5',
    position: 2,
    hostPresent: false,
  });
  // A host who can admit arrives, the one ahead is admitted, the message changes: each within a second.
  const hostEvents = await openEvents(`${room.api.url}/v1/rooms/${room.roomId}/events`, room.hostToken);
  assert.deepEqual(await guestEvents.next('lobby'), { message: 'Back in 5', position: 2, hostPresent: true });
  await host(room, 'POST', `/guests/${first.guest.id}/admit`);
  assert.deepEqual(await guestEvents.next('lobby'), { message: 'Back in 5', position: 1, hostPresent: true });
  await host(room, 'PATCH', '/guest-access', { lobbyMessage: null });
  assert.deepEqual(await guestEvents.next('lobby'), { message: null, position: 1, hostPresent: true });
  hostEvents.close();
  assert.deepEqual(await guestEvents.next('lobby'), { message: null, position: 1, hostPresent: false });
  // A host without guests:admit cannot let anyone in: not "present".
  const manager = await renewHostToken(room, ['guest-access:manage']);
  const managerEvents = await openEvents(`${room.api.url}/v1/rooms/${room.roomId}/events`, manager);
  t.after(() => managerEvents.close());
  await assert.rejects(guestEvents.next('lobby', 300));
  // Not waiting: no lobby.
  const admitted = (await session(room, first.session)).body as { lobby: unknown };
  assert.equal(admitted.lobby, null);
});

test('a denied guest may ask again: waiting, no new use, 3 times, 60 s apart; hosts see the count', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a', maxUses: 1 }] });
  const { guest, session: token } = (await redeem(room)).body as { guest: { id: string }; session: string };
  const early = await session(room, token, 'POST', '/knock');
  assert.deepEqual([early.status, errorCode(early.body)], [409, 'guest_already_decided']);
  for (let knock = 1; knock <= 3; knock++) {
    await host(room, 'POST', `/guests/${guest.id}/deny`);
    const asked = await session(room, token, 'POST', '/knock');
    assert.equal(asked.status, 200, `knock ${knock}`);
    const body = asked.body as {
      guest: { status: string };
      lobby: { position: number };
      knock: { left: number };
    };
    assert.deepEqual([body.guest.status, body.lobby.position, body.knock.left], ['waiting', 1, 3 - knock]);
    assert.equal((await guestOf(room, guest.id))?.knocks, knock);
    if (knock < 3) {
      await host(room, 'POST', `/guests/${guest.id}/deny`);
      const soon = await session(room, token, 'POST', '/knock');
      assert.deepEqual([soon.status, errorCode(soon.body)], [429, 'rate_limited']);
      assert.ok(Number(soon.headers['retry-after']) > 0 && Number(soon.headers['retry-after']) <= 60);
      const denied = (await session(room, token)).body as { knock: { availableAt: string | null } };
      assert.ok(denied.knock.availableAt);
      await room.api.command('advance-clock', { ms: 61_000 });
      // Re-deny is harmless; the loop denies again.
    }
  }
  await host(room, 'POST', `/guests/${guest.id}/deny`);
  await room.api.command('advance-clock', { ms: 61_000 });
  const fourth = await session(room, token, 'POST', '/knock');
  assert.deepEqual([fourth.status, errorCode(fourth.body)], [429, 'rate_limited']);
  const links = (await host(room, 'GET', '/guest-access')).body as { links: Array<{ uses: number }> };
  assert.equal(links.links[0]?.uses, 1, 'asking again counts no use');
});

test('asking again is refused once the link is gone, and without a session', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a' }] });
  const { guest, session: token } = (await redeem(room)).body as { guest: { id: string }; session: string };
  await host(room, 'POST', `/guests/${guest.id}/deny`);
  await host(room, 'PATCH', '/guest-access', { enabled: false });
  const gone = await session(room, token, 'POST', '/knock');
  assert.deepEqual([gone.status, errorCode(gone.body)], [410, 'link_unavailable']);
  const stranger = await session(room, 'not-a-session', 'POST', '/knock');
  assert.equal(stranger.status, 401);
});

test('a lobby of 30 is read once per change, not once per waiting guest', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a' }] });
  let last: Awaited<ReturnType<typeof openEvents>> | undefined;
  for (let index = 0; index < 30; index++) {
    const body = { name: `Guest ${index}`, email: `guest${index}@example.com` };
    const { session: token } = (await redeem(room, room.tokens[0], body)).body as { session: string };
    const stream = await openEvents(`${room.api.url}/v1/guest/events`, token);
    t.after(() => stream.close());
    last = stream;
  }
  const lastPlace = async () =>
    ((await last?.next('lobby', 2000)) as { position: number } | undefined)?.position;
  while ((await lastPlace()) !== 30);
  const { guests } = room.api.server.deps.store;
  const reads = { line: 0, position: 0 };
  const { waitingLine, lobbyPosition } = guests;
  guests.waitingLine = (roomPk) => {
    reads.line += 1;
    return waitingLine(roomPk);
  };
  guests.lobbyPosition = (guest) => {
    reads.position += 1;
    return lobbyPosition(guest);
  };
  t.after(() => Object.assign(guests, { waitingLine, lobbyPosition }));

  const first = (await host(room, 'GET', '/guests')).body as { guests: Array<{ id: string }> };
  const ahead = first.guests.at(-1)?.id as string; // newest first: the last is next in line
  assert.equal((await host(room, 'POST', `/guests/${ahead}/deny`)).status, 200);
  assert.equal(await lastPlace(), 29);
  assert.equal(reads.position, 0, 'no per-guest position reads');
  assert.ok(reads.line >= 1 && reads.line <= 3, `the line was read ${reads.line} times for 29 followers`);
});

test("a busy room's lobby is read at most every 100 ms while its events keep coming, and the last change arrives", async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a' }] });
  const body = { name: 'Ada', email: 'ada@example.com' };
  const { session } = (await redeem(room, room.tokens[0], body)).body as { session: string };
  const stream = await openEvents(`${room.api.url}/v1/guest/events`, session);
  t.after(() => stream.close());
  await stream.next('lobby', 2000);
  const { guests } = room.api.server.deps.store;
  const { waitingLine } = guests;
  let reads = 0;
  guests.waitingLine = (roomPk) => {
    reads += 1;
    return waitingLine(roomPk);
  };
  t.after(() => Object.assign(guests, { waitingLine }));

  const started = performance.now();
  for (let index = 1; index <= 40; index++) {
    const patch = await host(room, 'PATCH', '/guest-access', { lobbyMessage: `Message ${index}` });
    assert.equal(patch.status, 200);
  }
  const elapsed = performance.now() - started;
  let message: string | undefined;
  while (message !== 'Message 40')
    message = ((await stream.next('lobby', 2000)) as { message?: string } | undefined)?.message;
  assert.ok(
    reads <= Math.ceil(elapsed / 100) + 2,
    `40 changes in ${elapsed.toFixed(0)} ms read the lobby ${reads} times`,
  );
});
