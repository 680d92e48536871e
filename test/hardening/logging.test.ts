// Issue 14, item 9: structured logs. One JSON object per line; one line per request with its id (the
// client's X-Request-Id when plain, echoed), method, route pattern, status and duration; no link token,
// session token, API key or email ever written; a warning per CORS refusal and per 5xx; a start line with
// version, engine and origin; LOG_LEVEL.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { capturedLogger, logLinesOf } from '../support/logs.ts';
import { TEST_ENGINE } from '../support/test-database.ts';
import { startChildServer, testDatabase } from './child-server.ts';
import { harness, TENANT_ORIGIN } from './harness.ts';

test('structured logs: one JSON line per request with id, route pattern, status and duration, and no secret (item 9)', async (t) => {
  const { logger, lines, raw } = capturedLogger();
  const h = await harness(t, { logger });
  const token = h.known.linkTokens[1] as string;

  // A client's plain request id is kept and echoed; a hostile one is replaced.
  const kept = await h.send({
    method: 'GET',
    path: `/v1/links/${token}`,
    headers: { 'x-request-id': 'req-42.a:b' },
  });
  assert.equal(kept.status, 200);
  assert.equal(kept.headers.get('x-request-id'), 'req-42.a:b');
  const hostile = `"}{"level":"fatal"<script>${'x'.repeat(100)}`;
  const replaced = await h.send({ method: 'GET', path: `/g/${token}`, headers: { 'x-request-id': hostile } });
  assert.match(replaced.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);

  const redemption = await h.send({
    method: 'POST',
    path: `/v1/links/${token}/guests`,
    headers: { 'content-type': 'application/json', origin: TENANT_ORIGIN },
    body: JSON.stringify({ name: 'Lin', email: 'lin.secret@example.com' }),
  });
  assert.equal(redemption.status, 201);
  const session = (redemption.json as { session: string }).session;
  await h.send({ method: 'GET', path: '/v1/guest/session', headers: { authorization: `Bearer ${session}` } });

  // A CORS refusal names the origin and the tenant.
  await h.send({
    method: 'GET',
    path: '/v1/rooms/r1/guest-access',
    headers: { authorization: `Bearer ${h.known.hostToken}`, origin: 'https://stranger.example' },
  });
  // A 5xx (a bug) is a warning, with the error logged beside it.
  const byApiKeyHash = h.deps.store.tenants.byApiKeyHash;
  h.deps.store.tenants.byApiKeyHash = () => Promise.reject(new Error('a bug'));
  const failed = await h.send({
    method: 'GET',
    path: '/v1/admin/tenant',
    headers: { authorization: `Bearer ${h.known.apiKey}`, 'x-request-id': 'bug-1' },
  });
  h.deps.store.tenants.byApiKeyHash = byApiKeyHash;
  assert.equal(failed.status, 500);

  const requests = lines.filter((line) => line.msg === 'request' || line.msg === 'request failed');
  const byId = (id: string) => requests.find((line) => line.requestId === id);
  assert.deepEqual(
    { ...byId('req-42.a:b'), time: undefined, pid: undefined, durationMs: undefined },
    {
      level: 'info',
      msg: 'request',
      requestId: 'req-42.a:b',
      method: 'GET',
      route: '/v1/links/:token',
      status: 200,
      path: '/v1/links/:token',
      time: undefined,
      pid: undefined,
      durationMs: undefined,
    },
  );
  assert.equal(typeof byId('req-42.a:b')?.durationMs, 'number');
  const posted = requests.find(
    (line) => line.method === 'POST' && line.status === 201 && line.route === '/v1/links/:token/guests',
  );
  assert.ok(posted, 'the redemption is logged by its route pattern');
  assert.equal(posted.path, '/v1/links/:token/guests');
  assert.ok(requests.some((line) => line.route === '/g/:token' && line.path === '/g/:token'));
  assert.ok(requests.some((line) => line.route === '/v1/rooms/:roomId/guest-access'));

  const cors = lines.find((line) => line.msg === 'CORS refused');
  assert.deepEqual(
    [cors?.level, cors?.origin, cors?.tenant],
    ['warn', 'https://stranger.example', h.known.tenantId],
  );
  assert.deepEqual([byId('bug-1')?.level, byId('bug-1')?.status], ['warn', 500]);
  const bug = lines.find((line) => line.msg === 'unexpected error');
  assert.equal(bug?.requestId, 'bug-1');
  assert.equal((bug?.err as { message?: string })?.message, 'a bug');

  const everything = raw.join('\n');
  for (const secret of [
    ...h.known.linkTokens,
    ...h.known.guestSessions,
    session,
    h.known.apiKey,
    h.known.hostToken,
    'lin.secret@example.com',
    'grace@example.com',
    hostile.slice(0, 20),
  ]) {
    assert.ok(!everything.includes(secret), `never logged: ${secret.slice(0, 12)}…`);
  }
});

