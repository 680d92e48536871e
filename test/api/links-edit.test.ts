// Issue 15, links: editing (name, number of clicks, expiry), pausing, admission per link, rotating, and
// deleting with the link's guests. Runs on either engine (GUEST_ACCESS_TEST_ENGINE=postgres).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorCode, host, openEvents, type Room, redeem, renewHostToken, roomWith } from './helpers.ts';

const DAY = 24 * 60 * 60 * 1000;

interface LinkBody {
  id: string;
  name: string;
  url: string;
  maxUses: number | null;
  uses: number;
  expiresAt: string | null;
  createdAt: string;
  status: string;
  paused: boolean;
  admission: string;
}

const tokenOf = (link: { url: string }) => new URL(link.url).pathname.split('/').pop() as string;
const firstLink = (room: Room) => room.links[0] as unknown as LinkBody;
const edit = (room: Room, body: unknown, linkId = firstLink(room).id, token = room.hostToken) =>
  host(room, 'PATCH', `/links/${linkId}`, body, token);
const listed = async (room: Room, token = room.hostToken) =>
  ((await host(room, 'GET', '/guest-access', undefined, token)).body as { links: LinkBody[] }).links;
const guestSession = (room: Room, session: string) =>
  room.api.request({ path: '/v1/guest/session', token: session });
const redeemAs = async (room: Room, name: string, token = room.tokens[0]) =>
  (await redeem(room, token, { name, email: `${name.toLowerCase()}@example.com` })).body as {
    guest: { id: string; status: string };
    session: string;
  };

test('an edit changes the fields it names and keeps the others; null clears the limit and the expiry', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press', maxUses: 5, durationDays: 7 }] });
  const before = firstLink(room);
  const renamed = await edit(room, { name: '  Speakers  ' });
  assert.equal(renamed.status, 200);
  assert.deepEqual(renamed.body, { ...before, name: 'Speakers' });
  const cleared = await edit(room, { maxUses: null, expiresAt: null });
  assert.deepEqual(cleared.body, { ...before, name: 'Speakers', maxUses: null, expiresAt: null });
  assert.deepEqual(await listed(room), [cleared.body]);
});

test('refuses a number of clicks below the uses so far with 409 and a clear message, changing nothing', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press', maxUses: 5 }] });
  await redeemAs(room, 'Ada');
  await redeemAs(room, 'Grace');
  const refused = await edit(room, { name: 'Other', maxUses: 1 });
  assert.equal(refused.status, 409);
  assert.equal(errorCode(refused.body), 'max_uses_below_uses');
  assert.match((refused.body as { error: { message: string } }).error.message, /used 2 times.*2 or more/);
  assert.deepEqual(
    (await listed(room)).map((link) => [link.name, link.maxUses]),
    [['Press', 5]],
  );
  // The limit may equal the uses: the link is used up, and raising it makes the link work again.
  assert.equal(((await edit(room, { maxUses: 2 })).body as LinkBody).status, 'used_up');
  assert.equal((await redeem(room, room.tokens[0], { name: 'Lin', email: 'lin@example.com' })).status, 410);
  assert.equal(((await edit(room, { maxUses: 3 })).body as LinkBody).status, 'active');
  assert.equal((await redeem(room, room.tokens[0], { name: 'Lin', email: 'lin@example.com' })).status, 201);
});

test('expiresAt on create and edit: an instant up to 365 days ahead, not with durationDays', async (t) => {
  const room = await roomWith(t);
  const now = room.api.clock.now();
  const at = new Date(now + 3 * DAY).toISOString();
  const created = await host(room, 'POST', '/links', { name: 'Dated', expiresAt: at });
  assert.equal(created.status, 201);
  assert.equal((created.body as LinkBody).expiresAt, at);
  const refusals = [
    { name: 'Both', expiresAt: at, durationDays: 2 },
    { name: 'Past', expiresAt: new Date(now - 1000).toISOString() },
    { name: 'Far', expiresAt: new Date(now + 366 * DAY).toISOString() },
    { name: 'Bad', expiresAt: '2026-02-31T10:00:00Z' },
  ];
  for (const body of refusals) {
    const answer = await host(room, 'POST', '/links', body);
    assert.equal(answer.status, 400, body.name);
    assert.ok((answer.body as { error: { fields: object } }).error.fields, body.name);
  }
  const link = created.body as LinkBody;
  assert.equal((await edit(room, { expiresAt: at, durationDays: 1 }, link.id)).status, 400);
  // durationDays on an edit counts from the edit.
  room.api.clock.advance(DAY);
  const token = await renewHostToken(room);
  const editedFrom = room.api.clock.now();
  const extended = (await edit(room, { durationDays: 5 }, link.id, token)).body as LinkBody;
  const expiresAt = Date.parse(extended.expiresAt as string);
  assert.ok(expiresAt >= editedFrom + 5 * DAY && expiresAt <= room.api.clock.now() + 5 * DAY);
  assert.equal((await listed(room, token)).length, 1, 'refused creations created nothing');
});

