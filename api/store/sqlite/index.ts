// The store contract over SQLite: better-sqlite3 answers synchronously, so each table method runs at once;
// what the contract adds is the serialisation an async caller needs on one connection (a transaction spans
// awaits, and nothing else may run on the connection meanwhile) and group commit for batched transactions.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Store, Tables } from '../contract.ts';
import { StoreUnavailableError } from '../unavailable.ts';
import { startCheckpointer } from './checkpointer.ts';
import { BUSY_RETRY_MS, BUSY_TIMEOUT_MS, type Db, isBusy } from './db.ts';
import { createReadCache } from './read-cache.ts';
import { createSyncTables, type SyncTables } from './tables.ts';

type AnyFunction = (...args: never[]) => unknown;

// The file cannot take the statement now: another process held the write lock past the busy timeout, the
// disk is full, an I/O error, a file made read-only. The API answers 503, as for an unreachable PostgreSQL.
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|FULL|IOERR|READONLY|CANTOPEN)/;
const unavailableAsSuch = (error: unknown) => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && UNAVAILABLE_CODES.test(code) ? new StoreUnavailableError(error) : error;
};

/** Each table method wrapped by `run`, which decides when it may touch the connection. */
function wrapTables(sync: SyncTables, run: <T>(fn: () => T) => Promise<T>): Tables {
  const wrap = <T extends object>(table: T) =>
    Object.fromEntries(
      Object.entries(table).map(([name, method]) => [
        name,
        (...args: never[]) => run(() => (method as AnyFunction)(...args)),
      ]),
    );
  return Object.fromEntries(
    Object.entries(sync).map(([name, table]) => [name, wrap(table as object)]),
  ) as unknown as Tables;
}

/**
 * What one statement may block the event loop waiting for a lock (SQLite waits inside the call). Writes wait
 * for another process's write lock in steps of this, yielding between them, for up to BUSY_TIMEOUT_MS.
 */
const BLOCKING_WAIT_MS = 50;

/** Tries of the erasure's WAL truncation, 10 ms apart. */
const PURGE_ATTEMPTS = 100;

export function createSqliteStore(db: Db): Store {
  db.pragma(`busy_timeout = ${BLOCKING_WAIT_MS}`);
  const sync = createSyncTables(db);
  const statements = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare('SAVEPOINT batched'),
    release: db.prepare('RELEASE batched'),
    rollbackTo: db.prepare('ROLLBACK TO batched'),
  };

  // While a transaction is open, its awaits let other requests run: they wait until it ends, or their
  // statements would run inside it. Each checks `open` again right before it runs, with no await between.
  let open: Promise<void> | undefined;
  const cache = createReadCache(db);
  const checkpointer = startCheckpointer(db);
  // Outside transactions only: a transaction reads its own writes.
  const cachedSync: SyncTables = {
    ...sync,
    linkContexts: {
      byTokenHash: cache.cached('linkByTokenHash', sync.linkContexts.byTokenHash, (hash) =>
        hash.toString('base64'),
      ),
      byLinkId: cache.cached('linkById', sync.linkContexts.byLinkId, (id) => id),
    },
    tenants: {
      ...sync.tenants,
      withSealedSecrets: cache.cached('tenantSecrets', sync.tenants.withSealedSecrets, (id) => id),
    },
    links: {
      ...sync.links,
      listOfRoom: cache.cached('roomLinks', sync.links.listOfRoom, String),
    },
    rooms: {
      ...sync.rooms,
      get: cache.cached('room', sync.rooms.get, (tenantId, id) => `${tenantId}\0${id}`),
    },
  };
  const outside = wrapTables(cachedSync, async (fn) => {
    while (open) await open;
    try {
      return fn();
    } catch (error) {
      throw unavailableAsSuch(error);
    }
  });
  const inside = wrapTables(sync, async (fn) => fn());

  /**
   * BEGIN IMMEDIATE (the write lock, taken up front). While another process holds the lock it tries again
   * every BUSY_RETRY_MS, so the event loop (streams, reads) goes on meanwhile. `open` is set in the same step
   * as the BEGIN, so no statement from outside runs inside the transaction; the returned function ends it.
   */
  async function begin(): Promise<() => void> {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    for (;;) {
      while (open) await open;
      try {
        statements.begin.run();
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
        await sleep(BUSY_RETRY_MS);
        continue;
      }
      let release = () => {};
      open = new Promise((resolve) => {
        release = resolve;
      });
      return () => {
        open = undefined;
        release();
      };
    }
  }

  async function transaction<T>(fn: (tx: Tables) => Promise<T>): Promise<T> {
    const end = await begin().catch((error: unknown) => {
      throw unavailableAsSuch(error);
    });
    try {
      const result = await fn(inside);
      statements.commit.run();
      return result;
    } catch (error) {
      // SQLite ends the transaction itself after some errors (e.g. a full disk).
      if (db.inTransaction) statements.rollback.run();
      throw unavailableAsSuch(error);
    } finally {
      end();
    }
  }

  type Pending = {
    fn: (tx: Tables) => Promise<unknown>;
    resolve(value: unknown): void;
    reject(error: unknown): void;
  };
  let batch: Pending[] = [];

  /**
   * Group commit: the calls of one event-loop turn share one transaction, each in its own savepoint, so a
   * refused or failing one rolls back alone; every answer waits for the shared COMMIT (one WAL write per group).
   */
  async function flush() {
    const group = batch;
    batch = [];
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await transaction(async (tx) => {
        for (const item of group) {
          statements.savepoint.run();
          try {
            outcomes.push({ ok: true, value: await item.fn(tx) });
            statements.release.run();
          } catch (error) {
            // An error that ended the whole transaction fails the group, the calls before this one included.
            if (!db.inTransaction) throw error;
            statements.rollbackTo.run();
            statements.release.run();
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const item of group) item.reject(error);
      return;
    }
    group.forEach((item, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) item.resolve(outcome.value);
      else item.reject(unavailableAsSuch(outcome?.error));
    });
  }

  return {
    engine: 'sqlite',
    ...outside,
    transaction,
    batchedTransaction: <T>(fn: (tx: Tables) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        batch.push({ fn, resolve: resolve as (value: unknown) => void, reject });
        if (batch.length === 1) setImmediate(() => void flush());
      }),
    async purgeErased() {
      // Busy while the checkpoint worker's own pass runs (a few ms; it failed an erasure test once in CI):
      // tried again for up to a second. Another process reading the log for longer leaves it to the next sweep.
      for (let attempt = 0; ; attempt++) {
        while (open) await open;
        const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
        if (result?.busy === 0) return true;
        if (attempt === PURGE_ATTEMPTS) return false;
        await sleep(10);
      }
    },
    async close() {
      while (open) await open;
      await checkpointer.stop();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
