// The HTTP surface in-process through app.request(): error shape and codes, limits, rate limits, CORS,
// security headers, OpenAPI and health.
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { createApp } from '../../api/app.ts';
import { createTenant } from '../../api/auth.ts';
import { createDeps } from '../../api/context.ts';
import { openStore } from '../../api/server.ts';
import { hostToken, movableClock } from '../support/api-fixture.ts';
import { atTestEnd } from '../support/cleanup.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { errorCode } from './helpers.ts';

const ORIGIN = 'https://media.example';

async function inProcess(t: TestContext, rateLimitPerMinute = 0) {
  const database = await createTestDatabase();
  atTestEnd(t, database.remove);
  const store = await openStore(database.location);
  atTestEnd(t, () => store.close());
  const clock = movableClock();
  const deps = createDeps({
    store,
    clock,
    config: { serverSecret: Buffer.alloc(32, 7), rateLimitPerMinute },
  });
  const app = createApp(deps);
  const tenant = await createTenant(
    deps.store,
    deps.config.serverSecret,
    { name: 'T', allowedOrigins: [ORIGIN] },
    clock.now(),
  );
  const token = await hostToken({
    tenantId: tenant.tenant.id,
    signingSecret: tenant.signingSecret,
    room: 'r1',
    now: clock.now(),
  });
  const send = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await app.request(path, {
      method,
      headers,
      body:
        typeof options.body === 'string' || options.body === undefined
          ? options.body
          : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
  await send('PUT', '/v1/admin/rooms/r1', { token: tenant.apiKey, body: { title: 'Room one' } });
  await send('PATCH', '/v1/rooms/r1/guest-access', { token, body: { enabled: true } });
  const link = (await send('POST', '/v1/rooms/r1/links', { token, body: { name: 'a' } })).body as {
    url: string;
  };
  return { app, send, token, apiKey: tenant.apiKey, linkToken: link.url.split('/').pop() as string, clock };
}

test('answers every error with {error:{code,message}} and its status', async (t) => {
  const { send, token, apiKey, linkToken } = await inProcess(t);
  const cases: Array<[string, Promise<{ status: number; body: unknown }>, number, string]> = [
    [
      'validation',
      send('POST', '/v1/rooms/r1/links', { token, body: { name: 42 } }),
      400,
      'validation_failed',
    ],
    [
      'malformed JSON',
      send('POST', '/v1/rooms/r1/links', { token, body: '{"name":' }),
      400,
      'validation_failed',
    ],
    ['no token', send('GET', '/v1/rooms/r1/guest-access'), 401, 'unauthorized'],
    ['other room', send('GET', '/v1/rooms/r2/guest-access', { token }), 403, 'forbidden'],
    ['unknown route', send('GET', '/v1/nothing-here'), 404, 'not_found'],
    ['unknown guest', send('POST', '/v1/rooms/r1/guests/nobody/admit', { token }), 404, 'not_found'],
    ['unknown room', send('DELETE', '/v1/admin/rooms/nope', { token: apiKey }), 404, 'room_not_found'],
    [
      'too large',
      send('POST', `/v1/links/${linkToken}/guests`, { body: { name: 'x'.repeat(17_000) } }),
      413,
      'payload_too_large',
    ],
    ['bad query', send('GET', '/v1/rooms/r1/guests?status=asleep', { token }), 400, 'validation_failed'],
    [
      'bad room id',
      send('PUT', '/v1/admin/rooms/has%20space', { token: apiKey, body: { title: 'x' } }),
      400,
      'validation_failed',
    ],
    [
      'bad schedule',
      send('PUT', '/v1/admin/rooms/r3', {
        token: apiKey,
        body: { title: 'x', startsAt: '2026-01-02T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' },
      }),
      400,
      'validation_failed',
    ],
    [
      'bad time zone',
      send('PUT', '/v1/admin/rooms/r3', { token: apiKey, body: { title: 'x', timeZone: 'Mars/Base' } }),
      400,
      'validation_failed',
    ],
    [
      'bad origin',
      send('PATCH', '/v1/admin/tenant', { token: apiKey, body: { allowedOrigins: ['javascript:1'] } }),
      400,
      'validation_failed',
    ],
  ];
  for (const [why, answer, status, code] of cases) {
    const { status: actual, body } = await answer;
    assert.deepEqual([actual, errorCode(body)], [status, code], why);
    assert.equal(typeof (body as { error: { message: string } }).error.message, 'string');
  }
  const malformed = await send('POST', '/v1/rooms/r1/links', { token, body: '{"name":' });
  assert.match(
    (malformed.body as { error: { message: string } }).error.message,
    /^The body is not valid JSON/,
  );
});

test('refuses a known path asked with the wrong method 405 with Allow, changing nothing', async (t) => {
  const { send, token, apiKey } = await inProcess(t);
  const cases: Array<[string, string, string]> = [
    ['DELETE', '/v1/rooms/r1/guest-access', 'GET, HEAD, PATCH'],
    ['GET', '/v1/rooms/r1/guests/g1/admit', 'POST'],
    ['PUT', '/v1/rooms/r1/links', 'POST'],
    ['POST', '/healthz', 'GET, HEAD'],
  ];
  for (const [method, path, allow] of cases) {
    const body = method === 'GET' ? undefined : { enabled: false };
    const answer = await send(method, path, { token, body });
    assert.deepEqual(
      [answer.status, errorCode(answer.body)],
      [405, 'method_not_allowed'],
      `${method} ${path}`,
    );
    assert.equal(answer.headers.get('allow'), allow, `${method} ${path}`);
    assert.match((answer.body as { error: { message: string } }).error.message, new RegExp(`^${method} `));
  }
  const head = await send('HEAD', '/v1/rooms/r1/links/l1/rotate', { token });
  assert.deepEqual([head.status, head.headers.get('allow')], [405, 'POST']);
  assert.equal(
    (await send('DELETE', '/v1/admin/tenant', { token: apiKey })).headers.get('allow'),
    'GET, HEAD, PATCH',
  );
  assert.equal((await send('GET', '/v1/rooms/r1/guest-access', { token })).body.enabled, true, 'still on');
  assert.equal((await send('POST', '/v1/nothing-here')).status, 404, 'an unknown path stays 404');
  const asset = await send('GET', '/assets/nothing-here.js');
  assert.deepEqual([asset.status, asset.headers.get('allow')], [404, null], 'a route that found nothing');
});

test('refuses a second decision that contradicts the first (guest_already_decided)', async (t) => {
  const { send, token, linkToken } = await inProcess(t);
  const guest = (
    await send('POST', `/v1/links/${linkToken}/guests`, { body: { name: 'A', email: 'a@example.com' } })
  ).body as { guest: { id: string } };
  assert.equal((await send('POST', `/v1/rooms/r1/guests/${guest.guest.id}/deny`, { token })).status, 200);
  assert.equal((await send('POST', `/v1/rooms/r1/guests/${guest.guest.id}/deny`, { token })).status, 200);
  const admit = await send('POST', `/v1/rooms/r1/guests/${guest.guest.id}/admit`, { token });
  assert.deepEqual([admit.status, errorCode(admit.body)], [409, 'guest_already_decided']);
});

test('rate-limits link pages and submits per client address with 429 and Retry-After', async (t) => {
  const { send, linkToken, clock } = await inProcess(t, 5);
  for (let i = 0; i < 5; i++) assert.equal((await send('GET', `/v1/links/${linkToken}`)).status, 200);
  const limited = await send('GET', `/v1/links/${linkToken}`);
  assert.deepEqual([limited.status, errorCode(limited.body)], [429, 'rate_limited']);
  assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  const submit = await send('POST', `/v1/links/${linkToken}/guests`, {
    body: { name: 'A', email: 'a@example.com' },
  });
  assert.equal(submit.status, 429);
  clock.advance(60_000);
  assert.equal((await send('GET', `/v1/links/${linkToken}`)).status, 200, 'a new minute, a new allowance');
});

test('rate-limits guessing unknown tokens more tightly', async (t) => {
  const { send, linkToken } = await inProcess(t, 8);
  const guesses = [];
  for (let i = 0; i < 3; i++) guesses.push((await send('GET', `/v1/links/guess${i}`)).status);
  assert.deepEqual(guesses, [410, 410, 429]);
  assert.equal((await send('GET', `/v1/links/${linkToken}`)).status, 200, 'real links still open');
});

test('shares responses only with the tenant’s allowed origins, preflight included', async (t) => {
  const { send, token, linkToken } = await inProcess(t);
  const preflight = (origin: string) =>
    send('OPTIONS', '/v1/rooms/r1/links', {
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
  const allowed = await preflight(ORIGIN);
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get('access-control-allow-origin'), ORIGIN);
  assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
  assert.equal((await preflight('https://evil.example')).headers.get('access-control-allow-origin'), null);

  const hostCall = await send('GET', '/v1/rooms/r1/guest-access', { token, headers: { origin: ORIGIN } });
  assert.equal(hostCall.headers.get('access-control-allow-origin'), ORIGIN);
  const evil = await send('GET', '/v1/rooms/r1/guest-access', {
    token,
    headers: { origin: 'https://evil.example' },
  });
  assert.equal(evil.headers.get('access-control-allow-origin'), null);
  const page = await send('GET', `/v1/links/${linkToken}`, { headers: { origin: ORIGIN } });
  assert.equal(page.headers.get('access-control-allow-origin'), ORIGIN);
});

test('sends security headers on every response', async (t) => {
  const { send } = await inProcess(t);
  for (const path of ['/healthz', '/v1/nothing', '/v1/openapi.json']) {
    const answer = await send('GET', path);
    assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(answer.headers.get('referrer-policy'), 'no-referrer', path);
  }
});

test('serves health and an OpenAPI document generated from the schemas', async (t) => {
  const { send } = await inProcess(t);
  assert.deepEqual((await send('GET', '/healthz')).body, { ok: true });
  const document = (await send('GET', '/v1/openapi.json')).body as {
    openapi: string;
    paths: Record<
      string,
      Record<
        string,
        { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }
      >
    >;
  };
  assert.match(document.openapi, /^3\./);
  const linkBody =
    document.paths['/v1/rooms/{roomId}/links']?.post?.requestBody?.content['application/json']?.schema;
  assert.deepEqual(Object.keys(linkBody?.properties ?? {}).sort(), [
    'admission',
    'durationDays',
    'expiresAt',
    'maxUses',
    'name',
  ]);
  for (const path of ['/v1/links/{token}/guests', '/v1/guest/session', '/v1/admin/rooms/{roomId}']) {
    assert.ok(document.paths[path], path);
  }
});
