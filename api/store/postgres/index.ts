// The PostgreSQL store: the tables of ../contract.ts over one node-postgres pool, migrated on open.
import type pg from 'pg';
import { DeadlockError, type Store, type Tables } from '../contract.ts';
import {
  createPool,
  type PoolOptions,
  type Queryable,
  rethrowUnavailable,
  withTransaction,
} from './connect.ts';
import { createSharedCounters } from './counters.ts';
import { groupCommit } from './group-commit.ts';
import { guestTable } from './guests.ts';
import { linkTable } from './links.ts';
import { migrate } from './migrate.ts';
import { presenceLeaseTable } from './presence-leases.ts';
import { linkContexts } from './reads.ts';
import { roomTable } from './rooms.ts';
import { settingTable } from './settings.ts';
import { tenantTable } from './tenants.ts';
import { webhookTable } from './webhooks.ts';

export type { PoolOptions } from './connect.ts';

const DEADLOCK_DETECTED = '40P01';

const rethrowStoreError = (error: unknown): never => {
  if ((error as { code?: string }).code === DEADLOCK_DETECTED)
    throw new DeadlockError(undefined, { cause: error });
  return rethrowUnavailable(error);
};

/** The table with every method's lost connection turned into a StoreUnavailableError, a deadlock a DeadlockError. */
function guarded<T extends object>(table: T): T {
  const methods = Object.entries(table).map(([name, method]) => [
    name,
    (...args: unknown[]) => method(...args).catch(rethrowStoreError),
  ]);
  return Object.fromEntries(methods) as T;
}

const tablesOf = (db: Queryable): Tables => ({
  tenants: guarded(tenantTable(db)),
  rooms: guarded(roomTable(db)),
  links: guarded(linkTable(db)),
  guests: guarded(guestTable(db)),
  settings: guarded(settingTable(db)),
  presenceLeases: guarded(presenceLeaseTable(db)),
  webhooks: guarded(webhookTable(db)),
  linkContexts: guarded(linkContexts(db)),
});

/**
 * How long a statement may wait for its answer. Without a bound, a connection that goes silent mid-statement
 * (a NAT or a failover that tells neither side) holds its request and a pool slot until TCP gives up, about
 * 15 minutes; past it the statement fails as unavailable (503) and its connection is dropped. 30 s, as the
 * wait for a connection; work that grows with the data stays below it in batches (retention's erasure).
 */
const QUERY_TIMEOUT_MS = 30_000;

/** Applies pending migrations on a connection of their own, with no statement timeout: they may run long. */
async function migrateOnce(url: string) {
  const pool = createPool(url, { max: 1 });
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
}

/** Applies pending migrations, then opens a pool on `url` (a `postgres://` URL). */
export async function createPostgresStore(url: string, options: PoolOptions = {}): Promise<Store> {
  await migrateOnce(url).catch(rethrowUnavailable);
  const pool = createPool(url, { query_timeout: QUERY_TIMEOUT_MS, ...options });
  // READ COMMITTED (PostgreSQL's default, stated so no server setting changes it): the rules' races are closed
  // by row locks (`lockByPk`, `lock`) and single-statement claims, so no transaction needs a retry for them. (A
  // grouped redemption can deadlock with another instance's on an Idempotency-Key; `redeem` runs it again.)
  const onClient = <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
    withTransaction(pool, 'BEGIN ISOLATION LEVEL READ COMMITTED', fn).catch(rethrowUnavailable);
  const transaction = <T>(fn: (tx: Tables) => Promise<T>): Promise<T> =>
    onClient((client) => fn(tablesOf(client)));
  const grouped = groupCommit(onClient, (client, sql) => client.query(sql));
  const counters = createSharedCounters(pool);
  return {
    engine: 'postgres',
    ...tablesOf(pool),
    transaction,
    batchedTransaction: (fn, key) => grouped((client) => fn(tablesOf(client)), key),
    counters: guarded(counters),
    // An UPDATE leaves the old row version in the table file until autovacuum reclaims it; nothing here can
    // zero it sooner (VACUUM FULL would lock the table): the erased values are gone from every row answered.
    purgeErased: async () => true,
    async close() {
      await counters.close();
      await pool.end();
    },
  };
}
