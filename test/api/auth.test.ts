// Host tokens, API keys and guest sessions: everything that must be refused is refused (401/403).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { sign } from 'hono/jwt';
import { errorCode, host, type Room, roomWith } from './helpers.ts';

/** Claims a host token needs, valid for ten minutes from the test clock's now (in seconds). */
function validClaims(room: Room) {
  const now = Math.floor(room.api.clock.now() / 1000);
  return {
    now,
    claims: {
      iss: room.tenantId,
      sub: 'u',
      room: room.roomId,
      perms: ['guest-access:manage'],
      exp: now + 600,
    },
  };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

test('refuses host tokens that are unsigned, differently signed, expired, too long-lived or from a stranger', async (t) => {
  const room = await roomWith(t);
  const { now, claims } = validClaims(room);
  const { exp: _exp, ...withoutExp } = claims;
  const refused: Record<string, string> = {
    'alg none': `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
    'HS512 with the right secret': await sign(claims, room.signingSecret, 'HS512'),
    'a wrong secret': await sign(claims, 'not-the-secret', 'HS256'),
    'no exp': await sign(withoutExp, room.signingSecret, 'HS256'),
    'a past exp': await sign({ ...claims, exp: now - 1 }, room.signingSecret, 'HS256'),
    'an exp beyond 24 h': await sign({ ...claims, exp: now + 25 * 3600 }, room.signingSecret, 'HS256'),
    'an unknown issuer': await sign({ ...claims, iss: 'nobody' }, room.signingSecret, 'HS256'),
    'a string exp': await sign(
      { ...withoutExp, exp: `${now + 600}` } as unknown as typeof claims,
      room.signingSecret,
      'HS256',
    ),
    garbage: 'not.a.token',
    'no room claim': await sign({ ...claims, room: undefined }, room.signingSecret, 'HS256'),
  };
  for (const [why, token] of Object.entries(refused)) {
    const answer = await host(room, 'GET', '/guest-access', undefined, token);
    assert.deepEqual([answer.status, errorCode(answer.body)], [401, 'unauthorized'], why);
  }
  const missing = await room.api.request({ path: `/v1/rooms/${room.roomId}/guest-access` });
  assert.equal(missing.status, 401);
});

test('refuses a token for another room with 403, and another tenant’s secret or rooms', async (t) => {
  const room = await roomWith(t);
  const other = await roomWith(t, {}, room.api);
  const { claims } = validClaims(room);
  const forOtherRoom = await sign({ ...claims, room: 'room-b' }, room.signingSecret, 'HS256');
  const wrongRoom = await host(room, 'GET', '/guest-access', undefined, forOtherRoom);
  assert.deepEqual([wrongRoom.status, errorCode(wrongRoom.body)], [403, 'forbidden']);

  const signedByOther = await sign(claims, other.signingSecret, 'HS256');
  assert.equal((await host(room, 'GET', '/guest-access', undefined, signedByOther)).status, 401);
  const otherTenantOwnToken = await sign({ ...claims, iss: other.tenantId }, other.signingSecret, 'HS256');
  const crossTenant = await host(room, 'GET', '/guest-access', undefined, otherTenantOwnToken);
  assert.deepEqual([crossTenant.status, errorCode(crossTenant.body)], [404, 'room_not_found']);
  // The integrator's likely mistake is a room never registered: the refusal says how to register one.
  assert.match(
    (crossTenant.body as { error: { message: string } }).error.message,
    /never registered \(PUT \/v1\/admin\/rooms\/\{roomId\}, or `guest-access room put`\)/,
  );
});

test('keeps the previous signing secret valid through one rotation, not two', async (t) => {
  const room = await roomWith(t);
  const rotate = async () =>
    (
      (
        await room.api.request({
          method: 'POST',
          path: '/v1/admin/tenant/signing-secrets',
          token: room.apiKey,
        })
      ).body as { signingSecret: string }
    ).signingSecret;
  const claims = { ...validClaims(room).claims, perms: ['guests:admit'] };
  const original = await sign(claims, room.signingSecret, 'HS256');
  const second = await rotate();
  assert.equal((await host(room, 'GET', '/guest-access', undefined, original)).status, 200);
  assert.equal(
    (await host(room, 'GET', '/guest-access', undefined, await sign(claims, second, 'HS256'))).status,
    200,
  );
  await rotate();
  assert.equal((await host(room, 'GET', '/guest-access', undefined, original)).status, 401);
  assert.equal(
    (await host(room, 'GET', '/guest-access', undefined, await sign(claims, second, 'HS256'))).status,
    200,
  );
});

test('refuses admin routes without the tenant’s API key', async (t) => {
  const room = await roomWith(t);
  for (const token of [undefined, 'gak_wrong', room.hostToken]) {
    const answer = await room.api.request({ path: '/v1/admin/tenant', token });
    assert.deepEqual([answer.status, errorCode(answer.body)], [401, 'unauthorized']);
  }
  const own = await room.api.request({ path: '/v1/admin/tenant', token: room.apiKey });
  assert.equal((own.body as { id: string }).id, room.tenantId);
});

test('says so when the tenant’s other credential is sent where a host token or the API key belongs', async (t) => {
  const room = await roomWith(t);
  const message = (body: unknown) => (body as { error: { message: string } }).error.message;
  const apiKeyAsHost = await host(room, 'GET', '/guest-access', undefined, room.apiKey);
  assert.equal(apiKeyAsHost.status, 401);
  assert.match(
    message(apiKeyAsHost.body),
    /^This is the tenant’s API key, which only \/v1\/admin routes take/,
  );
  const secretAsHost = await host(room, 'GET', '/guest-access', undefined, room.signingSecret);
  assert.match(message(secretAsHost.body), /^This is the tenant’s signing secret: sign a host token/);
  const hostAsAdmin = await room.api.request({ path: '/v1/admin/tenant', token: room.hostToken });
  assert.equal(hostAsAdmin.status, 401);
  assert.match(
    message(hostAsAdmin.body),
    /^This is a host token; \/v1\/admin routes take the tenant’s API key/,
  );
  // Anything else keeps the plain refusal.
  const other = await host(room, 'GET', '/guest-access', undefined, 'not-a-token');
  assert.equal(message(other.body), 'The host token is malformed.');
  const wrongKey = await room.api.request({ path: '/v1/admin/tenant', token: 'gak_wrong' });
  assert.equal(message(wrongKey.body), 'The API key is not valid.');
});

test('refuses unknown guest sessions', async (t) => {
  const room = await roomWith(t);
  for (const path of ['/v1/guest/session', '/v1/guest/events']) {
    const answer = await room.api.request({ path, token: 'x'.repeat(43) });
    assert.deepEqual([answer.status, errorCode(answer.body)], [401, 'unauthorized']);
  }
});

/** A raw request with each header as given, repeated ones included (fetch would join them itself). */
function rawRequest(base: string, method: string, path: string, headers: string[], body = '') {
  return new Promise<{ status: number; body: { error?: { message: string; fields?: object } } }>(
    (resolve, reject) => {
      const url = new URL(path, base);
      const all = ['host', url.host, ...headers]; // Node adds no Host to headers given as a list
      const sent = request(url, { method, headers: all }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      });
      sent.on('error', reject);
      sent.end(body);
    },
  );
}

test('says to send one Authorization or Idempotency-Key header when either comes twice or not at all', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Press' }] });
  const path = `/v1/rooms/${room.roomId}/guest-access`;
  const twice = await rawRequest(room.api.url, 'GET', path, [
    'authorization',
    `Bearer ${room.hostToken}`,
    'authorization',
    `Bearer ${room.hostToken}`,
  ]);
  assert.equal(twice.status, 401);
  assert.equal(twice.body.error?.message, 'Send one Authorization header, of the form Bearer <token>.');
  const none = await rawRequest(room.api.url, 'GET', path, []);
  assert.equal(none.body.error?.message, 'Send the token in an Authorization header: Bearer <token>.');

  const body = JSON.stringify({ name: 'Grace', email: 'grace@example.com' });
  const keys = await rawRequest(
    room.api.url,
    'POST',
    `/v1/links/${room.tokens[0]}/guests`,
    ['content-type', 'application/json', 'idempotency-key', 'k1', 'idempotency-key', 'k2'],
    body,
  );
  assert.equal(keys.status, 400);
  assert.deepEqual(keys.body.error?.fields, {
    'idempotency-key': 'Send one Idempotency-Key header, of printable ASCII without spaces.',
  });
});

test('refuses host tokens whose iss, sub or room carry a NUL or other control character', async (t) => {
  // On PostgreSQL an unsigned token with a NUL in iss was a 500 (the tenant is looked up before the
  // signature is checked), and a signed one with a NUL in sub a 500 on every write that records the host.
  const room = await roomWith(t);
  const { claims } = validClaims(room);
  const unsigned = (payload: object) => `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}.x`;
  const refused = {
    'NUL in iss, unsigned': unsigned({ ...claims, iss: `${room.tenantId}\u0000` }),
    'NUL in sub': await sign({ ...claims, sub: 'a\u0000b' }, room.signingSecret, 'HS256'),
    'tab in sub': await sign({ ...claims, sub: 'a\tb' }, room.signingSecret, 'HS256'),
    'lone surrogate in sub': await sign({ ...claims, sub: '\uD800' }, room.signingSecret, 'HS256'),
    'NUL in room': await sign({ ...claims, room: `${room.roomId}\u0000` }, room.signingSecret, 'HS256'),
    'a 10,000-character sub': await sign({ ...claims, sub: 'u'.repeat(10_000) }, room.signingSecret, 'HS256'),
  };
  for (const [why, token] of Object.entries(refused)) {
    const answer = await host(room, 'POST', '/links', { name: 'Press' }, token);
    assert.equal(answer.status, 401, `${why}: ${JSON.stringify(answer.body)}`);
    assert.match(
      (answer.body as { error: { message: string } }).error.message,
      /needs iss, sub and room \(text of at most 256 characters, no control characters\)/,
      why,
    );
  }
  const links = (await host(room, 'GET', '/guest-access')).body as { links: unknown[] };
  assert.deepEqual(links.links, [], 'no link was made');
});
