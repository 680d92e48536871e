// Opens the SQLite database with the pragmas the service relies on and applies numbered migrations.
import Database from 'better-sqlite3';
import { migrations } from './migrations.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** `FULL` also survives power loss; `NORMAL` (default) survives process crashes in WAL mode. */
  synchronous?: 'NORMAL' | 'FULL';
}

/** SQLite's page cache per connection, in KiB. */
const PAGE_CACHE_KB = 32 * 1024;

/** How long a process waits for another's write lock before it fails. */
export const BUSY_TIMEOUT_MS = 5000;
export const BUSY_RETRY_MS = 10;

/** Another connection holds the lock this statement needs. */
export const isBusy = (error: unknown) => (error as { code?: unknown } | undefined)?.code === 'SQLITE_BUSY';
const pause = new Int32Array(new SharedArrayBuffer(4));

export function openDb(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  useWal(db);
  db.pragma('foreign_keys = ON');
  // Freed space is zeroed, so an erased name or email leaves no copy in the file (see Store.purgeErased).
  db.pragma('secure_delete = ON');
  db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
  // The guests table's random-keyed indexes (id, session hash) touch a different page per insert: with SQLite's
  // default 2 MB page cache, most inserts read their pages back from the file.
  db.pragma(`cache_size = -${PAGE_CACHE_KB}`);
  migrate(db);
  return db;
}

/**
 * Switches the file to WAL (which then stays). On a fresh file opened by several processes at once, SQLite
 * answers SQLITE_BUSY at once rather than wait (waiting could deadlock), so this waits and tries again.
 */
function useWal(db: Db) {
  for (let waited = 0; ; waited += BUSY_RETRY_MS) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!isBusy(error) || waited >= BUSY_TIMEOUT_MS) throw error;
      Atomics.wait(pause, 0, 0, BUSY_RETRY_MS);
    }
  }
}

function migrate(db: Db) {
  // Everything under the write lock, taken first: a process opening the same fresh file at the same moment
  // waits, then finds the schema applied instead of applying it again.
  writeTransaction(db, () => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)',
    );
    const applied = db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get();
    const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
    for (let version = Number(applied) + 1; version <= migrations.length; version++) {
      db.exec(migrations[version - 1] as string);
      record.run(version, Date.now());
    }
  });
}

/**
 * `json_object(…)` of the named columns of `alias` (a [key, expression] pair for a computed one): a joined
 * statement returns each entity as one JSON object with the table's own column names, so rows map by name.
 */
export const jsonObject = (alias: string, columns: ReadonlyArray<string | readonly [string, string]>) =>
  `json_object(${columns
    .map((column) =>
      typeof column === 'string' ? `'${column}', ${alias}.${column}` : `'${column[0]}', ${column[1]}`,
    )
    .join(', ')})`;

/** Runs `fn` in a transaction that takes the write lock up front (see CONVENTIONS: SQLITE_BUSY in WAL). */
export const writeTransaction = <T>(db: Db, fn: () => T): T => db.transaction(fn).immediate();
