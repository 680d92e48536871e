// One webhooks-row mapping for both engines: the SQLite and PostgreSQL stores read the same columns under the
// same names (SQLite keeps an endpoint's events as JSON text, PostgreSQL as TEXT[]).
import type { ClaimedDelivery, WebhookDelivery, WebhookEndpoint, WebhookEventType } from './types.ts';

export interface EndpointRow {
  id: string;
  tenant_id: string;
  url: string;
  events: string | string[];
  secret_sealed: Buffer;
  created_at: number;
}

export const ENDPOINT_COLUMNS = 'id, tenant_id, url, events, secret_sealed, created_at';

export const toEndpoint = (row: EndpointRow): WebhookEndpoint => ({
  id: row.id,
  tenantId: row.tenant_id,
  url: row.url,
  events: (typeof row.events === 'string' ? JSON.parse(row.events) : row.events) as WebhookEventType[],
  secretSealed: row.secret_sealed,
  createdAt: row.created_at,
});

export interface DeliveryRow {
  id: number;
  endpoint_id: string;
  url: string;
  message_id: string;
  type: string;
  room_id: string;
  data: string;
  created_at: number;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: number | null;
}

export const DELIVERY_COLUMNS =
  'id, endpoint_id, url, message_id, type, room_id, data, created_at, status, attempts, next_attempt_at, ' +
  'last_attempt_at, last_status_code, last_error, delivered_at';

export const toDelivery = (row: DeliveryRow): WebhookDelivery => ({
  id: Number(row.id),
  endpointId: row.endpoint_id,
  url: row.url,
  messageId: row.message_id,
  type: row.type as WebhookEventType,
  roomId: row.room_id,
  data: row.data,
  createdAt: row.created_at,
  status: row.status as WebhookDelivery['status'],
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastAttemptAt: row.last_attempt_at,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  deliveredAt: row.delivered_at,
});

/** A page of rows fetched one longer than the page: the extra row says whether another page follows. */
export function deliveryPage(rows: DeliveryRow[], pageSize: number) {
  const deliveries = rows.slice(0, pageSize).map(toDelivery);
  const last = deliveries.at(-1);
  return { deliveries, nextCursor: rows.length > pageSize && last ? last.id : null };
}

/** What a claim returns: the delivery's columns and its endpoint's sealed secret, read in the same statement. */
export const CLAIMED_COLUMNS = `${DELIVERY_COLUMNS}, (SELECT e.secret_sealed FROM webhook_endpoints e WHERE e.id = endpoint_id) AS secret_sealed`;

export type ClaimedRow = DeliveryRow & { secret_sealed: Buffer | null };

export const toClaimed = (row: ClaimedRow): ClaimedDelivery => ({
  ...toDelivery(row),
  secretSealed: row.secret_sealed,
});
