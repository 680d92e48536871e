// Issue 15, item 9: retention (GUEST_ACCESS_RETENTION_DAYS) and the erasure of one person's data, down to
// the database's files. Runs on either engine (GUEST_ACCESS_TEST_ENGINE=postgres).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { OperatorError } from '../../api/errors.ts';
import { silentLogger } from '../../api/logging.ts';
import { startRetention } from '../../api/retention.ts';
import { environmentSettings, isPostgresUrl } from '../../api/server.ts';
import type { Store } from '../../api/store/contract.ts';
import { openRawDatabase } from '../support/raw-database.ts';
import { errorCode, freshApi, host, type Room, redeem, renewHostToken, roomWith } from './helpers.ts';

const DAY = 24 * 60 * 60 * 1000;

interface HistoryGuest {
  id: string;
  name: string;
  email: string;
  status: string;
  erasedAt: string | null;
}

const arrive = async (room: Room, name: string, email: string) =>
  ((await redeem(room, room.tokens[0], { name, email })).body as { guest: { id: string } }).guest.id;

const historyOf = async (room: Room, token = room.hostToken) =>
  new Map(
    ((await host(room, 'GET', '/guests', undefined, token)).body as { guests: HistoryGuest[] }).guests.map(
      (guest) => [guest.id, guest],
    ),
  );

/** Polls until `check` passes (the sweep runs on its own timer); fails after a generous bound. */
async function eventually(check: () => Promise<boolean>, what: string) {
  for (let waited = 0; waited < 15_000; waited += 50) {
    if (await check()) return;
    await sleep(50);
  }
  assert.fail(`not within 15 s: ${what}`);
}

test('past the retention days the sweep erases names and emails and keeps the rows', async (t) => {
  const api = await freshApi(t, { retentionDays: 30, retentionSweepMs: 50 });
  const room = await roomWith(t, { links: [{ name: 'Press' }] }, api);
  const old = await arrive(room, 'Ada Old', 'ada@example.com');
  await host(room, 'POST', `/guests/${old}/admit`);
  api.clock.advance(31 * DAY);
  const recent = await arrive(room, 'Bo Recent', 'bo@example.com');
  const token = await renewHostToken(room);
  await eventually(
    async () => (await historyOf(room, token)).get(old)?.erasedAt !== null,
    'the old guest erased',
  );
  const guests = await historyOf(room, token);
  const erased = guests.get(old) as HistoryGuest;
  assert.deepEqual([erased.name, erased.email, erased.status], ['', '', 'admitted']);
  assert.deepEqual(guests.get(recent), {
    ...guests.get(recent),
    name: 'Bo Recent',
    email: 'bo@example.com',
    erasedAt: null,
  });
  assert.equal(guests.size, 2, 'the rows stay for counts');
});

test("DELETE /v1/admin/guests erases one person's records across the tenant and answers how many", async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }] });
  const other = await roomWith(t, { links: [{ name: 'Elsewhere' }] }, room.api);
  const admin = (method: string, path: string, token = room.apiKey) =>
    room.api.request({ method, path, token });
  // A second room of the same tenant, with its own link.
  assert.equal(
    (
      await room.api.request({
        method: 'PUT',
        path: '/v1/admin/rooms/second',
        token: room.apiKey,
        body: { title: 'Second' },
      })
    ).status,
    201,
  );
  const second: Room = { ...room, roomId: 'second', hostToken: '' };
  second.hostToken = (
    (await room.api.command('token', { tenantId: room.tenantId, room: 'second' })) as { token: string }
  ).token;
  await host(second, 'PATCH', '/guest-access', { enabled: true });
  const link = (await host(second, 'POST', '/links', { name: 'Second link' })).body as { url: string };
  second.tokens = [new URL(link.url).pathname.split('/').pop() as string];
  const here = await arrive(room, 'Grace', 'grace@example.com');
  const there = await arrive(second, 'Grace H.', 'Grace@Example.COM');
  const someoneElse = await arrive(room, 'Ada', 'ada@example.com');
  const stranger = await arrive(other, 'Grace', 'grace@example.com');

  assert.equal(errorCode((await admin('DELETE', '/v1/admin/guests')).body), 'validation_failed');
  assert.equal((await admin('DELETE', '/v1/admin/guests?email=grace@example.com', 'gak_wrong')).status, 401);
  const erased = await admin('DELETE', '/v1/admin/guests?email=GRACE%40example.com');
  assert.deepEqual([erased.status, erased.body], [200, { erased: 2 }]);
  const guests = new Map([...(await historyOf(room)), ...(await historyOf(second))]);
  for (const id of [here, there]) {
    const guest = guests.get(id) as HistoryGuest;
    assert.deepEqual([guest.name, guest.email], ['', '']);
    assert.ok(guest.erasedAt);
  }
  assert.equal(guests.get(someoneElse)?.email, 'ada@example.com');
  assert.equal(
    (await historyOf(other)).get(stranger)?.email,
    'grace@example.com',
    "another tenant's records stay",
  );
  assert.deepEqual((await admin('DELETE', '/v1/admin/guests?email=grace@example.com')).body, { erased: 0 });
});

