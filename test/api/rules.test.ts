// One test (at least) per rule of SPEC section 3, named as the rule.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { LINK_UNAVAILABLE_MESSAGE } from '../../api/errors.ts';
import { errorCode, freshApi, host, openEvents, redeem, renewHostToken, roomWith } from './helpers.ts';

const DAY = 24 * 60 * 60 * 1000;

test('rule 1: refuses a fourth link, and allows one again after a deletion', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'one' }, { name: 'two' }, { name: 'three' }] });
  const fourth = await host(room, 'POST', '/links', { name: 'four' });
  assert.equal(fourth.status, 409);
  assert.equal(errorCode(fourth.body), 'link_limit_reached');
  assert.match((fourth.body as { error: { message: string } }).error.message, /at most 3/);
  assert.equal((await host(room, 'DELETE', `/links/${room.links[0]?.id}`)).status, 204);
  assert.equal((await host(room, 'POST', '/links', { name: 'four' })).status, 201);
});

test('rule 2: validates the link name, use limit and duration', async (t) => {
  const room = await roomWith(t);
  const refused = [
    { name: '' },
    { name: '   ' },
    { name: 'x'.repeat(81) },
    { name: 'tab\there' },
    { name: 'ok', maxUses: 0 },
    { name: 'ok', maxUses: 1.5 },
    { name: 'ok', maxUses: 1_000_001 },
    { name: 'ok', maxUses: '5' },
    { name: 'ok', durationDays: 0 },
    { name: 'ok', durationDays: 366 },
    { maxUses: 3 },
  ];
  for (const body of refused) {
    const answer = await host(room, 'POST', '/links', body);
    assert.equal(answer.status, 400, JSON.stringify(body));
    assert.equal(errorCode(answer.body), 'validation_failed');
  }
  const fields = (await host(room, 'POST', '/links', { name: '', maxUses: 0, durationDays: 366 })).body as {
    error: { fields: Record<string, string> };
  };
  assert.deepEqual(Object.keys(fields.error.fields).sort(), ['durationDays', 'maxUses', 'name']);

  const largest = await host(room, 'POST', '/links', {
    name: '  Guest speakers  ',
    maxUses: 1_000_000,
    durationDays: 365,
  });
  assert.equal(largest.status, 201);
  const link = largest.body as { name: string; maxUses: number; expiresAt: string; createdAt: string };
  assert.equal(link.name, 'Guest speakers');
  assert.equal(link.maxUses, 1_000_000);
  assert.equal(Date.parse(link.expiresAt) - Date.parse(link.createdAt), 365 * DAY);
  const unlimited = (await host(room, 'POST', '/links', { name: 'open', maxUses: null, durationDays: null }))
    .body;
  assert.deepEqual(
    [(unlimited as { maxUses: null }).maxUses, (unlimited as { expiresAt: null }).expiresAt],
    [null, null],
  );
});

test('rule 3: a link is usable only while the room, the switch, the link, its expiry and its uses allow', async (t) => {
  const room = await roomWith(t, {
    links: [
      { name: 'day', durationDays: 1 },
      { name: 'once', maxUses: 1 },
    ],
  });
  const [day, once] = room.tokens as [string, string];
  assert.equal((await room.api.request({ path: `/v1/links/${day}` })).status, 200);
  assert.equal((await redeem(room, once)).status, 201);
  assert.equal((await redeem(room, once)).status, 410, 'used up');
  assert.equal((await room.api.request({ path: `/v1/links/${once}` })).status, 410);
  room.api.clock.advance(DAY + 1000);
  assert.equal((await room.api.request({ path: `/v1/links/${day}` })).status, 410, 'expired');
  const list = (await host(room, 'GET', '/guest-access', undefined, await renewHostToken(room))).body as {
    links: Array<{ status: string }>;
  };
  assert.deepEqual(
    list.links.map((link) => link.status),
    ['expired', 'used_up'],
  );
});

