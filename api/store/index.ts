// The store: one module per table over one database handle, plus the write transaction they share.
import { type Db, writeTransaction } from './db.ts';
import { createGuestStore } from './guests.ts';
import { createLinkStore, LINK_COLUMNS, type Link, type LinkRow, toLink } from './links.ts';
import { createRoomStore, ROOM_COLUMNS, type Room, type RoomRow, toRoom } from './rooms.ts';
import { createSettingStore } from './settings.ts';
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

/** What the host list needs, read by `createHostListStore`. */
export interface HostListRows {
  tenant: Tenant;
  /** The tenant's sealed signing secrets, current first. */
  sealed: Buffer[];
  /** The tenant's room with the asked id, removed or not; undefined when it has none. */
  room: Room | undefined;
  /** The room's links not deleted, oldest first. */
  links: Link[];
}

/**
 * The host list's reads in one statement: the tenant with its sealed signing secrets (to verify the host
 * token), its room with the asked id and that room's links. One statement is one snapshot and one WAL read
 * lock, without the BEGIN and COMMIT a read transaction of three statements cost (a quarter of the route's
 * time in a profile).
 */
function createHostListStore(db: Db) {
  const room = ROOM_COLUMNS.split(', ');
  const statement = db
    .prepare<[{ tenantId: string; roomId: string }], unknown[]>(
      `SELECT ${TENANT_COLUMNS}, t.signing_secret_sealed, t.previous_signing_secret_sealed,
        ${room.map((column) => `r.${column}`).join(', ')}, ${LINK_COLUMNS}
      FROM tenants t
        LEFT JOIN rooms r ON r.tenant_id = t.id AND r.id = @roomId
        LEFT JOIN links l ON l.room_pk = r.pk AND l.deleted_at IS NULL
      WHERE t.id = @tenantId
      ORDER BY l.created_at, l.rowid`,
    )
    .raw();
  const names = (statement.columns() as Array<{ name: string }>).map((column) => column.name);
  const roomStart = names.indexOf('previous_signing_secret_sealed') + 1;
  const linkStart = roomStart + room.length;
  const slice = (values: unknown[], from: number, to: number) => {
    const row: Record<string, unknown> = {};
    for (let index = from; index < to; index++) row[names[index] as string] = values[index];
    return row;
  };
  return {
    read(tenantId: string, roomId: string): HostListRows | undefined {
      const rows = statement.all({ tenantId, roomId });
      const first = rows[0];
      if (!first) return undefined;
      const tenantRow = slice(first, 0, roomStart);
      const previous = tenantRow.previous_signing_secret_sealed as Buffer | null;
      const current = tenantRow.signing_secret_sealed as Buffer;
      return {
        tenant: toTenant(tenantRow as unknown as TenantRow),
        sealed: previous ? [current, previous] : [current],
        room:
          first[roomStart] === null
            ? undefined
            : toRoom(slice(first, roomStart, linkStart) as unknown as RoomRow),
        links: rows
          .filter((values) => values[linkStart] !== null)
          .map((values) => toLink(slice(values, linkStart, values.length) as unknown as LinkRow)),
      };
    },
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
    hostList: createHostListStore(db),
    settings: createSettingStore(db),
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
