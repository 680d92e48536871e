// The store: one module per table over one database handle, plus the write transaction they share.
import { type Db, writeTransaction } from './db.ts';
import { createGuestStore } from './guests.ts';
import { createLinkStore } from './links.ts';
import { createRoomStore } from './rooms.ts';
import { createTenantStore } from './tenants.ts';

export function createStore(db: Db) {
  const readTransaction = db.transaction((fn: () => unknown) => fn());
  return {
    tenants: createTenantStore(db),
    rooms: createRoomStore(db),
    links: createLinkStore(db),
    guests: createGuestStore(db),
    /** Runs `fn` holding the write lock from the start. */
    transaction: <T>(fn: () => T): T => writeTransaction(db, fn),
    /**
     * Runs several reads in one transaction: one snapshot, and one WAL read lock instead of one per query
     * (each costs system calls; four of them were a third of the link page's time).
     */
    read: <T>(fn: () => T): T => readTransaction.deferred(fn) as T,
  };
}

export type Store = ReturnType<typeof createStore>;
