// The command line, run as a child process through tsx on a temporary database.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { promisify } from 'node:util';
import { decode } from 'hono/jwt';
import { CLI } from '../support/cli.ts';

const run = promisify(execFile);

function tempDb(t: TestContext) {
  const folder = mkdtempSync(join(tmpdir(), 'guest-access-cli-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  return join(folder, 'cli.db');
}

const cli = async (...args: string[]) => (await run(process.execPath, [...CLI, ...args])).stdout;

test('creates a tenant, registers a room and mints a host token the server accepts', async (t) => {
  const db = tempDb(t);
  const tenant = JSON.parse(
    await cli('tenant', 'create', '--name', 'Acme', '--origin', 'https://a.example', '--db', db),
  );
  assert.deepEqual(Object.keys(tenant).sort(), ['apiKey', 'id', 'signingSecret']);
  assert.equal(
    statSync(`${db}.key`).mode & 0o777,
    0o600,
    'the server secret lives beside the database, private',
  );
  const room = JSON.parse(
    await cli(
      'room',
      'put',
      '--tenant',
      tenant.id,
      '--id',
      'r1',
      '--title',
      'Launch',
      '--starts-at',
      '2026-06-12T14:00:00Z',
      '--time-zone',
      'Europe/Paris',
      '--db',
      db,
    ),
  );
  assert.deepEqual(room, { id: 'r1', title: 'Launch', type: 'room' });
  const token = (
    await cli('token', '--tenant', tenant.id, '--room', 'r1', '--user', 'ann', '--ttl', '15m', '--db', db)
  ).trim();
  const { payload } = decode(token);
  assert.deepEqual(
    [payload.iss, payload.sub, payload.room, payload.perms],
    [tenant.id, 'ann', 'r1', ['guest-access:manage', 'guests:admit']],
  );

  const server = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => server.kill('SIGKILL'));
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const match = /listening on (http:\/\/\S+)/.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
    server.once('exit', () => reject(new Error('server exited')));
  });
  const answer = await fetch(`${url}/v1/rooms/r1/guest-access`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(answer.status, 200);
  // The longest --ttl the command line mints is one the server accepts.
  const longest = (
    await cli('token', '--tenant', tenant.id, '--room', 'r1', '--user', 'ann', '--ttl', '24h', '--db', db)
  ).trim();
  const longestAnswer = await fetch(`${url}/v1/rooms/r1/guest-access`, {
    headers: { authorization: `Bearer ${longest}` },
  });
  assert.equal(longestAnswer.status, 200);
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
  const started = Date.now();
  server.kill('SIGTERM');
  assert.equal(await exited, 0);
  assert.ok(Date.now() - started < 5000, 'exits within 5 s');
  assert.equal(existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0, 0, 'the WAL is checkpointed');
});

test('rotates a signing secret and reports usage errors', async (t) => {
  const db = tempDb(t);
  const tenant = JSON.parse(await cli('tenant', 'create', '--name', 'Acme', '--db', db));
  const rotated = JSON.parse(await cli('tenant', 'rotate-secret', '--tenant', tenant.id, '--db', db));
  assert.notEqual(rotated.signingSecret, tenant.signingSecret);
  await assert.rejects(
    cli('room', 'put', '--tenant', tenant.id, '--id', 'r1', '--db', db),
    /--title is required/,
  );
  await assert.rejects(
    cli('token', '--tenant', tenant.id, '--room', 'r1', '--user', 'u', '--ttl', 'soon', '--db', db),
    /--ttl/,
  );
});