test('rule 4: turning guest access off makes every link unusable at once; on again restores unexpired ones', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a' }, { name: 'b', durationDays: 1 }] });
  const [a, b] = room.tokens as [string, string];
  assert.equal((await host(room, 'PATCH', '/guest-access', { enabled: false })).status, 200);
  for (const token of [a, b])
    assert.equal((await room.api.request({ path: `/v1/links/${token}` })).status, 410);
  assert.equal((await redeem(room, a)).status, 410);
  const off = (await host(room, 'GET', '/guest-access')).body as {
    enabled: boolean;
    links: Array<{ status: string }>;
  };
  assert.equal(off.enabled, false);
  assert.deepEqual(
    off.links.map((link) => link.status),
    ['inactive', 'inactive'],
  );
  const create = await host(room, 'POST', '/links', { name: 'c' });
  assert.equal(create.status, 409);
  assert.equal(errorCode(create.body), 'guest_access_disabled');

  room.api.clock.advance(2 * DAY);
  await host(room, 'PATCH', '/guest-access', { enabled: true }, await renewHostToken(room));
  assert.equal((await room.api.request({ path: `/v1/links/${a}` })).status, 200);
  assert.equal((await room.api.request({ path: `/v1/links/${b}` })).status, 410, 'expired meanwhile');
});

test('rule 4: changing the admission policy never undoes a switch another host turned off meanwhile', async (t) => {
  const room = await roomWith(t);
  const { store } = room.api.server.deps;
  // What a second process read before this host turned access off.
  const stale = await store.rooms.get(room.tenantId, room.roomId);
  assert.ok(stale?.guestAccessEnabled);
  assert.equal((await host(room, 'PATCH', '/guest-access', { enabled: false })).status, 200);

  const access = await store.transaction((tx) => tx.rooms.setGuestAccess(stale, { admission: 'auto' }));

  assert.deepEqual(access, { enabled: false, admission: 'auto', lobbyMessage: null });
  const view = (await host(room, 'GET', '/guest-access')).body as { enabled: boolean; admission: string };
  assert.deepEqual([view.enabled, view.admission], [false, 'auto']);
});

test('rule 5: deleting a link removes it at once and for good', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'gone' }] });
  const [link] = room.links;
  assert.equal((await host(room, 'DELETE', `/links/${link?.id}`)).status, 204);
  assert.equal((await room.api.request({ path: `/v1/links/${room.tokens[0]}` })).status, 410);
  assert.equal((await redeem(room)).status, 410);
  const again = await host(room, 'DELETE', `/links/${link?.id}`);
  assert.equal(again.status, 404);
  assert.equal(errorCode(again.body), 'not_found');
  const view = (await host(room, 'GET', '/guest-access')).body as { links: unknown[]; linkCount: number };
  assert.deepEqual([view.links.length, view.linkCount], [0, 0]);
  const fresh = (await host(room, 'POST', '/links', { name: 'gone' })).body as { url: string };
  assert.notEqual(fresh.url, link?.url);
});

test('rule 6: joined guests stay connected after revocation until they refresh; a removed guest is cut off', async (t) => {
  const room = await roomWith(
    t,
    { admission: 'auto', links: [{ name: 'a' }] },
    await freshApi(t, { heartbeatMs: 100 }),
  );
  const stays = (await redeem(room)).body as { session: string };
  const removed = (await redeem(room)).body as { session: string; guest: { id: string } };
  const staying = await openEvents(`${room.api.url}/v1/guest/events`, stays.session);
  const cut = await openEvents(`${room.api.url}/v1/guest/events`, removed.session);
  t.after(() => staying.close());
  await staying.next('status');
  await cut.next('status');

  await host(room, 'DELETE', `/links/${room.links[0]?.id}`);
  await staying.next('ping', 1000); // still connected, still heartbeating
  const refresh = await room.api.request({ path: '/v1/guest/session', token: stays.session });
  assert.equal(refresh.status, 410);
  assert.equal(errorCode(refresh.body), 'link_unavailable');
  assert.equal(
    (refresh.body as { room: { title: string } }).room.title,
    'Make your next event a next-level event',
  );

  await host(room, 'POST', `/guests/${removed.guest.id}/remove`);
  assert.deepEqual(await cut.next('status'), { status: 'removed' });
  await cut.ended;
  const session = await room.api.request({ path: '/v1/guest/session', token: removed.session });
  assert.equal((session.body as { guest: { status: string } }).guest.status, 'removed');
});

