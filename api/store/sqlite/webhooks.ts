// Webhook endpoints and their outbox on SQLite (see WebhookTable in ../contract.ts). Every write runs under the
// connection's write lock, so a claim is one UPDATE … RETURNING that no other process can interleave.
import { DELIVERY_PAGE_SIZE } from '../contract.ts';
import type { NewWebhookEvent, WebhookAttempt, WebhookDeliveryStatus, WebhookEndpoint } from '../types.ts';
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
import type { Db } from './db.ts';

export function createWebhookStore(db: Db) {
  const statements = {
    endpointsOf: db.prepare<[string], EndpointRow>(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE tenant_id = ? ORDER BY created_at, id`,
    ),
    upsertEndpoint: db.prepare(
      `INSERT INTO webhook_endpoints (id, tenant_id, url, events, secret_sealed, created_at)
       VALUES (@id, @tenantId, @url, @events, @secretSealed, @createdAt)
       ON CONFLICT (id) DO UPDATE SET url = excluded.url, events = excluded.events`,
    ),
    failRemoved: db.prepare(
      `UPDATE webhook_deliveries SET status = 'failed', last_error = 'endpoint removed', next_attempt_at = NULL
       WHERE tenant_id = ? AND status = 'pending' AND endpoint_id NOT IN (SELECT value FROM json_each(?))`,
    ),
    deleteRemoved: db.prepare(
      'DELETE FROM webhook_endpoints WHERE tenant_id = ? AND id NOT IN (SELECT value FROM json_each(?))',
    ),
    record: db.prepare(
      `INSERT INTO webhook_deliveries
         (tenant_id, endpoint_id, url, message_id, type, room_id, data, created_at, status, next_attempt_at)
       SELECT e.tenant_id, e.id, e.url, @messageId, @type, r.id, @data, @createdAt, 'pending', @createdAt
       FROM rooms r JOIN webhook_endpoints e ON e.tenant_id = r.tenant_id
       WHERE r.pk = @roomPk AND EXISTS (SELECT 1 FROM json_each(e.events) WHERE value = @type)`,
    ),
    claimDue: db.prepare<[{ now: number; leaseMs: number; limit: number }], ClaimedRow>(
      `UPDATE webhook_deliveries SET next_attempt_at = @now + @leaseMs
       WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= @now
                    ORDER BY next_attempt_at, id LIMIT @limit)
       RETURNING ${CLAIMED_COLUMNS}`,
    ),
    finishAttempt: db.prepare(
      `UPDATE webhook_deliveries SET status = @status, attempts = attempts + 1, last_attempt_at = @attemptedAt,
         last_status_code = @statusCode, last_error = @error, next_attempt_at = @nextAttemptAt,
         delivered_at = CASE WHEN @status = 'delivered' THEN @attemptedAt END
       WHERE id = @id AND status = 'pending'`,
    ),
    deliveriesOf: db.prepare<
      [{ tenantId: string; status: string | null; cursor: number | null; limit: number }],
      DeliveryRow
    >(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries
       WHERE tenant_id = @tenantId AND (@status IS NULL OR status = @status) AND (@cursor IS NULL OR id < @cursor)
       ORDER BY id DESC LIMIT @limit`,
    ),
    markExpiredLinks: db
      .prepare<[{ after: number; now: number; limit: number }], string>(
        `INSERT INTO webhook_link_expiries (link_id, expires_at)
       SELECT l.id, l.expires_at FROM links l JOIN rooms r ON r.pk = l.room_pk
       WHERE l.expires_at > @after AND l.expires_at <= @now AND l.deleted_at IS NULL
         AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.tenant_id = r.tenant_id AND e.created_at < l.expires_at
                     AND EXISTS (SELECT 1 FROM json_each(e.events) WHERE value = 'link.expired'))
         AND NOT EXISTS (SELECT 1 FROM webhook_link_expiries x WHERE x.link_id = l.id AND x.expires_at = l.expires_at)
       LIMIT @limit
       ON CONFLICT DO NOTHING
       RETURNING link_id`,
      )
      .pluck(),
    deleteCreatedBefore: db.prepare(
      'DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries WHERE created_at < ? LIMIT ?)',
    ),
    eraseGuest: db.prepare(
      `UPDATE webhook_deliveries SET data = json_set(data, '$.guest.name', '', '$.guest.email', '')
       WHERE tenant_id = @tenantId AND lower(json_extract(data, '$.guest.email')) = lower(@email)`,
    ),
  };
  const endpointParams = (endpoint: WebhookEndpoint) => ({
    ...endpoint,
    events: JSON.stringify(endpoint.events),
  });

  return {
    endpointsOf: (tenantId: string): WebhookEndpoint[] =>
      statements.endpointsOf.all(tenantId).map(toEndpoint),
    replaceEndpoints(tenantId: string, endpoints: WebhookEndpoint[]): void {
      const kept = JSON.stringify(endpoints.map((endpoint) => endpoint.id));
      statements.failRemoved.run(tenantId, kept);
      statements.deleteRemoved.run(tenantId, kept);
      for (const endpoint of endpoints) statements.upsertEndpoint.run(endpointParams(endpoint));
    },
    record: (event: NewWebhookEvent): number => statements.record.run(event).changes,
    claimDue: (now: number, leaseMs: number, limit: number) =>
      statements.claimDue.all({ now, leaseMs, limit }).map(toClaimed),
    finishAttempt(id: number, attempt: WebhookAttempt): void {
      statements.finishAttempt.run({ id, ...attempt });
    },
    deliveriesOf: (tenantId: string, status?: WebhookDeliveryStatus, cursor?: number) =>
      deliveryPage(
        statements.deliveriesOf.all({
          tenantId,
          status: status ?? null,
          cursor: cursor ?? null,
          limit: DELIVERY_PAGE_SIZE + 1,
        }),
        DELIVERY_PAGE_SIZE,
      ),
    markExpiredLinks: (after: number, now: number, limit: number): string[] =>
      statements.markExpiredLinks.all({ after, now, limit }),
    deleteCreatedBefore: (createdBefore: number, limit: number): number =>
      statements.deleteCreatedBefore.run(createdBefore, limit).changes,
    eraseGuest: (tenantId: string, email: string): number =>
      statements.eraseGuest.run({ tenantId, email }).changes,
  };
}
