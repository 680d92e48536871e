// The store: one module per table over one database handle, plus the write transaction they share.
import { type Db, writeTransaction } from './db.ts';
import { createGuestStore } from './guests.ts';
import { createLinkStore, LINK_COLUMNS, type Link, type LinkRow, toLink } from './links.ts';
import { createRoomStore, ROOM_COLUMNS, type Room, type RoomRow, toRoom } from './rooms.ts';
import { createTenantStore, TENANT_COLUMNS, type Tenant, type TenantRow, toTenant } from './tenants.ts';

/** A link with its room and tenant. */
export interface LinkContextRow {
  tenant: Tenant;
  room: Room;
  link: Link;
}

/**
 * A link, its room and its tenant (with origins) in one statement: one snapshot and one WAL read lock, where
 * a read transaction of four statements cost the link page a third of its time. Rows come back as arrays
 * (`raw()`): better-sqlite3 building a 31-property object per row cost more than the lookup itself.
 */
function createContextStore(db: Db) {
  const link = LINK_COLUMNS.split(', ');
  const room = ROOM_COLUMNS.split(', ');
  const select = `SELECT ${LINK_COLUMNS}, ${room.map((column) => `r.${column}`).join(', ')}, ${TENANT_COLUMNS}
    FROM links l JOIN rooms r ON r.pk = l.room_pk JOIN tenants t ON t.id = r.tenant_id`;
  const statements = {
    byTokenHash: db.prepare<[Buffer], unknown[]>(`${select} WHERE l.token_hash = ?`).raw(),
    byLinkId: db.prepare<[string], unknown[]>(`${select} WHERE l.id = ?`).raw(),
  };
  const names = (statements.byTokenHash.columns() as Array<{ name: string }>).map((column) => column.name);
  const slice = (values: unknown[], from: number, to: number) => {
    const row: Record<string, unknown> = {};
    for (let index = from; index < to; index++) row[names[index] as string] = values[index];
    return row;
  };
  const roomEnd = link.length + room.length;
  const toContext = (values: unknown[] | undefined): LinkContextRow | undefined =>
    values && {
      link: toLink(slice(values, 0, link.length) as unknown as LinkRow),
      room: toRoom(slice(values, link.length, roomEnd) as unknown as RoomRow),
      tenant: toTenant(slice(values, roomEnd, values.length) as unknown as TenantRow),
    };
  return {
    byTokenHash: (hash: Buffer) => toContext(statements.byTokenHash.get(hash)),
    byLinkId: (id: string) => toContext(statements.byLinkId.get(id)),
  };
}

export function createStore(db: Db) {
  const readTransaction = db.transaction((fn: () => unknown) => fn());
  return {
    tenants: createTenantStore(db),
    rooms: createRoomStore(db),
    links: createLinkStore(db),
    guests: createGuestStore(db),
    linkContexts: createContextStore(db),
    /** Whether a transaction is open on the connection (SQLite may end one itself after some errors). */
    inTransaction: () => db.inTransaction,
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