test('an expired link given a later expiry works again', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Week', durationDays: 1 }] });
  room.api.clock.advance(2 * DAY);
  const token = await renewHostToken(room);
  assert.equal((await redeem(room)).status, 410);
  const later = new Date(room.api.clock.now() + DAY).toISOString();
  const edited = await edit(room, { expiresAt: later }, firstLink(room).id, token);
  assert.deepEqual(
    [(edited.body as LinkBody).status, (edited.body as LinkBody).expiresAt],
    ['active', later],
  );
  assert.equal((await redeem(room)).status, 201);
});

test('an edit with an unknown field or a bad value is 400 and changes nothing', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }] });
  const before = await listed(room);
  for (const body of [
    { nam: 'x' },
    { name: '' },
    { maxUses: 0 },
    { paused: 'yes' },
    { admission: 'always' },
    { durationDays: 366 },
    { expiresAt: 'tomorrow' },
  ]) {
    const answer = await edit(room, body);
    assert.equal(answer.status, 400, JSON.stringify(body));
    assert.equal(errorCode(answer.body), 'validation_failed');
  }
  assert.deepEqual(await listed(room), before);
});

test("editing, rotating or deleting a deleted link, another room's link or an unknown one is 404", async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Mine' }, { name: 'Gone' }] });
  const other = await roomWith(t, { links: [{ name: 'Theirs' }] }, room.api);
  const gone = room.links[1]?.id as string;
  assert.equal((await host(room, 'DELETE', `/links/${gone}`)).status, 204);
  for (const linkId of [gone, other.links[0]?.id as string, 'no-such-link']) {
    assert.equal((await edit(room, { name: 'x' }, linkId)).status, 404);
    assert.equal((await host(room, 'POST', `/links/${linkId}/rotate`)).status, 404);
    assert.equal((await host(room, 'DELETE', `/links/${linkId}?removeGuests=true`)).status, 404);
  }
  assert.equal((await listed(other))[0]?.name, 'Theirs');
});

test('editing, rotating and deleting need guest-access:manage; removing guests also guests:admit', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }] });
  const moderator = await renewHostToken(room, ['guests:admit']);
  const manager = await renewHostToken(room, ['guest-access:manage']);
  const linkId = firstLink(room).id;
  assert.equal((await edit(room, { name: 'x' }, linkId, moderator)).status, 403);
  assert.equal((await host(room, 'POST', `/links/${linkId}/rotate`, undefined, moderator)).status, 403);
  assert.equal((await host(room, 'DELETE', `/links/${linkId}`, undefined, moderator)).status, 403);
  const refused = await host(room, 'DELETE', `/links/${linkId}?removeGuests=true`, undefined, manager);
  assert.equal(refused.status, 403);
  assert.deepEqual(await listed(room), [firstLink(room)], 'nothing changed');
  assert.equal((await host(room, 'DELETE', `/links/${linkId}?removeGuests=maybe`)).status, 400);
});

