// Issue 10, item 10 (server secret mismatch): the database keeps a check value of the server secret that seals
// its tenants' signing secrets, so neither the server nor the command line ever runs on it with another key.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { encrypt, parseServerSecret } from '../../api/secrets.ts';
import { migrations } from '../../api/store/sqlite/migrations.ts';
import { hostToken } from '../support/api-fixture.ts';
import { type CliResult, runCli, startChildServer, tempDbFile } from './child-server.ts';

const newSecret = () => randomBytes(32).toString('hex');

/** One line on stderr, naming the fix, and a failure exit code: no stack. */
function assertRefused(result: CliResult, pattern: RegExp) {
  assert.notEqual(result.code, 0, 'exit code');
  assert.match(result.stderr, /^guest-access: [^\n]+\n$/, `one line:\n${result.stderr}`);
  assert.match(result.stderr, pattern);
}

const tenantCount = (dbFile: string) => {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM tenants').pluck().get();
  } finally {
    db.close();
  }
};

test('item 10: the CLI without the server secret refuses a database the server sealed with GUEST_ACCESS_SECRET', async (t) => {
  const dbFile = tempDbFile(t);
  const secret = newSecret();
  const server = await startChildServer(t, dbFile, { GUEST_ACCESS_SECRET: secret });

  const refused = await runCli(['tenant', 'create', '--name', 'Acme', '--db', dbFile]);
  assertRefused(refused, /set GUEST_ACCESS_SECRET/);
  assert.equal(existsSync(`${dbFile}.key`), false, 'no key file of its own');
  assert.equal(tenantCount(dbFile), 0);

  // With the server's secret, the tenant the CLI creates works on the server.
  const env = { GUEST_ACCESS_SECRET: secret };
  const tenant = JSON.parse(
    (await runCli(['tenant', 'create', '--name', 'Acme', '--db', dbFile], env)).stdout,
  );
  const put = await runCli(
    ['room', 'put', '--tenant', tenant.id, '--id', 'r1', '--title', 'T', '--db', dbFile],
    env,
  );
  assert.equal(put.code, 0, put.stderr);
  const token = await hostToken({
    tenantId: tenant.id,
    signingSecret: tenant.signingSecret,
    room: 'r1',
    now: Date.now(),
  });
  assert.equal((await server.request({ path: '/v1/rooms/r1/guest-access', token })).status, 200);
});

test('item 10: a server with another GUEST_ACCESS_SECRET refuses to start on a database its key file sealed', async (t) => {
  const dbFile = tempDbFile(t);
  assert.equal((await runCli(['tenant', 'create', '--name', 'Acme', '--db', dbFile])).code, 0);
  const serve = ['serve', '--port', '0', '--db', dbFile];
  assertRefused(
    await runCli(serve, { GUEST_ACCESS_SECRET: newSecret() }),
    /sealed with another server secret.*unset it to use the key file/,
  );
  await startChildServer(t, dbFile); // the key file still opens it
});

test('item 10: no new key file is generated beside a database that holds tenants', async (t) => {
  const dbFile = tempDbFile(t);
  const tenant = JSON.parse((await runCli(['tenant', 'create', '--name', 'Acme', '--db', dbFile])).stdout);
  rmSync(`${dbFile}.key`);
  assertRefused(
    await runCli(['token', '--tenant', tenant.id, '--room', 'r1', '--user', 'u', '--db', dbFile]),
    /key file .*\.key is missing/,
  );
  assert.equal(existsSync(`${dbFile}.key`), false);
  await assert.rejects(startChildServer(t, dbFile), /key file .*\.key is missing/);
  assert.equal(existsSync(`${dbFile}.key`), false);
});

test('item 10: a database from before the check value adopts it only from the secret that opens its sealed secrets', async (t) => {
  const dbFile = tempDbFile(t);
  const secret = newSecret();
  // The schema and a tenant as the version before the check value left them.
  const legacy = new Database(dbFile);
  legacy.exec(migrations[0] as string);
  legacy.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  legacy.prepare('INSERT INTO schema_migrations VALUES (1, 0)').run();
  legacy
    .prepare(
      'INSERT INTO tenants (id, name, api_key_hash, signing_secret_sealed, created_at) VALUES (?, ?, ?, ?, 0)',
    )
    .run('t_old', 'Old', randomBytes(32), encrypt(parseServerSecret(secret), 'gas_old'));
  legacy.close();
  const putRoom = (env: Record<string, string>) =>
    runCli(['room', 'put', '--tenant', 't_old', '--id', 'r1', '--title', 'T', '--db', dbFile], env);

  assertRefused(await putRoom({ GUEST_ACCESS_SECRET: newSecret() }), /sealed with another server secret/);
  assertRefused(await putRoom({}), /key file .*\.key is missing/);
  assert.equal(existsSync(`${dbFile}.key`), false);
  assert.equal((await putRoom({ GUEST_ACCESS_SECRET: secret })).code, 0, 'the right secret opens it');
  // Adopted: the check value now refuses another secret, however the database is used.
  assertRefused(await putRoom({ GUEST_ACCESS_SECRET: newSecret() }), /sealed with another server secret/);
  await startChildServer(t, dbFile, { GUEST_ACCESS_SECRET: secret });
});

test('item 10: eight tenant create at once on a fresh database agree on one key file', async (t) => {
  const dbFile = tempDbFile(t);
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, index) =>
      runCli(['tenant', 'create', '--name', `T${index}`, '--db', dbFile]),
    ),
  );
  assert.deepEqual(
    results.map((result) => result.stderr),
    Array(8).fill(''),
  );
  assert.equal(tenantCount(dbFile), 8);
  // Every tenant is usable: each token command opens its tenant's sealed secret with the one key file.
  for (const result of results) {
    const { id } = JSON.parse(result.stdout);
    const minted = await runCli(['token', '--tenant', id, '--room', 'r1', '--user', 'u', '--db', dbFile]);
    assert.equal(minted.code, 0, minted.stderr);
  }
});

test('--db :memory: serves from a database without a file, and writes no file and no key file', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'guest-access-memory-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const server = await startChildServer(t, ':memory:', {}, { cwd: folder });
  assert.equal((await server.request({ path: '/healthz' })).status, 200);
  assert.deepEqual(readdirSync(folder), []);
});
