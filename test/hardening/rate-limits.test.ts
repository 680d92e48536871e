// Rate limits beyond test/api/http.test.ts (which covers the link page, the submit and guessing through the
// API from one address): per address, per link across addresses, guessing through the entry page, IPv6
// clients limited per /64, Retry-After readable by the widget, and the setting from the environment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientSubject } from '../../api/rate-limit.ts';
import { environmentSettings } from '../../api/server.ts';
import { harness, TENANT_ORIGIN } from './harness.ts';

const guest = (index: number) => JSON.stringify({ name: `Guest ${index}`, email: `g${index}@example.com` });

test('limits each client address on its own: one client at its limit leaves another unaffected', async (t) => {
  const h = await harness(t, { rateLimitPerMinute: 4 });
  const open = (address: string) =>
    h.send({ method: 'GET', path: `/v1/links/${h.known.linkTokens[1]}`, address });
  for (let i = 0; i < 4; i++) assert.equal((await open('198.51.100.1')).status, 200);
  const limited = await open('198.51.100.1');
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  assert.equal((await open('198.51.100.2')).status, 200);
});

test('limits submits per link across addresses (ten times the per-address limit)', async (t) => {
  const h = await harness(t, { rateLimitPerMinute: 2 });
  const statuses = [];
  for (let i = 0; i < 21; i++) {
    const answer = await h.send({
      method: 'POST',
      path: `/v1/links/${h.known.linkTokens[1]}/guests`,
      headers: { 'content-type': 'application/json' },
      body: guest(i),
      address: `203.0.113.${i + 1}`,
    });
    statuses.push(answer.status);
  }
  assert.deepEqual(statuses.slice(0, 18), Array(18).fill(201), 'two were redeemed by the harness already');
  assert.deepEqual(statuses.slice(18), [429, 429, 429]);
});

test('counts unknown tokens on the entry page against the guessing limit, as on the API', async (t) => {
  const h = await harness(t, { rateLimitPerMinute: 8 });
  const page = (token: string) => h.send({ method: 'GET', path: `/g/${token}`, address: '192.0.2.77' });
  const guesses = [];
  for (let i = 0; i < 3; i++) guesses.push((await page(`guess${i}`)).status);
  assert.deepEqual(guesses, [200, 200, 429], 'a quarter of the limit, through the page too');
  const api = await h.send({ method: 'GET', path: '/v1/links/guess-api', address: '192.0.2.77' });
  assert.equal(api.status, 429, 'guesses through the page and the API share one allowance');
  assert.equal((await page(h.known.linkTokens[1])).status, 200, 'a real link still opens');
});

test('limits an IPv6 client per /64, so rotating addresses within its prefix gains nothing', async (t) => {
  assert.equal(clientSubject('2001:db8:1:2:aaaa::1'), clientSubject('2001:0db8:0001:0002:ffff:1:2:3'));
  assert.notEqual(clientSubject('2001:db8:1:2::1'), clientSubject('2001:db8:1:3::1'));
  assert.equal(clientSubject('::ffff:192.0.2.1'), '192.0.2.1', 'IPv4-mapped addresses are IPv4 clients');
  assert.equal(clientSubject('fe80::1%eth0'), clientSubject('fe80::2'));

  const h = await harness(t, { rateLimitPerMinute: 3 });
  const statuses = [];
  for (let i = 1; i <= 4; i++) {
    const address = `2001:db8:5:6:${i.toString(16)}::${i}`;
    statuses.push(
      (await h.send({ method: 'GET', path: `/v1/links/${h.known.linkTokens[1]}`, address })).status,
    );
  }
  assert.deepEqual(statuses, [200, 200, 200, 429]);
});

test('lets the tenant’s pages read Retry-After through CORS', async (t) => {
  const h = await harness(t, { rateLimitPerMinute: 1 });
  const open = () =>
    h.send({ method: 'GET', path: `/v1/links/${h.known.linkTokens[1]}`, headers: { origin: TENANT_ORIGIN } });
  await open();
  const limited = await open();
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('access-control-allow-origin'), TENANT_ORIGIN);
  assert.match(limited.headers.get('access-control-expose-headers') ?? '', /Retry-After/i);
});

test('takes the limit from GUEST_ACCESS_RATE_LIMIT: 0 turns it off, anything but a whole number stops the start', async (t) => {
  assert.equal(environmentSettings({}).rateLimitPerMinute, 120);
  assert.equal(environmentSettings({ GUEST_ACCESS_RATE_LIMIT: '30' }).rateLimitPerMinute, 30);
  for (const wrong of ['-1', '1.5', 'lots']) {
    assert.throws(() => environmentSettings({ GUEST_ACCESS_RATE_LIMIT: wrong }), /GUEST_ACCESS_RATE_LIMIT/);
  }
  const h = await harness(t, { rateLimitPerMinute: 0 });
  for (let i = 0; i < 200; i++) {
    const answer = await h.send({ method: 'GET', path: `/v1/links/unknown-${i}` });
    assert.equal(answer.status, 410, `request ${i} is not limited`);
  }
});
