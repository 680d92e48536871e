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
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
  migrate(db);
  return db;
}

function migrate(db: Db) {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
  );
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((v) => Number(v)),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  migrations.forEach((sql, index) => {
    const version = index + 1;
    if (applied.has(version)) return;
    db.transaction(() => {
      db.exec(sql);
      record.run(version, Date.now());
    }).immediate();
  });
}

/** Runs `fn` in a transaction that takes the write lock up front (see CONVENTIONS: SQLITE_BUSY in WAL). */
export const writeTransaction = <T>(db: Db, fn: () => T): T => db.transaction(fn).immediate();
