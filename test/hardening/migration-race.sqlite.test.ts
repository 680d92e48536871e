// Issue 10, item 11 (migration race): processes that open one fresh database file at the same moment (the
// README's `serve … &` then `tenant create`) all succeed, and the schema is applied once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { migrations } from '../../api/store/sqlite/migrations.ts';
import { tempDbFile } from './child-server.ts';

const PROCESSES = 8;
const ROUNDS = 5;

// Each child loads the code, says so, and is told an instant just ahead: all of them open the file at it.
const OPEN_AT_ONCE = `
  const { openDatabase } = await import('./api/server.ts');
  process.stdout.write('ready');
  process.stdin.once('data', (at) => {
    while (Date.now() < Number(at)) {}
    openDatabase(process.argv.at(-1)).close();
    process.exit(0);
  });
`;

function openTogether(dbFile: string) {
  const children = Array.from({ length: PROCESSES }, () =>
    spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', OPEN_AT_ONCE, dbFile]),
  );
  const outcomes = children.map((child) => {
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    return new Promise<string>((resolve) => child.once('exit', (code) => resolve(code === 0 ? '' : stderr)));
  });
  const ready = children.map((child) => once(child.stdout, 'data'));
  void Promise.all(ready).then(() => {
    const at = String(Date.now() + 50);
    for (const child of children) child.stdin.write(at);
  });
  return Promise.all(outcomes);
}

test(`item 11: ${PROCESSES} processes opening one fresh database at once all succeed, schema applied once`, async (t) => {
  for (let round = 0; round < ROUNDS; round++) {
    const dbFile = tempDbFile(t);
    const failures = (await openTogether(dbFile)).filter(Boolean);
    assert.deepEqual(failures, [], `round ${round + 1}`);
    const db = new Database(dbFile, { readonly: true });
    try {
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      assert.deepEqual(
        versions,
        migrations.map((_, index) => index + 1),
      );
      assert.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'tenants'").pluck().get(), 1);
    } finally {
      db.close();
    }
  }
});
