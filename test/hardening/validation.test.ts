// Validation defects the fuzzing pointed at, each fixed: schedules whose day does not exist, and
// date-times without an offset that depended on the server's time zone, URLs with a NUL or spaces.
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { databaseSnapshot, harness } from './harness.ts';

async function putRoom(t: TestContext, startsAt: string) {
  const h = await harness(t);
  const answer = await h.send({
    method: 'PUT',
    path: '/v1/admin/rooms/scheduled',
    headers: { authorization: `Bearer ${h.known.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Scheduled', startsAt }),
  });
  return { status: answer.status, body: answer.json as { startsAt?: string; error?: { fields?: object } } };
}

test('refuses schedule days that do not exist instead of moving them into the next month', async (t) => {
  for (const startsAt of [
    '2026-02-31T10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2026-04-31T10:00Z',
    '2026-13-01T10:00Z',
  ]) {
    const answer = await putRoom(t, startsAt);
    assert.equal(answer.status, 400, startsAt);
    assert.ok(answer.body.error?.fields && 'startsAt' in answer.body.error.fields, startsAt);
  }
  assert.equal((await putRoom(t, '2028-02-29T10:00:00Z')).status, 201, 'a leap day is fine');
});

test('reads a date-time without an offset as UTC, whatever the server’s time zone', async (t) => {
  assert.equal((await putRoom(t, '2026-06-12T14:00:00')).body.startsAt, '2026-06-12T14:00:00.000Z');
  assert.equal((await putRoom(t, '2026-06-12T14:00:00+02:00')).body.startsAt, '2026-06-12T12:00:00.000Z');
});

test('refuses URLs with a NUL, spaces, line breaks, bidi controls or lone surrogates in every URL field', async (t) => {
  // A NUL was a 500 on PostgreSQL; the rest was stored as sent, though the URL parser drops or encodes it.
  const h = await harness(t);
  const before = await databaseSnapshot(h.db);
  const admin = h.sendAdmin;
  const bodies = (url: string) =>
    [
      ['PUT', '/v1/admin/rooms/r9', { title: 'Room', joinUrl: url }, 'joinUrl'],
      ['PATCH', '/v1/admin/tenant', { branding: { logoUrl: url } }, 'branding.logoUrl'],
      ['PATCH', '/v1/admin/tenant', { guestUrlTemplate: `${url}/{token}` }, 'guestUrlTemplate'],
      ['PUT', '/v1/admin/webhooks', { endpoints: [{ url, events: ['guest.waiting'] }] }, 'endpoints.0.url'],
    ] as const;
  for (const url of [
    'https://media.example/a\u0000b',
    'https://media.example/a b',
    'https://media.example/a\nb',
    'https://media.example/a\tb',
    'https://media.example/\u202Egnp.exe',
    'https://media.example/a\uD800',
  ]) {
    for (const [method, path, body, field] of bodies(url)) {
      const answer = await admin(method, path, body);
      const error = (answer.json as { error: { code: string; fields?: Record<string, string> } }).error;
      assert.deepEqual(
        [answer.status, error.code],
        [400, 'validation_failed'],
        `${field}: ${JSON.stringify(url)}`,
      );
      assert.match(error.fields?.[field] ?? '', /must not contain spaces/, field);
    }
  }
  assert.deepEqual(await databaseSnapshot(h.db), before, 'nothing was stored');
  for (const [method, path, body] of bodies('https://média.example/caf%C3%A9?q=%20')) {
    assert.equal((await admin(method, path, body)).status < 300, true, `${method} ${path}`);
  }
});

test('a query parameter sent twice is refused by name, and changes nothing', async (t) => {
  const h = await harness(t);
  const before = await databaseSnapshot(h.db);
  const { apiKey, hostToken, linkIds } = h.known;
  for (const [method, path, token, field] of [
    ['GET', '/v1/rooms/r1/guests?status=waiting&status=admitted', hostToken, 'status'],
    ['GET', '/v1/rooms/r1/guests.csv?linkId=a&linkId=b', hostToken, 'linkId'],
    ['GET', '/v1/admin/webhooks/deliveries?cursor=1&cursor=2', apiKey, 'cursor'],
    [
      'DELETE',
      `/v1/rooms/r1/links/${linkIds[0]}?removeGuests=true&removeGuests=false`,
      hostToken,
      'removeGuests',
    ],
    ['DELETE', '/v1/admin/guests?email=grace%40example.com&email=ada%40example.com', apiKey, 'email'],
  ] as const) {
    const answer = await h.send({ method, path, headers: { authorization: `Bearer ${token}` } });
    const error = (answer.json as { error: { code: string; fields?: Record<string, string> } }).error;
    assert.deepEqual([answer.status, error.code], [400, 'validation_failed'], path);
    assert.deepEqual(error.fields, { [field]: `Give ${field} once; it was sent more than once.` }, path);
  }
  assert.deepEqual(await databaseSnapshot(h.db), before, 'nothing was changed');

  // A repeated parameter the route does not read (a cache buster) is ignored as before.
  const list = await h.send({
    method: 'GET',
    path: '/v1/rooms/r1/guests?status=waiting&_=1&_=2',
    headers: { authorization: `Bearer ${hostToken}` },
  });
  assert.equal(list.status, 200);
});