test('rule 7: refuses guest access for channel rooms, disabled modules and hosts without the permission', async (t) => {
  const api = await freshApi(t);
  const channel = await roomWith(t, { type: 'channel' }, api);
  const answer = await host(channel, 'GET', '/guest-access');
  assert.deepEqual([answer.status, errorCode(answer.body)], [409, 'unsupported_room_type']);

  for (const [modules, module] of [
    [{ inviteToMedia: false }, 'inviteToMedia'],
    [{ theming: { mediaPage: false } }, 'theming.mediaPage'],
  ] as const) {
    const room = await roomWith(t, { modules, links: [{ name: 'a' }] }, api);
    const refused = await host(room, 'PATCH', '/guest-access', { enabled: true });
    assert.deepEqual([refused.status, errorCode(refused.body)], [403, 'module_disabled']);
    assert.equal((refused.body as { error: { fields: { module: string } } }).error.fields.module, module);
    assert.equal((await redeem(room)).status, 410, 'links stop working while the module is off');
  }

  const moderator = await roomWith(t, { perms: ['guests:admit'], links: [{ name: 'a' }] }, api);
  const create = await host(moderator, 'POST', '/links', { name: 'b' });
  assert.deepEqual([create.status, errorCode(create.body)], [403, 'forbidden']);
  assert.match((create.body as { error: { message: string } }).error.message, /guest-access:manage/);
  const view = await host(moderator, 'GET', '/guest-access');
  assert.equal(view.status, 200);
  assert.deepEqual((view.body as { permissions: string[] }).permissions, ['guests:admit']);
  const manager = await roomWith(t, { perms: ['guest-access:manage'] }, api);
  assert.equal((await host(manager, 'GET', '/guests')).status, 403);
});

test('rule 8: counts a use only on an accepted submit, never on opening the link, and a retried submit once', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a', maxUses: 5 }] });
  const token = room.tokens[0];
  for (let i = 0; i < 5; i++)
    assert.equal((await room.api.request({ path: `/v1/links/${token}` })).status, 200);
  assert.equal((await redeem(room, token, { name: '', email: 'bad' })).status, 400);
  const uses = async () =>
    ((await host(room, 'GET', '/guest-access')).body as { links: Array<{ uses: number }> }).links[0]?.uses;
  assert.equal(await uses(), 0);

  const submit = () =>
    room.api.request({
      method: 'POST',
      path: `/v1/links/${token}/guests`,
      body: { name: 'Grace', email: 'grace@example.com' },
      headers: { 'idempotency-key': 'submit-1' },
    });
  const first = await submit();
  const retry = await submit();
  assert.deepEqual([first.status, retry.status], [201, 201]);
  assert.deepEqual(retry.body, first.body, 'the same guest and session');
  assert.equal(await uses(), 1);
});

test('rule 9: a refresh by a waiting or admitted guest counts no use and ignores the use limit', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'single', maxUses: 1 }] });
  const waiting = (await redeem(room)).body as { session: string; guest: { id: string } };
  for (let i = 0; i < 3; i++) {
    const refresh = await room.api.request({ path: '/v1/guest/session', token: waiting.session });
    assert.equal(refresh.status, 200);
  }
  await host(room, 'POST', `/guests/${waiting.guest.id}/admit`);
  const admitted = await room.api.request({ path: '/v1/guest/session', token: waiting.session });
  assert.equal((admitted.body as { guest: { status: string } }).guest.status, 'admitted');
  assert.equal((await redeem(room)).status, 410, 'a new guest finds it used up');
  const view = (await host(room, 'GET', '/guest-access')).body as { links: Array<{ uses: number }> };
  assert.equal(view.links[0]?.uses, 1);
});

