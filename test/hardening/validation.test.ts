// Validation defects the fuzzing pointed at, each fixed: schedules whose day does not exist, and
// date-times without an offset that depended on the server's time zone.
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { harness } from './harness.ts';

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
