// Bearer tokens beyond test/api/auth.test.ts and rules 7 and 13 of test/api/rules.test.ts: tampered and
// near-miss tokens, permissions that only look granted, tenants that share a room id, each kind of bearer
// on the others' routes, and the edges of a host token's lifetime.
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { sign } from 'hono/jwt';
import { harness } from './harness.ts';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function setup(t: TestContext) {
  const h = await harness(t);
  const call = async (path: string, token: string) => {
    const answer = await h.send({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } });
    return [answer.status, (answer.json as { error?: { code: string } })?.error?.code ?? 'ok'];
  };
  const now = Math.floor(h.clock.now() / 1000);
  const claims = {
    iss: h.known.tenantId,
    sub: 'u',
    room: 'r1',
    perms: ['guest-access:manage'],
    exp: now + 600,
  };
  const signed = (payload: Record<string, unknown>, alg: 'HS256' | 'HS384' = 'HS256') =>
    sign(payload, h.known.signingSecret, alg);
  return { h, call, now, claims, signed };
}

test('refuses tampered host tokens: a changed claim, a grafted signature, a mangled header or segment count', async (t) => {
  const { h, call, claims, signed } = await setup(t);
  const good = await signed(claims);
  const [header, payload, signature] = good.split('.') as [string, string, string];
  const other = (await signed({ ...claims, room: 'r2' })).split('.');
  const refused: Record<string, string> = {
    'room changed, signature kept': `${header}.${base64url({ ...claims, room: 'r2' })}.${signature}`,
    'perms widened, signature kept': `${header}.${base64url({ ...claims, perms: ['guests:admit', 'guest-access:manage'] })}.${signature}`,
    'exp extended, signature kept': `${header}.${base64url({ ...claims, exp: claims.exp + 3600 })}.${signature}`,
    'signature of another token': `${header}.${payload}.${other[2]}`,
    'no signature': `${header}.${payload}.`,
    'signature in base64 with padding': `${header}.${payload}.${Buffer.from(signature, 'base64url').toString('base64')}`,
    'signature one character off': `${header}.${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
    'alg in lower case': `${base64url({ alg: 'hs256', typ: 'JWT' })}.${payload}.${signature}`,
    'alg None': `${base64url({ alg: 'None', typ: 'JWT' })}.${payload}.`,
    HS384: await signed(claims, 'HS384'),
    'four segments': `${good}.${signature}`,
    'two segments': `${header}.${payload}`,
    'the API key': h.known.apiKey,
    'a guest session': h.known.guestSessions[1] as string,
    'signed with the API key': await sign(claims, h.known.apiKey, 'HS256'),
  };
  for (const [why, token] of Object.entries(refused)) {
    assert.deepEqual(await call('/v1/rooms/r1/guest-access', token), [401, 'unauthorized'], why);
  }
  assert.deepEqual(await call('/v1/rooms/r1/guest-access', good), [200, 'ok'], 'the untampered token');
});

test('grants only permissions listed exactly, in an array', async (t) => {
  const { call, claims, signed } = await setup(t);
  for (const perms of [
    'guests:admit',
    { 0: 'guests:admit' },
    ['GUESTS:ADMIT'],
    ['guests:admit '],
    ['*'],
    null,
  ]) {
    const token = await signed({ ...claims, perms });
    assert.deepEqual(await call('/v1/rooms/r1/guests', token), [403, 'forbidden'], JSON.stringify(perms));
  }
  const admit = await signed({ ...claims, perms: ['guests:admit', 'unknown'] });
  assert.deepEqual(await call('/v1/rooms/r1/guests', admit), [200, 'ok']);
});

test('keeps tenants apart when they use the same room id', async (t) => {
  const { h } = await setup(t);
  // The harness registers "r1" for both tenants; the other tenant's own valid token sees only its own r1.
  const otherSecret = (
    (
      await h.send({
        method: 'POST',
        path: '/v1/admin/tenant/signing-secrets',
        headers: { authorization: `Bearer ${h.known.otherApiKey}` },
      })
    ).json as { signingSecret: string }
  ).signingSecret;
  const otherTenantId = (
    (
      await h.send({
        method: 'GET',
        path: '/v1/admin/tenant',
        headers: { authorization: `Bearer ${h.known.otherApiKey}` },
      })
    ).json as { id: string }
  ).id;
  const now = Math.floor(h.clock.now() / 1000);
  const otherToken = await sign(
    {
      iss: otherTenantId,
      sub: 'u',
      room: 'r1',
      perms: ['guest-access:manage', 'guests:admit'],
      exp: now + 600,
    },
    otherSecret,
    'HS256',
  );
  const view = await h.send({
    method: 'GET',
    path: '/v1/rooms/r1/guest-access',
    headers: { authorization: `Bearer ${otherToken}` },
  });
  assert.equal(view.status, 200);
  const body = view.json as { room: { title: string }; links: unknown[] };
  assert.equal(body.room.title, 'Other tenant’s room one');
  assert.deepEqual(body.links, [], 'none of the first tenant’s links');
  for (const guestId of h.known.guestIds) {
    const decide = await h.send({
      method: 'POST',
      path: `/v1/rooms/r1/guests/${guestId}/remove`,
      headers: { authorization: `Bearer ${otherToken}` },
    });
    assert.equal(decide.status, 404, 'the first tenant’s guests are out of reach');
  }
  const links = await h.send({
    method: 'DELETE',
    path: `/v1/rooms/r1/links/${h.known.linkIds[0]}`,
    headers: { authorization: `Bearer ${otherToken}` },
  });
  assert.equal(links.status, 404, 'the first tenant’s links are out of reach');
});

test('refuses host tokens and API keys on guest routes, and near misses of every secret', async (t) => {
  const { h, call } = await setup(t);
  const session = h.known.guestSessions[1] as string;
  const nearMisses = (secret: string) => [
    secret.slice(0, -1),
    `${secret}A`,
    `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`,
    secret.toUpperCase(),
  ];
  for (const token of [h.known.hostToken, h.known.apiKey, ...nearMisses(session)]) {
    assert.deepEqual(await call('/v1/guest/session', token), [401, 'unauthorized'], token);
  }
  for (const token of nearMisses(h.known.apiKey)) {
    assert.deepEqual(await call('/v1/admin/tenant', token), [401, 'unauthorized'], token);
  }
  assert.deepEqual(await call('/v1/guest/session', session), [200, 'ok']);
});

test('accepts a host token up to the maximum lifetime and refuses it from the second it expires', async (t) => {
  const { h, call, now, claims, signed } = await setup(t);
  const max = h.deps.config.maxHostTokenTtlSeconds;
  assert.deepEqual(await call('/v1/rooms/r1/guest-access', await signed({ ...claims, exp: now + max })), [
    200,
    'ok',
  ]);
  for (const exp of [now + max + 2, now, now - 1, 1e308, -1, 0]) {
    assert.deepEqual(
      await call('/v1/rooms/r1/guest-access', await signed({ ...claims, exp })),
      [401, 'unauthorized'],
      `exp ${exp}`,
    );
  }
  const token = await signed({ ...claims, exp: now + 60 });
  assert.deepEqual(await call('/v1/rooms/r1/guest-access', token), [200, 'ok']);
  h.clock.advance(60_000);
  assert.deepEqual(
    await call('/v1/rooms/r1/guest-access', token),
    [401, 'unauthorized'],
    'expired on the dot',
  );
});

test('compares secrets in constant time: HMAC signatures with timingSafeEqual, keys and sessions by SHA-256 lookup', async () => {
  // Timing cannot be measured reliably in a test; this pins down the mechanisms that make it constant.
  const { readFile } = await import('node:fs/promises');
  const auth = await readFile(new URL('../../api/auth.ts', import.meta.url), 'utf8');
  assert.match(auth, /timingSafeEqual\(expected, signature\)/, 'host-token signatures');
  assert.match(auth, /byApiKeyHash\(lookupHash\(token\)\)/, 'API keys are found by their hash');
  assert.match(auth, /bySessionHash\(lookupHash\(token\)\)/, 'guest sessions are found by their hash');
  assert.doesNotMatch(
    auth,
    /(token|secret|signature|apiKey)\s*[!=]==?\s*\w/i,
    'no plain comparison of a secret',
  );
});

test('refuses host tokens not yet valid (nbf), issued in the future (iat), with non-numeric time claims or an empty sub; allows 60 s of skew', async (t) => {
  const { h, call, now, claims, signed } = await setup(t);
  // 61 s from the moment of signing, to the millisecond (NumericDate may have a fraction): a whole second
  // from the test's start would fall within the skew once the clock has crossed into the next second.
  const inSeconds = (seconds: number) => h.clock.now() / 1000 + seconds;
  const refused: Record<string, () => Record<string, unknown>> = {
    'nbf in 61 s': () => ({ ...claims, nbf: inSeconds(61) }),
    'nbf in an hour': () => ({ ...claims, nbf: now + 3600 }),
    'iat in 61 s': () => ({ ...claims, iat: inSeconds(61) }),
    'nbf as a string': () => ({ ...claims, nbf: String(now) }),
    'iat as a string': () => ({ ...claims, iat: String(now) }),
    'nbf null': () => ({ ...claims, nbf: null }),
    'iat as an object': () => ({ ...claims, iat: { t: now } }),
    'empty sub': () => ({ ...claims, sub: '' }),
    'blank sub': () => ({ ...claims, sub: '   ' }),
  };
  for (const [why, payload] of Object.entries(refused)) {
    assert.deepEqual(
      await call('/v1/rooms/r1/guest-access', await signed(payload())),
      [401, 'unauthorized'],
      why,
    );
  }
  const accepted: Record<string, Record<string, unknown>> = {
    'nbf and iat now': { ...claims, nbf: now, iat: now },
    'nbf and iat within the skew': { ...claims, nbf: now + 60, iat: now + 60 },
    'nbf and iat in the past': { ...claims, nbf: now - 600, iat: now - 600 },
  };
  for (const [why, payload] of Object.entries(accepted)) {
    assert.deepEqual(await call('/v1/rooms/r1/guest-access', await signed(payload)), [200, 'ok'], why);
  }
  // Judged by the server's (injected) clock: a token refused as early becomes valid once its nbf is near.
  const early = await signed({ ...claims, nbf: now + 300 });
  assert.deepEqual(await call('/v1/rooms/r1/guest-access', early), [401, 'unauthorized']);
  h.clock.advance(240_000);
  assert.deepEqual(await call('/v1/rooms/r1/guest-access', early), [200, 'ok']);
});
