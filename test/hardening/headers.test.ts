// Headers and CORS beyond test/api/http.test.ts and test/pages/entry-page.test.ts: security headers on
// every kind of answer, a CSP on every HTML answer that no tenant setting can loosen, CORS only for the
// origins of the tenant a response concerns, and a cut-off body that is not mistaken for a bug.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import { environmentSettings } from '../../api/server.ts';
import { freshApi } from '../api/helpers.ts';
import { type Harness, harness, TENANT_ORIGIN } from './harness.ts';

/** One request of each kind of answer: success, each refusal, HTML, script, CSS, stream, preflight. */
function everyKindOfAnswer(h: Harness) {
  const { known } = h;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const json = { 'content-type': 'application/json' };
  return [
    { method: 'GET', path: '/healthz' },
    { method: 'GET', path: '/v1/openapi.json' },
    { method: 'GET', path: `/g/${known.linkTokens[1]}` },
    { method: 'GET', path: '/g/unknown' },
    { method: 'GET', path: '/assets/guest-entry-page.css' },
    { method: 'GET', path: '/assets/guest-access.js' },
    { method: 'GET', path: `/v1/links/${known.linkTokens[1]}` },
    { method: 'GET', path: '/v1/links/unknown' },
    { method: 'GET', path: '/v1/rooms/r1/guest-access', headers: bearer(known.hostToken) },
    { method: 'GET', path: '/v1/rooms/r1/events', headers: bearer(known.hostToken) },
    { method: 'GET', path: '/v1/guest/events', headers: bearer(known.guestSessions[1] as string) },
    { method: 'GET', path: '/v1/rooms/r1/guest-access' },
    { method: 'GET', path: '/v1/rooms/r1/guests', headers: bearer(known.manageOnlyToken) },
    { method: 'GET', path: '/nowhere' },
    {
      method: 'POST',
      path: '/v1/rooms/r1/links',
      headers: { ...bearer(known.hostToken), ...json },
      body: '{',
    },
    {
      method: 'POST',
      path: '/v1/links/x/guests',
      headers: json,
      body: JSON.stringify({ name: 'x'.repeat(20_000) }),
    },
    { method: 'DELETE', path: '/v1/guest/session', headers: bearer(known.guestSessions[0] as string) },
    {
      method: 'OPTIONS',
      path: '/v1/rooms/r1/links',
      headers: { origin: TENANT_ORIGIN, 'access-control-request-method': 'POST' },
    },
  ];
}

test('sends the security headers and a request id on every kind of answer, in-process and over HTTP, and a strict CSP on HTML', async (t) => {
  const h = await harness(t);
  const transports = { 'in-process': h.send, 'over HTTP': h.sendOverHttp };
  for (const [transport, send] of Object.entries(transports))
    for (const request of everyKindOfAnswer(h)) {
      const answer = await send(request);
      const what = `${transport}: ${request.method} ${request.path} → ${answer.status}`;
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', what);
      assert.equal(answer.headers.get('referrer-policy'), 'no-referrer', what);
      assert.equal(answer.headers.get('x-frame-options'), 'SAMEORIGIN', what);
      assert.equal(answer.headers.get('cross-origin-resource-policy'), 'cross-origin', what);
      assert.match(answer.headers.get('strict-transport-security') ?? '', /^max-age=\d+/, what);
      assert.match(answer.headers.get('x-request-id') ?? '', /^[\w-]{8,}$/, what);
      assert.ok(answer.status < 500, what);
      // Room and guest answers carry link URLs, emails and session tokens (preflights never reach them).
      if (/^\/v1\/(rooms|guest)\//.test(request.path) && request.method !== 'OPTIONS')
        assert.equal(answer.headers.get('cache-control'), 'no-store', what);
      if (answer.headers.get('content-type')?.startsWith('text/html')) {
        const csp = answer.headers.get('content-security-policy') ?? '';
        assert.match(csp, /script-src 'self'(;|$)/, what);
        assert.match(csp, /frame-ancestors 'none'/, what);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, what);
      }
    }
});

test('tells a proxy in front not to buffer either event stream', async (t) => {
  const h = await harness(t);
  const streams = everyKindOfAnswer(h).filter((request) => request.path.endsWith('/events'));
  assert.equal(streams.length, 2);
  for (const request of streams) {
    const answer = await h.send(request);
    assert.equal(answer.status, 200, request.path);
    assert.equal(answer.headers.get('x-accel-buffering'), 'no', request.path);
  }
});

test('names the answering instance only when the operator sets GUEST_ACCESS_INSTANCE', async (t) => {
  const unnamed = await harness(t);
  for (const request of everyKindOfAnswer(unnamed)) {
    assert.equal((await unnamed.send(request)).headers.get('guest-access-instance'), null, request.path);
  }
  const named = await harness(t, { instanceName: 'api-2' });
  for (const request of everyKindOfAnswer(named)) {
    assert.equal((await named.send(request)).headers.get('guest-access-instance'), 'api-2', request.path);
  }
  assert.equal(environmentSettings({ GUEST_ACCESS_INSTANCE: 'eu-west.3' }).instanceName, 'eu-west.3');
  assert.equal(environmentSettings({}).instanceName, undefined);
  for (const wrong of ['two words', 'x'.repeat(65), 'a\r\nSet-Cookie: x=1']) {
    assert.throws(() => environmentSettings({ GUEST_ACCESS_INSTANCE: wrong }), /GUEST_ACCESS_INSTANCE/);
  }
});