test('refuses an erasure whose email is missing or not an address, saying to URL-encode it (+ as %2B)', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }] });
  const id = await arrive(room, 'Ada', 'ada+news@example.com');
  const erase = (query: string) =>
    room.api.request({ method: 'DELETE', path: `/v1/admin/guests${query}`, token: room.apiKey });
  type Refusal = { error: { code: string; message: string; fields?: Record<string, string> } };

  // `+` left raw reads as a space: "ada news@example.com" would match nobody and answer {erased: 0}.
  const raw = await erase('?email=ada+news@example.com');
  assert.equal(raw.status, 400);
  const { error } = raw.body as Refusal;
  assert.equal(error.code, 'validation_failed');
  assert.match(error.message, /URL-encoded.*%2B/);
  assert.match(error.fields?.email ?? '', /valid email address/);
  assert.equal((await historyOf(room)).get(id)?.email, 'ada+news@example.com', 'nothing erased');

  const missing = await erase('');
  assert.equal(missing.status, 400);
  const refusal = (missing.body as Refusal).error;
  assert.deepEqual(refusal.fields, { email: 'Email is required.' });
  assert.doesNotMatch(JSON.stringify(refusal), /Invalid key|Expected|undefined/);

  assert.deepEqual((await erase(`?email=${encodeURIComponent('ada+news@example.com')}`)).body, { erased: 1 });
});

test('erased names and emails are gone from the database, files and webhook payloads included', async (t) => {
  // A webhook endpoint keeps a copy of the guest in each delivery's payload (nothing is sent: no poll runs).
  const api = await freshApi(t, { webhooks: { allowPrivate: true, pollMs: 600_000 } });
  const room = await roomWith(t, { links: [{ name: 'Press' }] }, api);
  const endpoints = [{ url: 'http://127.0.0.1:9/hook', events: ['guest.waiting', 'guest.admitted'] }];
  const put = await api.request({
    method: 'PUT',
    path: '/v1/admin/webhooks',
    token: room.apiKey,
    body: { endpoints },
  });
  assert.equal(put.status, 200);
  // Long values: a shorter row written over a long one would not hide them by chance.
  const name = `Zebediah Quuxmarker ${'x'.repeat(60)}`;
  const email = `zq-marker-7f3a-${'y'.repeat(200)}@example.com`;
  const id = await arrive(room, name, email);
  await host(room, 'POST', `/guests/${id}/admit`);
  const location = room.api.database;
  if (isPostgresUrl(location)) {
    const raw = openRawDatabase(location);
    t.after(() => raw.close());
    const stored = () =>
      raw.all<{ name: string; email: string }>('SELECT name, email FROM guests WHERE id = ?', [id]);
    assert.deepEqual(await stored(), [{ name, email }]);
    const payloads = () =>
      raw.all(
        "SELECT id FROM webhook_deliveries WHERE data LIKE '%Quuxmarker%' OR data LIKE '%marker-7f3a%'",
      );
    assert.equal((await payloads()).length, 2, 'waiting and admitted, queued');
    await room.api.request({ method: 'DELETE', path: `/v1/admin/guests?email=${email}`, token: room.apiKey });
    assert.deepEqual(await stored(), [{ name: '', email: '' }]);
    const anywhere = await raw.all(
      "SELECT id FROM guests WHERE name LIKE '%Quuxmarker%' OR email LIKE '%marker-7f3a%'",
    );
    assert.deepEqual(anywhere, []);
    assert.deepEqual(await payloads(), [], 'no webhook payload names them');
    return;
  }
  // SQLite: the values sit in the main file or its write-ahead log until erased; after it, in neither.
  const files = () =>
    Buffer.concat(
      [location, `${location}-wal`, `${location}-shm`].filter(existsSync).map((file) => readFileSync(file)),
    );
  assert.ok(files().includes(name) && files().includes(email), 'stored before the erasure');
  const erased = await room.api.request({
    method: 'DELETE',
    path: `/v1/admin/guests?email=${email}`,
    token: room.apiKey,
  });
  assert.deepEqual(erased.body, { erased: 1 });
  assert.ok(!files().includes(name), 'the name is in no file');
  assert.ok(!files().includes(email), 'the email is in no file');
  assert.equal((await historyOf(room)).get(id)?.status, 'admitted', 'the row stays');
});

test('GUEST_ACCESS_RETENTION_DAYS is a whole number of days of at least 1, 90 by default', () => {
  assert.equal(environmentSettings({}).retentionDays, 90);
  assert.equal(environmentSettings({ GUEST_ACCESS_RETENTION_DAYS: '30' }).retentionDays, 30);
  for (const value of ['0', '1.5', 'soon', '-3']) {
    assert.throws(() => environmentSettings({ GUEST_ACCESS_RETENTION_DAYS: value }), OperatorError, value);
  }
});

test('the sweep runs at start and on its timer, and stopping it waits for a sweep under way', async () => {
  let sweeps = 0;
  let finish = () => {};
  const store = {
    transaction: async () => {
      sweeps += 1;
      if (sweeps === 1) await new Promise<void>((resolve) => (finish = resolve));
      return { erased: 0, more: false };
    },
    purgeErased: async () => true,
  } as unknown as Store;
  const retention = startRetention({
    store,
    clock: { now: () => Date.now() },
    logger: silentLogger(),
    retentionDays: 90,
    intervalMs: 5,
  });
  assert.equal(sweeps, 1, 'a sweep at start');
  await sleep(30);
  assert.equal(sweeps, 1, 'a sweep under way is not doubled');
  let stopped = false;
  const stopping = retention.stop().then(() => {
    stopped = true;
  });
  await sleep(10);
  assert.equal(stopped, false, 'stop waits for the sweep under way');
  finish();
  await stopping;
  const after = sweeps;
  await sleep(30);
  assert.equal(sweeps, after, 'no sweep after stop');
});