test('rule 10: with moderator admission the guest waits, hosts see it within a second, and decisions reach the guest within a second', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a' }] });
  const hostEvents = await openEvents(`${room.api.url}/v1/rooms/${room.roomId}/events`, room.hostToken);
  t.after(() => hostEvents.close());

  const ann = (await redeem(room, room.tokens[0], { name: 'Ann', email: 'ann@example.com' })).body as {
    session: string;
    guest: { id: string; status: string };
  };
  assert.equal(ann.guest.status, 'waiting');
  const seen = (await hostEvents.next('guest', 1000)) as { id: string; status: string; linkName: string };
  assert.deepEqual([seen.id, seen.status, seen.linkName], [ann.guest.id, 'waiting', 'a']);
  // The link's own creation in the setup may still be on its way over PostgreSQL's bus: skip to this use.
  let link: { uses: number };
  do link = (await hostEvents.next('link', 1000)) as { uses: number };
  while (link.uses === 0);
  assert.equal(link.uses, 1);

  const lobby = await host(room, 'GET', '/guests?status=waiting');
  assert.deepEqual(
    (lobby.body as { guests: Array<{ id: string }> }).guests.map((guest) => guest.id),
    [ann.guest.id],
  );

  const annEvents = await openEvents(`${room.api.url}/v1/guest/events`, ann.session);
  assert.deepEqual(await annEvents.next('status'), { status: 'waiting' });
  const admitted = await host(room, 'POST', `/guests/${ann.guest.id}/admit`);
  assert.equal((admitted.body as { status: string }).status, 'admitted');
  assert.deepEqual(await annEvents.next('status', 1000), { status: 'admitted' });
  annEvents.close();

  const ben = (await redeem(room, room.tokens[0], { name: 'Ben', email: 'ben@example.com' })).body as {
    session: string;
    guest: { id: string };
  };
  const benEvents = await openEvents(`${room.api.url}/v1/guest/events`, ben.session);
  await benEvents.next('status');
  await host(room, 'POST', `/guests/${ben.guest.id}/deny`);
  assert.deepEqual(await benEvents.next('status', 1000), { status: 'denied' });
  await benEvents.ended;

  const waiting = [];
  for (const name of ['Cy', 'Di'])
    waiting.push(
      ((await redeem(room, room.tokens[0], { name, email: 'x@example.com' })).body as { session: string })
        .session,
    );
  const all = await host(room, 'POST', '/guests/admit-all');
  assert.equal((all.body as { guests: unknown[] }).guests.length, 2);
  const newestFirst = (await host(room, 'GET', '/guests')).body as {
    guests: Array<{ name: string; status: string }>;
  };
  assert.deepEqual(
    newestFirst.guests.map((guest) => `${guest.name}:${guest.status}`),
    ['Di:admitted', 'Cy:admitted', 'Ben:denied', 'Ann:admitted'],
  );
});

test('rule 11: with auto admission the guest is admitted on submit', async (t) => {
  const room = await roomWith(t, { admission: 'auto', links: [{ name: 'a' }] });
  const answer = (await redeem(room)).body as { guest: { status: string } };
  assert.equal(answer.guest.status, 'admitted');
});

test('rule 12: admitted guests get the joinUrl and a session the media page verifies with the API', async (t) => {
  const room = await roomWith(t, { joinUrl: 'https://media.example/rooms/1', links: [{ name: 'a' }] });
  const waiting = (await redeem(room)).body as {
    session: string;
    guest: { id: string };
    room: { joinUrl: null };
  };
  assert.equal(waiting.room.joinUrl, null, 'no join URL while waiting');
  await host(room, 'POST', `/guests/${waiting.guest.id}/admit`);
  const verified = await room.api.request({ path: '/v1/guest/session', token: waiting.session });
  assert.equal(verified.status, 200);
  const body = verified.body as { guest: { status: string }; room: { joinUrl: string; id: string } };
  assert.deepEqual(
    [body.guest.status, body.room.joinUrl, body.room.id],
    ['admitted', 'https://media.example/rooms/1', room.roomId],
  );
});