test('LOG_LEVEL=warn keeps warnings and drops request lines', async (t) => {
  const { logger, lines } = capturedLogger('warn');
  const h = await harness(t, { logger });
  await h.send({ method: 'GET', path: '/healthz', headers: { origin: 'https://stranger.example' } });
  assert.deepEqual(
    lines.map((line) => [line.level, line.msg]),
    [['warn', 'CORS refused']],
  );
});

test('serve starts with a JSON line naming version, engine and origin, then logs each request as JSON', async (t) => {
  const db = await testDatabase(t);
  const server = await startChildServer(t, db, {
    LOG_LEVEL: 'info',
    GUEST_ACCESS_PUBLIC_ORIGIN: 'https://guests.example',
  });
  await server.request({ method: 'GET', path: '/healthz', headers: { 'x-request-id': 'from-test' } });
  const deadline = Date.now() + 5000;
  while (!server.output().includes('from-test') && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const lines = logLinesOf(server.output());
  const [start] = lines;
  assert.equal(start?.level, 'info');
  assert.equal(
    start?.version,
    (await import('../../package.json', { with: { type: 'json' } })).default.version,
  );
  assert.equal(start?.engine, TEST_ENGINE);
  assert.equal(start?.origin, 'https://guests.example');
  assert.equal(start?.url, server.url);
  assert.ok(start?.msg.startsWith(`guest-access listening on ${server.url} `));
  const health = lines.find((line) => line.requestId === 'from-test');
  assert.deepEqual([health?.method, health?.route, health?.status], ['GET', '/healthz', 200]);
});

test('serve loses no log line when it shuts down', async (t) => {
  const db = await testDatabase(t);
  const server = await startChildServer(t, db, { LOG_LEVEL: 'info' });
  for (const id of ['last-1', 'last-2', 'last-3'])
    await server.request({ method: 'GET', path: '/healthz', headers: { 'x-request-id': id } });
  server.child.kill('SIGTERM');
  assert.deepEqual(await server.exited, { code: 0, signal: null });
  const lines = logLinesOf(server.output());
  assert.deepEqual(
    lines.filter((line) => String(line.requestId).startsWith('last-')).map((line) => line.requestId),
    ['last-1', 'last-2', 'last-3'],
  );
  assert.ok(
    lines.some((line) => line.msg === 'shutting down'),
    'the shutdown line is written',
  );
});

test('the lines logged just before the process exits, or crashes, are written', async () => {
  const logging = new URL('../../api/logging.ts', import.meta.url).pathname;
  for (const [how, end] of [
    ['exit', 'process.exit(0);'],
    ['crash', "throw new Error('boom');"],
  ]) {
    const script = `import { createLogger } from ${JSON.stringify(logging)};
      const logger = createLogger('info'); logger.info('one'); logger.info('two'); ${end}`;
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
    ]).catch((error: { stdout: string }) => error);
    assert.deepEqual(
      logLinesOf(stdout)
        .map((line) => line.msg)
        // pino writes asynchronously: at a crash the line in flight may land after those it flushes then.
        .sort(),
      ['one', 'two'],
      how,
    );
  }
});
