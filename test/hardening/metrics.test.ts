// Issue 14, item 10: GET /metrics in the Prometheus text format, absent (404) unless
// GUEST_ACCESS_METRICS_TOKEN is set, then only for a bearer of that token.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openEvents } from '../api/helpers.ts';
import { createTenantIn, roomWithLinks, startChildServer, testDatabase } from './child-server.ts';

const TOKEN = 'metrics-token-for-the-test-0123456789';

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((each) => each.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

test('metrics: off unless GUEST_ACCESS_METRICS_TOKEN is set, then bearer-protected Prometheus text (item 10)', async (t) => {
  const db = await testDatabase(t);
  const tenant = await createTenantIn(db);

  const without = await startChildServer(t, db);
  assert.equal((await fetch(`${without.url}/metrics`)).status, 404);
  without.child.kill('SIGTERM');
  await without.exited;

  const server = await startChildServer(t, db, { GUEST_ACCESS_METRICS_TOKEN: TOKEN });
  assert.equal((await fetch(`${server.url}/metrics`)).status, 401);
  const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
  assert.equal(wrong.status, 401);
  assert.equal(((await wrong.json()) as { error: { code: string } }).error.code, 'unauthorized');

  const room = await roomWithLinks(server, tenant, [{ name: 'Guests', maxUses: 1 }]);
  const link = room.links[0]?.token as string;
  const redeem = (email: string) =>
    server.request({ method: 'POST', path: `/v1/links/${link}/guests`, body: { name: 'Ada', email } });
  const accepted = await redeem('ada@example.com');
  assert.equal(accepted.status, 201);
  assert.equal((await redeem('bob@example.com')).status, 410, 'the use limit refuses the second');
  const stream = await openEvents(
    `${server.url}/v1/guest/events`,
    (accepted.body as { session: string }).session,
  );
  await stream.next('status');

  const answer = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(answer.status, 200);
  assert.match(answer.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  const text = await answer.text();
  stream.close();
  assert.equal(sample(text, 'guest_access_redemptions_total{outcome="accepted"}'), 1);
  assert.equal(sample(text, 'guest_access_redemptions_total{outcome="refused"}'), 1);
  assert.equal(sample(text, 'guest_access_guests_waiting'), 1);
  assert.equal(sample(text, 'guest_access_open_streams'), 1);
  assert.equal(
    sample(
      text,
      'guest_access_http_requests_total{method="POST",route="/v1/links/:token/guests",status="201"}',
    ),
    1,
  );
  assert.equal(
    sample(
      text,
      'guest_access_http_requests_total{method="PUT",route="/v1/admin/rooms/:roomId",status="201"}',
    ),
    1,
  );
  assert.ok((sample(text, 'nodejs_eventloop_lag_seconds') ?? -1) >= 0, 'the event-loop lag');
  assert.ok(!text.includes(link), 'no token in a label');
});