test('rule 13: a guest session is refused by every host and admin endpoint', async (t) => {
  const room = await roomWith(t, { admission: 'auto', links: [{ name: 'a' }] });
  const { session, guest } = (await redeem(room)).body as { session: string; guest: { id: string } };
  const hostCalls: Array<[string, string, unknown?]> = [
    ['GET', '/guest-access'],
    ['PATCH', '/guest-access', { enabled: false }],
    ['POST', '/links', { name: 'x' }],
    ['DELETE', `/links/${room.links[0]?.id}`],
    ['GET', '/guests'],
    ['POST', `/guests/${guest.id}/admit`],
    ['POST', `/guests/${guest.id}/deny`],
    ['POST', `/guests/${guest.id}/remove`],
    ['POST', '/guests/admit-all'],
    ['GET', '/events'],
  ];
  for (const [method, path, body] of hostCalls) {
    const answer = await host(room, method, path, body, session);
    assert.deepEqual([answer.status, errorCode(answer.body)], [401, 'unauthorized'], `${method} ${path}`);
  }
  const admin = await room.api.request({ path: '/v1/admin/tenant', token: session });
  assert.equal(admin.status, 401);
  const other = await roomWith(t, {}, room.api);
  assert.equal((await host(other, 'GET', '/guest-access', undefined, session)).status, 401);
});

test('rule 14: every invalid link answers link_unavailable, naming the room only where the token was real', async (t) => {
  const api = await freshApi(t);
  const unknown = await api.request({ path: `/v1/links/${randomBytes(32).toString('base64url')}` });
  assert.equal(unknown.status, 410);
  assert.deepEqual(unknown.body, { error: { code: 'link_unavailable', message: LINK_UNAVAILABLE_MESSAGE } });

  const room = await roomWith(
    t,
    { links: [{ name: 'deleted' }, { name: 'expired', durationDays: 1 }, { name: 'used', maxUses: 1 }] },
    api,
  );
  const [deleted, expired, used] = room.tokens as [string, string, string];
  await host(room, 'DELETE', `/links/${room.links[0]?.id}`);
  await redeem(room, used);
  api.clock.advance(DAY + 1);
  const expectRoom = async (token: string, why: string) => {
    for (const answer of [await api.request({ path: `/v1/links/${token}` }), await redeem(room, token)]) {
      assert.equal(answer.status, 410, why);
      const body = answer.body as { error: { message: string }; room: Record<string, unknown> };
      assert.equal(body.error.message, LINK_UNAVAILABLE_MESSAGE);
      assert.deepEqual(body.room, {
        title: 'Make your next event a next-level event',
        startsAt: '2026-06-12T14:00:00.000Z',
        endsAt: '2026-06-12T14:45:00.000Z',
        timeZone: 'America/New_York',
      });
    }
  };
  await expectRoom(deleted, 'deleted');
  await expectRoom(expired, 'expired');
  await expectRoom(used, 'used up');

  const off = await roomWith(t, { links: [{ name: 'a' }] }, api);
  await host(off, 'PATCH', '/guest-access', { enabled: false });
  await expectRoom(off.tokens[0] as string, 'access off');
  const removed = await roomWith(t, { links: [{ name: 'a' }] }, api);
  const remove = await api.request({
    method: 'DELETE',
    path: `/v1/admin/rooms/${removed.roomId}`,
    token: removed.apiKey,
  });
  assert.equal(remove.status, 204);
  await expectRoom(removed.tokens[0] as string, 'room removed');
});