test('keeps the entry page’s CSP intact whatever logo URL the tenant sets', async (t) => {
  const h = await harness(t);
  const admin = { authorization: `Bearer ${h.known.apiKey}`, 'content-type': 'application/json' };
  for (const logoUrl of [
    'https://cdn.example;sandbox/logo.png',
    "https://cdn.example'unsafe-inline'/logo.png",
    'https://a,b.example/logo.png',
  ]) {
    const patch = await h.send({
      method: 'PATCH',
      path: '/v1/admin/tenant',
      headers: admin,
      body: JSON.stringify({ branding: { logoUrl } }),
    });
    assert.ok(patch.status === 200 || patch.status === 400, `${logoUrl}: ${patch.status}`);
    const page = await h.send({ method: 'GET', path: `/g/${h.known.linkTokens[1]}` });
    const csp = page.headers.get('content-security-policy') ?? '';
    const directives = csp.split(';').map((directive) => directive.trim().split(/\s+/)[0]);
    assert.deepEqual(
      directives,
      [
        'default-src',
        'script-src',
        'style-src',
        'connect-src',
        'img-src',
        'base-uri',
        'form-action',
        'frame-ancestors',
      ],
      `${logoUrl} → ${csp}`,
    );
    assert.doesNotMatch(csp, /unsafe|,/, `${logoUrl} → ${csp}`);
  }
});

test('shares a response only with the origins of the tenant it concerns', async (t) => {
  const h = await harness(t);
  const otherOrigin = 'https://other.example';
  const cases: Array<[string, { path: string; headers?: Record<string, string> }, string, boolean]> = [
    [
      'host route, own origin',
      { path: '/v1/rooms/r1/guest-access', headers: { authorization: `Bearer ${h.known.hostToken}` } },
      TENANT_ORIGIN,
      true,
    ],
    [
      'host route, another tenant’s origin',
      { path: '/v1/rooms/r1/guest-access', headers: { authorization: `Bearer ${h.known.hostToken}` } },
      otherOrigin,
      false,
    ],
    [
      'admin route, another tenant’s origin',
      { path: '/v1/admin/tenant', headers: { authorization: `Bearer ${h.known.apiKey}` } },
      otherOrigin,
      false,
    ],
    [
      'link page, another tenant’s origin',
      { path: `/v1/links/${h.known.linkTokens[1]}` },
      otherOrigin,
      false,
    ],
    [
      'guest session, another tenant’s origin',
      { path: '/v1/guest/session', headers: { authorization: `Bearer ${h.known.guestSessions[1]}` } },
      otherOrigin,
      false,
    ],
    [
      'guest session, own origin',
      { path: '/v1/guest/session', headers: { authorization: `Bearer ${h.known.guestSessions[1]}` } },
      TENANT_ORIGIN,
      true,
    ],
    [
      'the origin with a trailing slash',
      { path: `/v1/links/${h.known.linkTokens[1]}` },
      `${TENANT_ORIGIN}/`,
      false,
    ],
    [
      'the origin on another port',
      { path: `/v1/links/${h.known.linkTokens[1]}` },
      `${TENANT_ORIGIN}:8443`,
      false,
    ],
    [
      'the origin over http',
      { path: `/v1/links/${h.known.linkTokens[1]}` },
      TENANT_ORIGIN.replace('https', 'http'),
      false,
    ],
    ['an opaque origin', { path: `/v1/links/${h.known.linkTokens[1]}` }, 'null', false],
  ];
  for (const [why, request, origin, allowed] of cases) {
    const answer = await h.send({ method: 'GET', ...request, headers: { ...request.headers, origin } });
    assert.equal(answer.headers.get('access-control-allow-origin'), allowed ? origin : null, why);
    assert.equal(
      answer.headers.get('access-control-allow-credentials'),
      null,
      `${why}: bearer tokens, no cookies`,
    );
  }
  for (const origin of ['null', 'https://evil.example', `${TENANT_ORIGIN}.evil.example`]) {
    const preflight = await h.send({
      method: 'OPTIONS',
      path: '/v1/links/x/guests',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null, `preflight from ${origin}`);
    assert.equal(preflight.headers.get('access-control-allow-methods'), null, `preflight from ${origin}`);
  }
});

test('answers a request whose body is cut off mid-stream without logging it as a server error', async (t) => {
  const api = await freshApi(t);
  const logged = t.mock.method(console, 'error', () => {});
  const url = new URL(api.url);
  // A chunked body with a broken chunk: Node's parser answers 400 and aborts the body the app is reading.
  await new Promise<void>((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () =>
      socket.end(
        'POST /v1/links/abc/guests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
          'Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n',
      ),
    );
    socket.on('data', () => {});
    socket.on('close', () => resolve());
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(logged.mock.callCount(), 0, String(logged.mock.calls[0]?.arguments[0]));
  assert.equal((await api.request({ path: '/healthz' })).status, 200);
});
