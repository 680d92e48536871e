// Issue 10, item 11 (migration race): processes that open one fresh database file at the same moment (the
// README's `serve … &` then `tenant create`) all succeed, and the schema is applied once.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { migrations } from '../../api/store/migrations.ts';
import { tempDbFile } from './child-server.ts';

const run = promisify(execFile);
const PROCESSES = 8;
const ROUNDS = 3;

// Each child loads the code first, then waits for the same instant, so all of them open the file together.
const OPEN_AT_ONCE = `
  const { openDatabase } = await import('./api/server.ts');
  const [dbFile, at] = process.argv.slice(-2);
  while (Date.now() < Number(at)) {}
  openDatabase(dbFile).close();
`;

test(`item 11: ${PROCESSES} processes opening one fresh database at once all succeed, schema applied once`, async (t) => {
  for (let round = 0; round < ROUNDS; round++) {
    const dbFile = tempDbFile(t);
    const at = String(Date.now() + 1500);
    const results = await Promise.allSettled(
      Array.from({ length: PROCESSES }, () =>
        run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', OPEN_AT_ONCE, dbFile, at]),
      ),
    );
    const failures = results.flatMap((result) =>
      result.status === 'rejected'
        ? [String((result.reason as { stderr?: string }).stderr ?? result.reason)]
        : [],
    );
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
