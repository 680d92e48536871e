// Link tokens as mail clients and linkifiers mangle them: every string in the token position answers 410
// link_unavailable (never 400), a real token with trailing punctuation or whitespace still opens its link,
// the entry page does the same, and guesses still count against the guessing limit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness } from './harness.ts';

const mangled = (token: string) => [
  `${token}.`,
  `${token}=`,
  `${token}%20`,
  `${token}).`,
  `${token}%3E`,
  `${token}%0A`,
  `${token},%20`,
];

const guest = JSON.stringify({ name: 'Grace', email: 'grace@example.com' });

test('answers 410 link_unavailable for any string in the token position, and opens a known token with trailing punctuation', async (t) => {
  const h = await harness(t);
  const open = h.known.linkTokens[1] as string;
  const unknown = 'x8Qm1Yb2zkPp0aR7wT5uLc3nVd6sHe9jKf4gNiAo1Bq';
  const strings = [
    ...mangled(unknown),
    'a b',
    '%E2%80%AEevil',
    'token%2Fwith%2Fslashes',
    '%FF%FE',
    '%',
    'x'.repeat(500),
    `.${open}`,
    `${open.slice(0, -1)}.`,
    encodeURIComponent('ünïcödé'),
  ];
  for (const token of strings) {
    const page = await h.send({ method: 'GET', path: `/v1/links/${token}` });
    assert.deepEqual(
      [page.status, (page.json as { error: { code: string } }).error.code],
      [410, 'link_unavailable'],
      token,
    );
    const submit = await h.send({
      method: 'POST',
      path: `/v1/links/${token}/guests`,
      headers: { 'content-type': 'application/json' },
      body: guest,
    });
    assert.deepEqual(
      [submit.status, (submit.json as { error: { code: string } }).error.code],
      [410, 'link_unavailable'],
      token,
    );
  }
  for (const token of mangled(open)) {
    const page = await h.send({ method: 'GET', path: `/v1/links/${token}` });
    assert.equal(page.status, 200, token);
    const submit = await h.send({
      method: 'POST',
      path: `/v1/links/${token}/guests`,
      headers: { 'content-type': 'application/json', 'idempotency-key': `k-${token}` },
      body: guest,
    });
    assert.equal(submit.status, 201, token);
    const entry = await h.send({ method: 'GET', path: `/g/${token}` });
    assert.equal(entry.status, 200, token);
    assert.match(entry.text, /<title>Room one<\/title>/, `the entry page names the room for ${token}`);
    assert.ok(entry.text.includes(`token="${open}"`), 'the element gets the token without the mangling');
  }
});

test('shows the neutral entry page for a mangled unknown token, and counts mangled guesses against the guessing limit', async (t) => {
  const h = await harness(t, { rateLimitPerMinute: 8 });
  const address = '192.0.2.99';
  const entry = await h.send({ method: 'GET', path: '/g/nothing-real.', address });
  assert.equal(entry.status, 200);
  assert.match(entry.text, /<title>Guest access<\/title>/);
  const statuses = [];
  for (const token of ['guess.', 'guess%20']) {
    statuses.push((await h.send({ method: 'GET', path: `/v1/links/${token}`, address })).status);
  }
  assert.deepEqual(statuses, [410, 429], 'a quarter of the limit, the entry page included');
});