test('a paused link answers like an invalid one, keeps its guests, counts toward 3, and works when resumed', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }] });
  const inside = await redeemAs(room, 'Ada');
  const paused = await edit(room, { paused: true });
  assert.deepEqual([(paused.body as LinkBody).status, (paused.body as LinkBody).paused], ['paused', true]);
  const preview = await room.api.request({ path: `/v1/links/${room.tokens[0]}` });
  assert.equal(preview.status, 410);
  assert.equal(errorCode(preview.body), 'link_unavailable');
  assert.equal(
    (preview.body as { room: { title: string } }).room.title,
    'Make your next event a next-level event',
  );
  assert.equal((await redeem(room)).status, 410);
  // Rule 6: the guest already in is not removed; a refresh re-validates (access removed while paused).
  const guests = (await host(room, 'GET', '/guests')).body as {
    guests: Array<{ id: string; status: string }>;
  };
  assert.deepEqual(
    guests.guests.map((guest) => [guest.id, guest.status]),
    [[inside.guest.id, 'waiting']],
  );
  assert.equal((await guestSession(room, inside.session)).status, 410);
  // Rule 1: the paused link still takes one of the 3 places.
  assert.equal((await host(room, 'POST', '/links', { name: 'Two' })).status, 201);
  assert.equal((await host(room, 'POST', '/links', { name: 'Three' })).status, 201);
  assert.equal(errorCode((await host(room, 'POST', '/links', { name: 'Four' })).body), 'link_limit_reached');
  assert.equal(((await edit(room, { paused: false })).body as LinkBody).status, 'active');
  assert.equal((await guestSession(room, inside.session)).status, 200);
  assert.equal((await redeem(room)).status, 201);
});

test("a link's admission overrides the room's policy; 'room' follows it", async (t) => {
  const room = await roomWith(t, {
    links: [{ name: 'Speakers' }, { name: 'Public' }, { name: 'Default' }],
  });
  const [speakers, publicLink, fallback] = room.links as unknown as LinkBody[];
  assert.equal(fallback?.admission, 'room');
  assert.equal(((await edit(room, { admission: 'auto' }, speakers?.id)).body as LinkBody).admission, 'auto');
  await edit(room, { admission: 'moderator' }, publicLink?.id);
  const [viaSpeakers, viaPublic, viaDefault] = room.tokens;
  assert.equal((await redeemAs(room, 'Ada', viaSpeakers)).guest.status, 'admitted');
  assert.equal((await redeemAs(room, 'Bo', viaPublic)).guest.status, 'waiting');
  assert.equal((await redeemAs(room, 'Cy', viaDefault)).guest.status, 'waiting');
  const preview = await room.api.request({ path: `/v1/links/${viaSpeakers}` });
  assert.equal((preview.body as { admission: string }).admission, 'auto');
  await host(room, 'PATCH', '/guest-access', { admission: 'auto' });
  assert.equal((await redeemAs(room, 'Di', viaPublic)).guest.status, 'waiting');
  assert.equal((await redeemAs(room, 'Ed', viaDefault)).guest.status, 'admitted');
  const created = await host(room, 'DELETE', `/links/${fallback?.id}`).then(() =>
    host(room, 'POST', '/links', { name: 'Crew', admission: 'moderator' }),
  );
  assert.equal((created.body as LinkBody).admission, 'moderator');
  assert.equal((await redeemAs(room, 'Fay', tokenOf(created.body as LinkBody))).guest.status, 'waiting');
});

test('a rotation gives a new URL with the same name, settings and uses; the old URL is refused at once', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press', maxUses: 10, durationDays: 3 }] });
  const inside = await redeemAs(room, 'Ada');
  const before = (await listed(room))[0] as LinkBody;
  const rotated = await host(room, 'POST', `/links/${before.id}/rotate`);
  assert.equal(rotated.status, 200);
  const after = rotated.body as LinkBody;
  assert.notEqual(after.url, before.url);
  assert.deepEqual({ ...after, url: before.url }, before);
  const old = await room.api.request({ path: `/v1/links/${room.tokens[0]}` });
  assert.equal(old.status, 410);
  assert.equal((old.body as { room?: unknown }).room, undefined, 'the old token names no room');
  assert.equal((await redeem(room)).status, 410);
  assert.equal((await room.api.request({ path: `/v1/links/${tokenOf(after)}` })).status, 200);
  assert.equal((await redeem(room, tokenOf(after))).status, 201);
  assert.equal(((await listed(room))[0] as LinkBody).uses, 2);
  assert.equal((await guestSession(room, inside.session)).status, 200, 'guests who came in stay');
});

