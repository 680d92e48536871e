// The PostgreSQL store: the tables of ../contract.ts over one node-postgres pool, migrated on open.
import type { Store, Tables } from '../contract.ts';
import {
  createPool,
  type PoolOptions,
  type Queryable,
  rethrowUnavailable,
  withTransaction,
} from './connect.ts';
import { createSharedCounters } from './counters.ts';
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

/** The table with every method's lost connection turned into a StoreUnavailableError. */
function guarded<T extends object>(table: T): T {
  const methods = Object.entries(table).map(([name, method]) => [
    name,
    (...args: unknown[]) => method(...args).catch(rethrowUnavailable),
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

/** Opens a pool on `url` (a `postgres://` URL) and applies pending migrations before answering. */
export async function createPostgresStore(url: string, options: PoolOptions = {}): Promise<Store> {
  const pool = createPool(url, options);
  await migrate(pool).catch(async (error: unknown) => {
    await pool.end();
    rethrowUnavailable(error);
  });
  // READ COMMITTED (PostgreSQL's default, stated so no server setting changes it): the rules' races are closed
  // by row locks (`lockByPk`, `lock`) and single-statement claims, so no transaction needs a retry.
  const transaction = <T>(fn: (tx: Tables) => Promise<T>): Promise<T> =>
    withTransaction(pool, 'BEGIN ISOLATION LEVEL READ COMMITTED', (client) => fn(tablesOf(client))).catch(
      rethrowUnavailable,
    );
  const counters = createSharedCounters(pool);
  return {
    engine: 'postgres',
    ...tablesOf(pool),
    transaction,
    // Each PostgreSQL connection commits on its own and the pool runs transactions side by side.
    batchedTransaction: transaction,
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
