// A PostgreSQL URL the command line or the server cannot open is one line naming the database and why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from './child-server.ts';

const SECRET = { GUEST_ACCESS_SECRET: 'a-server-secret-of-at-least-32-characters' };

test('a PostgreSQL database that does not exist, or a server that does not answer, is refused in one line', async () => {
  for (const [url, reason] of [
    ['postgres://postgres@127.0.0.1:5432/ga_never_created', 'database "ga_never_created" does not exist'],
    ['postgres://postgres:hunter2@127.0.0.1:1/ga', 'ECONNREFUSED'],
  ] as const) {
    for (const command of [
      ['tenant', 'create', '--name', 'T'],
      ['serve', '--port', '0'],
    ]) {
      const run = await runCli([...command, '--db', url], SECRET);
      assert.equal(run.code, 2, `${command[0]}: ${run.stderr}`);
      const lines = run.stderr.trim().split('\n');
      assert.equal(lines.length, 1, run.stderr);
      assert.match(lines[0] as string, /^guest-access: Cannot open the PostgreSQL database postgres:\/\//);
      assert.ok(lines[0]?.includes(reason), lines[0]);
      assert.ok(!run.stderr.includes('hunter2'), 'the password is never printed');
    }
  }
});