test("deleting with removeGuests removes the link's waiting and admitted guests at once and ends their streams", async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }, { name: 'Other' }] });
  const [waiting, admitted, denied] = [
    await redeemAs(room, 'Ada'),
    await redeemAs(room, 'Bo'),
    await redeemAs(room, 'Cy'),
  ];
  const elsewhere = await redeemAs(room, 'Di', room.tokens[1]);
  await host(room, 'POST', `/guests/${admitted.guest.id}/admit`);
  await host(room, 'POST', `/guests/${denied.guest.id}/deny`);
  const hostEvents = await openEvents(`${room.api.url}/v1/rooms/${room.roomId}/events`, room.hostToken);
  const streams = await Promise.all(
    [waiting, admitted].map((guest) => openEvents(`${room.api.url}/v1/guest/events`, guest.session)),
  );
  t.after(() => {
    hostEvents.close();
    for (const stream of streams) stream.close();
  });
  const deleted = await host(room, 'DELETE', `/links/${firstLink(room).id}?removeGuests=true`);
  assert.equal(deleted.status, 204);
  for (const stream of streams) {
    // The stream opens with the current status; the removal follows, and then the stream ends.
    let status: unknown;
    do status = await stream.next('status', 5000);
    while ((status as { status: string }).status !== 'removed');
    await stream.ended;
  }
  assert.deepEqual(await hostEvents.next('link-deleted', 5000), { id: firstLink(room).id });
  // Presence changes (streams opening and closing) come as guest events too: wait for both removals.
  const announced = new Map<string, { id: string; status: string; decidedBy: string }>();
  while (announced.size < 2) {
    const guest = (await hostEvents.next('guest', 5000)) as { id: string; status: string; decidedBy: string };
    if (guest.status === 'removed') announced.set(guest.id, guest);
  }
  assert.deepEqual(
    [...announced.values()].map((guest) => [guest.id, guest.status, guest.decidedBy]).sort(),
    [
      [waiting.guest.id, 'removed', 'host-user'],
      [admitted.guest.id, 'removed', 'host-user'],
    ].sort(),
  );
  const statuses = Object.fromEntries(
    (
      (await host(room, 'GET', '/guests')).body as { guests: Array<{ id: string; status: string }> }
    ).guests.map((guest) => [guest.id, guest.status]),
  );
  assert.deepEqual(statuses, {
    [waiting.guest.id]: 'removed',
    [admitted.guest.id]: 'removed',
    [denied.guest.id]: 'denied',
    [elsewhere.guest.id]: 'waiting',
  });
});

test('deleting without removeGuests leaves the guests in (rule 6)', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }] });
  const guest = await redeemAs(room, 'Ada');
  assert.equal((await host(room, 'DELETE', `/links/${firstLink(room).id}?removeGuests=false`)).status, 204);
  const guests = (await host(room, 'GET', '/guests')).body as { guests: Array<{ status: string }> };
  assert.deepEqual(
    guests.guests.map((entry) => entry.status),
    ['waiting'],
  );
  assert.equal((await guestSession(room, guest.session)).status, 410, 'a refresh shows access removed');
});

test("edits, pauses and rotations reach the hosts' event streams as link events", async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }] });
  const events = await openEvents(`${room.api.url}/v1/rooms/${room.roomId}/events`, room.hostToken);
  t.after(() => events.close());
  await edit(room, { name: 'Speakers', paused: true });
  // Over PostgreSQL's bus the setup's own link event may still arrive first: wait for the edit.
  const nextLink = async (done: (link: LinkBody) => boolean) => {
    for (;;) {
      const link = (await events.next('link', 5000)) as LinkBody;
      if (done(link)) return link;
    }
  };
  const edited = await nextLink((link) => link.name === 'Speakers');
  assert.equal(edited.status, 'paused');
  const rotated = (await host(room, 'POST', `/links/${firstLink(room).id}/rotate`)).body as LinkBody;
  assert.notEqual(rotated.url, edited.url);
  await nextLink((link) => link.url === rotated.url);
});

test('the OpenAPI document describes the new routes from their schemas', async (t) => {
  const room = await roomWith(t);
  const document = (await room.api.request({ path: '/v1/openapi.json' })).body as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: { properties: object } }> } }>
    >;
  };
  const patch = document.paths['/v1/rooms/{roomId}/links/{linkId}']?.patch;
  assert.deepEqual(
    Object.keys(patch?.requestBody?.content['application/json']?.schema.properties ?? {}).sort(),
    ['admission', 'durationDays', 'expiresAt', 'maxUses', 'name', 'paused'],
  );
  assert.ok(document.paths['/v1/rooms/{roomId}/links/{linkId}/rotate']?.post);
  assert.ok(document.paths['/v1/rooms/{roomId}/links/{linkId}']?.delete);
  assert.ok(document.paths['/v1/rooms/{roomId}/guests.csv']?.get);
  assert.ok(document.paths['/v1/admin/guests']?.delete);
});
