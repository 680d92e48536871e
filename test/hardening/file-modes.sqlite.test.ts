// Issue 10, item 13 (files readable by everyone): the database holds emails and sealed secrets, so its files
// are the owner's alone whatever the umask, and an existing database's files are tightened when opened.
import assert from 'node:assert/strict';
import { chmodSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { startChildServer, tempDbFile } from './child-server.ts';

// The umask most systems run with: files 0644 and folders 0755 unless created otherwise.
process.umask(0o022);

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
const databaseFiles = (dbFile: string) => [dbFile, `${dbFile}-wal`, `${dbFile}-shm`];

test('item 13: a new database, its -wal and -shm, its key file and its new folder are private under umask 022', async (t) => {
  const dbFile = join(dirname(tempDbFile(t)), 'data', 'guest-access.db');
  await startChildServer(t, dbFile);
  for (const file of [...databaseFiles(dbFile), `${dbFile}.key`]) assert.equal(modeOf(file), '600', file);
  assert.equal(modeOf(dirname(dbFile)), '700', 'the data folder the server created');
});

test('item 13: opening an existing database makes its files private', async (t) => {
  const dbFile = tempDbFile(t);
  // A database left readable by everyone, open elsewhere so that its -wal and -shm exist too.
  const other = new Database(dbFile);
  t.after(() => other.close());
  other.pragma('journal_mode = WAL');
  other.exec('CREATE TABLE other (x)');
  for (const file of databaseFiles(dbFile)) chmodSync(file, 0o644);
  await startChildServer(t, dbFile);
  for (const file of databaseFiles(dbFile)) assert.equal(modeOf(file), '600', file);
});
