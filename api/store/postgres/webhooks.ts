// Webhook endpoints and their outbox on PostgreSQL (see WebhookTable in ../contract.ts). Several instances
// deliver side by side: a claim takes due rows with FOR UPDATE SKIP LOCKED and leases them in one statement.
import { DELIVERY_PAGE_SIZE, type WebhookTable } from '../contract.ts';
import {
  CLAIMED_COLUMNS,
  type ClaimedRow,
  DELIVERY_COLUMNS,
  type DeliveryRow,
  deliveryPage,
  ENDPOINT_COLUMNS,
  type EndpointRow,
  toClaimed,
  toEndpoint,
} from '../webhook-row.ts';
import { changesOf, type Queryable, rowsOf } from './connect.ts';

const statements = {
  endpointsOf: {
    name: 'webhooks.endpointsOf',
    text: `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE tenant_id = $1 ORDER BY created_at, id`,
  },
  upsertEndpoint: {
    name: 'webhooks.upsertEndpoint',
    text: `INSERT INTO webhook_endpoints (id, tenant_id, url, events, secret_sealed, created_at)
      VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (id) DO UPDATE SET url = excluded.url, events = excluded.events`,
  },
  failRemoved: {
    name: 'webhooks.failRemoved',
    text: `UPDATE webhook_deliveries SET status = 'failed', last_error = 'endpoint removed', next_attempt_at = NULL
      WHERE tenant_id = $1 AND status = 'pending' AND NOT (endpoint_id = ANY($2::text[]))`,
  },
  deleteRemoved: {
    name: 'webhooks.deleteRemoved',
    text: 'DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND NOT (id = ANY($2::text[]))',
  },
  record: {
    name: 'webhooks.record',
    text: `INSERT INTO webhook_deliveries
        (tenant_id, endpoint_id, url, message_id, type, room_id, data, created_at, status, next_attempt_at)
      SELECT e.tenant_id, e.id, e.url, $2, $3, r.id, $4, $5, 'pending', $5
      FROM rooms r JOIN webhook_endpoints e ON e.tenant_id = r.tenant_id
      WHERE r.pk = $1 AND $3::text = ANY(e.events)`,
  },
  claimDue: {
    name: 'webhooks.claimDue',
    text: `UPDATE webhook_deliveries SET next_attempt_at = $1::bigint + $2::bigint
      WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $1
                   ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING ${CLAIMED_COLUMNS}`,
  },
  finishAttempt: {
    name: 'webhooks.finishAttempt',
    text: `UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, last_attempt_at = $3,
        last_status_code = $4, last_error = $5, next_attempt_at = $6,
        delivered_at = CASE WHEN $2 = 'delivered' THEN $3::bigint END
      WHERE id = $1 AND status = 'pending'`,
  },
  deliveriesOf: {
    name: 'webhooks.deliveriesOf',
    text: `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries
      WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::bigint IS NULL OR id < $3)
      ORDER BY id DESC LIMIT $4`,
  },
  markExpiredLinks: {
    name: 'webhooks.markExpiredLinks',
    text: `INSERT INTO webhook_link_expiries (link_id, expires_at)
      SELECT l.id, l.expires_at FROM links l JOIN rooms r ON r.pk = l.room_pk
      WHERE l.expires_at > $1 AND l.expires_at <= $2 AND l.deleted_at IS NULL
        AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.tenant_id = r.tenant_id
                    AND e.created_at < l.expires_at AND 'link.expired' = ANY(e.events))
        AND NOT EXISTS (SELECT 1 FROM webhook_link_expiries x WHERE x.link_id = l.id AND x.expires_at = l.expires_at)
      LIMIT $3
      ON CONFLICT DO NOTHING
      RETURNING link_id`,
  },
  deleteCreatedBefore: {
    name: 'webhooks.deleteCreatedBefore',
    text: 'DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries WHERE created_at < $1 LIMIT $2)',
  },
  eraseGuest: {
    name: 'webhooks.eraseGuest',
    text: `UPDATE webhook_deliveries
      SET data = jsonb_set(jsonb_set(data::jsonb, '{guest,name}', '""'), '{guest,email}', '""')::text
      WHERE tenant_id = $1 AND lower(data::jsonb #>> '{guest,email}') = lower($2)`,
  },
};

export function webhookTable(db: Queryable): WebhookTable {
  return {
    endpointsOf: (tenantId) =>
      rowsOf<EndpointRow>(db, statements.endpointsOf, [tenantId]).then((rows) => rows.map(toEndpoint)),
    async replaceEndpoints(tenantId, endpoints) {
      const kept = endpoints.map((endpoint) => endpoint.id);
      await rowsOf(db, statements.failRemoved, [tenantId, kept]);
      await rowsOf(db, statements.deleteRemoved, [tenantId, kept]);
      for (const endpoint of endpoints) {
        await rowsOf(db, statements.upsertEndpoint, [
          endpoint.id,
          tenantId,
          endpoint.url,
          endpoint.events,
          endpoint.secretSealed,
          endpoint.createdAt,
        ]);
      }
    },
    record: (event) =>
      changesOf(db, statements.record, [
        event.roomPk,
        event.messageId,
        event.type,
        event.data,
        event.createdAt,
      ]),
    claimDue: (now, leaseMs, limit) =>
      rowsOf<ClaimedRow>(db, statements.claimDue, [now, leaseMs, limit]).then((rows) => rows.map(toClaimed)),
    async finishAttempt(id, attempt) {
      await rowsOf(db, statements.finishAttempt, [
        id,
        attempt.status,
        attempt.attemptedAt,
        attempt.statusCode,
        attempt.error,
        attempt.nextAttemptAt,
      ]);
    },
    deliveriesOf: (tenantId, status, cursor) =>
      rowsOf<DeliveryRow>(db, statements.deliveriesOf, [
        tenantId,
        status ?? null,
        cursor ?? null,
        DELIVERY_PAGE_SIZE + 1,
      ]).then((rows) => deliveryPage(rows, DELIVERY_PAGE_SIZE)),
    markExpiredLinks: (after, now, limit) =>
      rowsOf<{ link_id: string }>(db, statements.markExpiredLinks, [after, now, limit]).then((rows) =>
        rows.map((row) => row.link_id),
      ),
    deleteCreatedBefore: (createdBefore, limit) =>
      changesOf(db, statements.deleteCreatedBefore, [createdBefore, limit]),
    eraseGuest: (tenantId, email) => changesOf(db, statements.eraseGuest, [tenantId, email]),
  };
}
