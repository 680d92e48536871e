// Three API instances on one PostgreSQL database, as a deployment behind a load balancer runs them: a change
// made on one instance reaches the event streams of the others, and the rules hold across instances.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type EventReader, openEvents } from '../api/helpers.ts';
import { hostToken } from '../support/api-fixture.ts';
import { atTestEnd } from '../support/cleanup.ts';
import { openRawDatabase } from '../support/raw-database.ts';
import { type ChildServer, roomWithLinks, startInstances, testDatabase } from './child-server.ts';

const guest = (index: number) => ({ name: `Guest ${index}`, email: `guest${index}@example.com` });

/** The next event of that name within a second (what SPEC rule 10 promises, across instances too). */
const withinASecond = (reader: EventReader, event: string) => reader.next(event, 1000);

function threeOf(servers: ChildServer[]): [ChildServer, ChildServer, ChildServer] {
  const [a, b, c] = servers;
  assert.ok(a && b && c, 'three instances');
  return [a, b, c];
}

/**
 * A redemption as a careful client sends it: with an Idempotency-Key, sent again with the same key when the
 * connection fails (a loaded machine drops some of 2,000 simultaneous connections), so it counts once.
 */
async function redeemWithRetries(server: ChildServer, token: string, index: number, key: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await server.request({
        method: 'POST',
        path: `/v1/links/${token}/guests`,
        body: guest(index),
        headers: { 'idempotency-key': key },
      });
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

const redeemOn = (server: ChildServer, token: string, index: number) =>
  server.request({ method: 'POST', path: `/v1/links/${token}/guests`, body: guest(index) });

test('a change on one instance reaches the streams of the others within a second', async (t) => {
  const db = await testDatabase(t);
  const { servers, tenant } = await startInstances(t, db, 3);
  const [a, b, c] = threeOf(servers);
  const room = await roomWithLinks(a, tenant, [{ name: 'Guests', maxUses: 5 }]);
  const token = room.links[0]?.token as string;
  const hostEvents = await openEvents(`${b.url}/v1/rooms/r1/events`, room.hostToken);
  t.after(() => hostEvents.close());

  // A guest redeems on A: the host on B sees the guest and the link's use.
  const redeemed = await redeemOn(a, token, 1);
  assert.equal(redeemed.status, 201);
  const { guest: created, session } = redeemed.body as { guest: { id: string }; session: string };
  const waiting = (await withinASecond(hostEvents, 'guest')) as { id: string; status: string };
  assert.deepEqual([waiting.id, waiting.status], [created.id, 'waiting']);
  assert.equal(((await withinASecond(hostEvents, 'link')) as { uses: number }).uses, 1);

  // The host admits on C: the guest's stream on A hears it.
  const guestEvents = await openEvents(`${a.url}/v1/guest/events`, session);
  t.after(() => guestEvents.close());
  assert.deepEqual(await withinASecond(guestEvents, 'status'), { status: 'waiting' });
  const admit = await c.request({
    method: 'POST',
    path: `/v1/rooms/r1/guests/${created.id}/admit`,
    token: room.hostToken,
  });
  assert.equal(admit.status, 200);
  assert.deepEqual(await withinASecond(guestEvents, 'status'), { status: 'admitted' });
  // Presence changes (the guest's stream opening on A) come as guest events too: the decision follows them.
  while (((await withinASecond(hostEvents, 'guest')) as { status: string }).status !== 'admitted');

  // Removed on B: the guest's stream on A ends with it.
  await b.request({
    method: 'POST',
    path: `/v1/rooms/r1/guests/${created.id}/remove`,
    token: room.hostToken,
  });
  assert.deepEqual(await withinASecond(guestEvents, 'status'), { status: 'removed' });

  // Access switched off on C: the host on B sees it.
  await c.request({
    method: 'PATCH',
    path: '/v1/rooms/r1/guest-access',
    token: room.hostToken,
    body: { enabled: false },
  });
  assert.deepEqual(await withinASecond(hostEvents, 'guest-access'), {
    enabled: false,
    admission: 'moderator',
    lobbyMessage: null,
  });
});

test('2,000 concurrent redemptions over three instances on a 100-use link accept exactly 100, three runs', async (t) => {
  const db = await testDatabase(t);
  const { servers, tenant } = await startInstances(t, db, 3);
  const links = [1, 2, 3].map((run) => ({ name: `Run ${run}`, maxUses: 100 }));
  const room = await roomWithLinks(servers[0] as ChildServer, tenant, links);
  for (const [run, link] of room.links.entries()) {
    const answers = await Promise.all(
      Array.from({ length: 2000 }, (_, index) =>
        redeemWithRetries(servers[index % 3] as ChildServer, link.token, index, `run-${run}-${index}`),
      ),
    );
    const statuses = new Map<number, number>();
    for (const { status } of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(statuses), { 201: 100, 410: 1900 }, `run ${run + 1}`);
    t.diagnostic(
      `run ${run + 1}: 2,000 redemptions over 3 instances → ${statuses.get(201)} × 201, ${statuses.get(410)} × 410`,
    );
  }
});

test('30 concurrent link creations across three instances leave exactly 3 links', async (t) => {
  const db = await testDatabase(t);
  const { servers, tenant } = await startInstances(t, db, 3);
  const room = await roomWithLinks(servers[0] as ChildServer, tenant, []);
  const answers = await Promise.all(
    Array.from({ length: 30 }, (_, index) =>
      (servers[index % 3] as ChildServer).request({
        method: 'POST',
        path: '/v1/rooms/r1/links',
        token: room.hostToken,
        body: { name: `Link ${index}` },
      }),
    ),
  );
  const created = answers.filter((answer) => answer.status === 201).length;
  const refused = answers.filter(
    (answer) => (answer.body as { error?: { code: string } }).error?.code === 'link_limit_reached',
  );
  assert.equal(created, 3);
  assert.equal(refused.length, 27);
  const raw = openRawDatabase(db);
  atTestEnd(t, () => raw.close());
  assert.deepEqual(await raw.all('SELECT count(*)::int AS count FROM links WHERE deleted_at IS NULL'), [
    { count: 3 },
  ]);
});

test('kill -9 of one instance during a redemption burst loses no acknowledged redemption; the others answer', async (t) => {
  const db = await testDatabase(t);
  const { servers, tenant } = await startInstances(t, db, 3);
  const [victim, ...survivors] = threeOf(servers);
  const room = await roomWithLinks(survivors[0] as ChildServer, tenant, [{ name: 'Burst' }]);
  const token = room.links[0]?.token as string;
  const acknowledged: string[] = [];
  const burst = Array.from({ length: 600 }, async (_, index) => {
    const answer = await redeemOn(servers[index % 3] as ChildServer, token, index).catch(() => undefined);
    if (answer?.status === 201) acknowledged.push((answer.body as { guest: { id: string } }).guest.id);
    return answer?.status ?? 'connection lost';
  });
  setTimeout(() => victim.child.kill('SIGKILL'), 20);
  const outcomes = await Promise.all(burst);
  assert.equal((await victim.exited).signal, 'SIGKILL');
  assert.ok(!outcomes.some((status) => typeof status === 'number' && status >= 500), 'no 5xx');
  for (const survivor of survivors) {
    assert.equal((await redeemOn(survivor, token, 9999)).status, 201, 'the survivors keep answering');
  }
  const raw = openRawDatabase(db);
  atTestEnd(t, () => raw.close());
  const stored = new Set((await raw.all<{ id: string }>('SELECT id FROM guests')).map((row) => row.id));
  assert.deepEqual(
    acknowledged.filter((id) => !stored.has(id)),
    [],
    'every acknowledged redemption is stored',
  );
  t.diagnostic(`${acknowledged.length} of 600 acknowledged during the kill; all stored`);
});

test('a guest stream on a killed instance reconnects to another and catches up on the decision it missed', async (t) => {
  const db = await testDatabase(t);
  const { servers, tenant } = await startInstances(t, db, 3);
  const [victim, other] = threeOf(servers);
  const room = await roomWithLinks(other, tenant, [{ name: 'Guests' }]);
  const redeemed = await redeemOn(victim, room.links[0]?.token as string, 1);
  const { guest: created, session } = redeemed.body as { guest: { id: string }; session: string };
  const stream = await openEvents(`${victim.url}/v1/guest/events`, session);
  assert.deepEqual(await withinASecond(stream, 'status'), { status: 'waiting' });
  victim.child.kill('SIGKILL');
  await stream.ended;
  // Decided while the guest's stream was down.
  await other.request({
    method: 'POST',
    path: `/v1/rooms/r1/guests/${created.id}/admit`,
    token: room.hostToken,
  });
  const again = await openEvents(`${other.url}/v1/guest/events`, session);
  t.after(() => again.close());
  assert.deepEqual(await withinASecond(again, 'status'), { status: 'admitted' });
  // The host's list on a live instance has it too (what the manager re-reads on reconnecting).
  const fresh = await hostToken({ ...tenant, room: 'r1', now: Date.now() });
  const list = await other.request({ path: '/v1/rooms/r1/guests', token: fresh });
  assert.equal((list.body as { guests: Array<{ status: string }> }).guests[0]?.status, 'admitted');
});
