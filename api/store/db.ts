// Opens the SQLite database with the pragmas the service relies on and applies numbered migrations.
import Database from 'better-sqlite3';
import { migrations } from './migrations.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** `FULL` also survives power loss; `NORMAL` (default) survives process crashes in WAL mode. */
  synchronous?: 'NORMAL' | 'FULL';
}

export function openDb(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file);
  // First, so that switching a fresh file to WAL waits for another process doing the same.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
  migrate(db);
  return db;
}

function migrate(db: Db) {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
  );
  const appliedVersion = db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  // The version is read under the write lock: a process opening the same fresh file at the same moment
  // waits, then finds the schema applied instead of applying it again.
  writeTransaction(db, () => {
    for (let version = Number(appliedVersion.get()) + 1; version <= migrations.length; version++) {
      db.exec(migrations[version - 1] as string);
      record.run(version, Date.now());
    }
  });
}

/** Runs `fn` in a transaction that takes the write lock up front (see CONVENTIONS: SQLITE_BUSY in WAL). */
export const writeTransaction = <T>(db: Db, fn: () => T): T => db.transaction(fn).immediate();
