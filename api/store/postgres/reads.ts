// The joined read of the link page and redemption: one statement, so one snapshot.
// Joined rooms and links travel as JSON objects with their table's column names, so each maps through the
// same function as a plain row, without aliasing or slicing columns.
import type { Tables } from '../contract.ts';
import { type Queryable, rowsOf } from './connect.ts';
import { LINK_JSON, type LinkRow, toLink } from './links.ts';
import { type RoomRow, toRoom } from './rooms.ts';
import { TENANT_COLUMNS, type TenantRow, toTenant } from './tenants.ts';

type LinkContextRow = TenantRow & { room: RoomRow; link: LinkRow };

const COLUMNS = `${TENANT_COLUMNS}, to_jsonb(r) AS room, ${LINK_JSON} AS link`;
const FROM = 'FROM links l JOIN rooms r ON r.pk = l.room_pk JOIN tenants t ON t.id = r.tenant_id';
/** Whether the tenant has any webhook endpoint (one index probe); only the redemption's re-read needs it. */
const HAS_WEBHOOK_ENDPOINTS =
  'EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.tenant_id = t.id) AS has_webhook_endpoints';

const statements = {
  contextByTokenHash: {
    name: 'linkContexts.byTokenHash',
    text: `SELECT ${COLUMNS} ${FROM} WHERE l.token_hash = $1`,
  },
  contextByLinkId: {
    name: 'linkContexts.byLinkId',
    text: `SELECT ${COLUMNS}, ${HAS_WEBHOOK_ENDPOINTS} ${FROM} WHERE l.id = $1`,
  },
};

const toContext = (row: LinkContextRow) => ({
  tenant: toTenant(row),
  room: toRoom(row.room),
  link: toLink(row.link),
});

export const linkContexts = (db: Queryable): Tables['linkContexts'] => ({
  byTokenHash: (hash) =>
    rowsOf<LinkContextRow>(db, statements.contextByTokenHash, [hash]).then(([row]) => row && toContext(row)),
  byLinkId: (id) =>
    rowsOf<LinkContextRow & { has_webhook_endpoints: boolean }>(db, statements.contextByLinkId, [id]).then(
      ([row]) => row && { ...toContext(row), hasWebhookEndpoints: row.has_webhook_endpoints },
    ),
});
