// The SQLite tables as the store contract names them, synchronous (better-sqlite3): `index.ts` makes them the
// async contract. The joined read returns each entity as one JSON object, so rows map by column name.
import type { LinkContextRead, LinkContextRow, Tables } from '../contract.ts';
import type { Db } from './db.ts';
import { createGuestStore } from './guests.ts';
import { createLinkStore, LINK_JSON, type LinkRow, toLink } from './links.ts';
import { createPresenceLeaseStore } from './presence-leases.ts';
import { createRoomStore, ROOM_JSON, type RoomRow, toRoom } from './rooms.ts';
import { createSettingStore } from './settings.ts';
import { createTenantStore, TENANT_JSON, type TenantJson, tenantOf } from './tenants.ts';
import { createWebhookStore } from './webhooks.ts';

/** The contract's tables with each method answering at once instead of with a promise. */
export type SyncTables = {
  [Table in keyof Tables]: {
    [Method in keyof Tables[Table]]: Tables[Table][Method] extends (
      ...args: infer Args
    ) => Promise<infer Result>
      ? (...args: Args) => Result
      : never;
  };
};

interface ContextJson extends TenantJson {
  link: string;
  room: string;
}

/** Whether the tenant (`t`) has any webhook endpoint (one index probe); only the redemption's re-read needs it. */
const HAS_WEBHOOK_ENDPOINTS =
  'EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.tenant_id = t.id) AS has_webhook_endpoints';

/** A link, its room and its tenant (with origins) in one statement: one snapshot and one WAL read lock. */
function createContextStore(db: Db) {
  const columns = `${LINK_JSON} AS link, ${ROOM_JSON} AS room, ${TENANT_JSON} AS tenant`;
  const from = 'FROM links l JOIN rooms r ON r.pk = l.room_pk JOIN tenants t ON t.id = r.tenant_id';
  const statements = {
    byTokenHash: db.prepare<[Buffer], ContextJson>(`SELECT ${columns} ${from} WHERE l.token_hash = ?`),
    byLinkId: db.prepare<[string], ContextJson & { has_webhook_endpoints: 0 | 1 }>(
      `SELECT ${columns}, ${HAS_WEBHOOK_ENDPOINTS} ${from} WHERE l.id = ?`,
    ),
  };
  const toContext = (row: ContextJson): LinkContextRow => ({
    link: toLink(JSON.parse(row.link) as LinkRow),
    room: toRoom(JSON.parse(row.room) as RoomRow),
    tenant: tenantOf(row),
  });
  return {
    byTokenHash: (hash: Buffer): LinkContextRow | undefined => {
      const row = statements.byTokenHash.get(hash);
      return row && toContext(row);
    },
    byLinkId: (id: string): LinkContextRead | undefined => {
      const row = statements.byLinkId.get(id);
      return row && { ...toContext(row), hasWebhookEndpoints: row.has_webhook_endpoints === 1 };
    },
  };
}

export function createSyncTables(db: Db): SyncTables {
  return {
    tenants: createTenantStore(db),
    rooms: createRoomStore(db),
    links: createLinkStore(db),
    guests: createGuestStore(db),
    settings: createSettingStore(db),
    presenceLeases: createPresenceLeaseStore(db),
    webhooks: createWebhookStore(db),
    linkContexts: createContextStore(db),
  };
}
