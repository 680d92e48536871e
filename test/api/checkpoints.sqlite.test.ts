// WAL checkpoints run on a worker thread (api/store/sqlite/checkpointer.ts): the store's connection
// checkpoints in a COMMIT only as a backstop, the WAL still starts over under writes (also after the worker
// idled), and closing the store ends the worker.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { BACKSTOP_PAGES } from '../../api/store/sqlite/checkpointer.ts';
import { openDb } from '../../api/store/sqlite/db.ts';
import { createSqliteStore } from '../../api/store/sqlite/index.ts';
import { atTestEnd } from '../support/cleanup.ts';

const PAGE = 4096;

test('checkpoints the WAL from a worker: the connection only as a backstop, the WAL starts over, close ends the worker', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'guest-access-checkpoints-'));
  atTestEnd(t, () => rmSync(folder, { recursive: true, force: true }));
  const file = join(folder, 'store.db');
  const db = openDb(file);
  const store = createSqliteStore(db);
  assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), BACKSTOP_PAGES);

  // Idle first: the worker then looks only about once a second, and must catch up once writes begin.
  await sleep(2_500);
  // Another connection that never checkpoints writes 10,000 pages (40 MB) in 40 transactions with pauses:
  // only the worker's checkpoints let the WAL start over from its beginning (its file then stops growing).
  const writer = new Database(file);
  writer.pragma('wal_autocheckpoint = 0');
  writer.exec('CREATE TABLE filler (data BLOB)');
  const insert = writer.prepare(`INSERT INTO filler VALUES (randomblob(${PAGE - 100}))`);
  const writeRound = writer.transaction(() => {
    for (let row = 0; row < 250; row++) insert.run();
  });
  for (let round = 0; round < 40; round++) {
    writeRound();
    await sleep(50);
  }
  const walBytes = statSync(`${file}-wal`).size;
  assert.ok(walBytes < 30 * 1024 * 1024, `the WAL grew to ${(walBytes / 1048576).toFixed(1)} MB`);

  writer.close();
  await store.close();
  // SQLite removes the WAL when its last connection closes: the worker's is closed too.
  assert.equal(existsSync(`${file}-wal`), false);
});
