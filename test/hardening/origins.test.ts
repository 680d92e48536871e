// Issue 10, item 12 (origins): one validator and normaliser for allowed origins, used by the admin API and
// the command line; CORS never shares a response with the opaque origin "null".
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { freshApi } from '../api/helpers.ts';
import { openRawDatabase } from '../support/raw-database.ts';
import { runCli, tempDbFile } from './child-server.ts';

const NOT_ORIGINS = [
  'null',
  '*',
  'https://x.test/path',
  'https://x.test//',
  'https://x.test/?q=1',
  'https://x.test?q=1',
  'https://x.test#top',
  'https://user@x.test',
  'https://x.test\\path',
  'ftp://x.test',
  'x.test',
];

const originsIn = (dbFile: string) => {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT origin FROM tenant_origins ORDER BY origin').pluck().all();
  } finally {
    db.close();
  }
};

test('item 12: tenant create refuses anything but an http(s) origin, in one line, leaving nothing behind', async (t) => {
  const dbFile = tempDbFile(t);
  for (const origin of NOT_ORIGINS) {
    const result = await runCli(['tenant', 'create', '--name', 'Acme', '--origin', origin, '--db', dbFile]);
    assert.notEqual(result.code, 0, origin);
    assert.equal(result.stdout, '', origin);
    assert.match(
      result.stderr,
      /^guest-access: --origin .*must look like https:\/\/example\.com.*\n$/,
      origin,
    );
    assert.ok(result.stderr.includes(JSON.stringify(origin)), `names ${origin}`);
  }
  assert.equal(existsSync(dbFile), false, 'refused before the database was opened');
});

test('item 12: tenant create and the admin API store origins normalised', async (t) => {
  const dbFile = tempDbFile(t);
  const created = await runCli(
    [
      'tenant',
      'create',
      '--name',
      'Acme',
      '--origin',
      'HTTPS://A.Test:443',
      '--origin',
      'http://[::1]:8080',
      // As the address bar shows it: the bare "/" after the host is no path.
      '--origin',
      'https://media.example.com/',
    ],
    { GUEST_ACCESS_DB: dbFile },
  );
  assert.equal(created.code, 0, created.stderr);
  assert.deepEqual(originsIn(dbFile), ['http://[::1]:8080', 'https://a.test', 'https://media.example.com']);

  const api = await freshApi(t);
  const { apiKey } = await api.tenant({});
  const patch = (allowedOrigins: string[]) =>
    api.request({ method: 'PATCH', path: '/v1/admin/tenant', token: apiKey, body: { allowedOrigins } });
  const patched = await patch([
    'HTTP://B.Test:80/',
    'https://c.test:8443/',
    'https://b.test',
    'http://b.test',
  ]);
  assert.equal(patched.status, 200);
  assert.deepEqual((patched.body as { allowedOrigins: string[] }).allowedOrigins, [
    'http://b.test',
    'https://b.test',
    'https://c.test:8443',
  ]);
  for (const origin of NOT_ORIGINS) assert.equal((await patch([origin])).status, 400, origin);
});

test('item 12: CORS never answers Access-Control-Allow-Origin: null, even for a stored "null" origin', async (t) => {
  const api = await freshApi(t);
  const { id, apiKey } = await api.tenant({ allowedOrigins: ['https://a.test'] });
  // What an older command line stored verbatim.
  const raw = openRawDatabase(api.database);
  await raw.all("INSERT INTO tenant_origins (origin, tenant_id) VALUES ('null', ?)", [id]);
  await raw.close();
  const headers = { origin: 'null' };
  const preflight = await api.request({
    method: 'OPTIONS',
    path: '/v1/admin/tenant',
    headers: { ...headers, 'access-control-request-method': 'GET' },
  });
  const admin = await api.request({ path: '/v1/admin/tenant', token: apiKey, headers });
  const link = await api.request({ path: '/v1/links/unknown', headers });
  assert.equal(admin.status, 200);
  for (const answer of [preflight, admin, link])
    assert.equal(answer.headers['access-control-allow-origin'], undefined);
  const allowed = await api.request({
    path: '/v1/admin/tenant',
    token: apiKey,
    headers: { origin: 'https://a.test' },
  });
  assert.equal(allowed.headers['access-control-allow-origin'], 'https://a.test');
});
