// Admin webhook routes (under /v1/admin, behind its API-key check): the tenant's endpoints and their deliveries.
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import {
  deliveriesQuery,
  deliveriesResponse,
  MAX_WEBHOOK_ENDPOINTS,
  webhooksBody,
  webhooksResponse,
} from '../schemas.ts';
import { decryptCached, encrypt, randomId } from '../secrets.ts';
import { noStore } from '../secure-headers.ts';
import { DELIVERY_PAGE_SIZE } from '../store/contract.ts';
import type { Tenant, WebhookDelivery, WebhookEndpoint } from '../store/types.ts';
import { errorJson, json, validate } from '../validation.ts';
import { iso } from '../views.ts';
import { newWebhookSecret } from '../webhooks/deliver.ts';
import { targetRefusal } from '../webhooks/targets.ts';

const security = [{ bearer: [] }];
const tags = ['admin'];

export function createAdminWebhookRoutes({ store, clock, config }: AppDeps) {
  const tenantOf = (c: { get(key: 'tenant'): Tenant | undefined }) => c.get('tenant') as Tenant;
  const endpointView = (endpoint: WebhookEndpoint) => ({
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events,
    secret: decryptCached(config.serverSecret, endpoint.secretSealed),
    createdAt: iso(endpoint.createdAt) as string,
  });
  const deliveryView = (delivery: WebhookDelivery) => ({
    id: String(delivery.id),
    messageId: delivery.messageId,
    type: delivery.type,
    url: delivery.url,
    roomId: delivery.roomId,
    status: delivery.status,
    attempts: delivery.attempts,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    createdAt: iso(delivery.createdAt) as string,
    lastAttemptAt: iso(delivery.lastAttemptAt),
    nextAttemptAt: iso(delivery.nextAttemptAt),
    deliveredAt: iso(delivery.deliveredAt),
  });
  const endpointsOf = async (tenantId: string) => ({
    endpoints: (await store.webhooks.endpointsOf(tenantId)).map(endpointView),
  });

  return new Hono<AppEnv>()
    .use(noStore())
    .get(
      '/',
      describeRoute({
        tags,
        security,
        summary: 'The webhook endpoints, with their secrets',
        responses: { 200: json(webhooksResponse, 'The endpoints'), 401: errorJson('Bad API key') },
      }),
      async (c) => c.json(await endpointsOf(tenantOf(c).id), 200),
    )
    .put(
      '/',
      describeRoute({
        tags,
        security,
        summary: 'Set the webhook endpoints',
        description:
          `Replaces the tenant's endpoints (at most ${MAX_WEBHOOK_ENDPOINTS}) with \`endpoints: [{url, events}]\`. ` +
          'An endpoint whose URL was already set keeps its id and `whsec_` secret (only its events change); a new ' +
          'URL gets a new secret; the pending deliveries of a URL left out fail as `endpoint removed`. URLs on ' +
          'loopback, private, link-local or shared (CGNAT) addresses are refused unless the server runs with ' +
          '`GUEST_ACCESS_WEBHOOK_ALLOW_PRIVATE=1`.',
        responses: {
          200: json(webhooksResponse, 'The endpoints as set'),
          400: errorJson('Invalid fields, each named in `fields` (e.g. `endpoints.0.url`)'),
          401: errorJson('Bad API key'),
        },
      }),
      validate('json', webhooksBody),
      async (c) => {
        const tenant = tenantOf(c);
        const { endpoints } = c.req.valid('json');
        const refused: Record<string, string> = {};
        endpoints.forEach((endpoint, index) => {
          const refusal = targetRefusal(endpoint.url, config.webhooks.allowPrivate);
          if (refusal) refused[`endpoints.${index}.url`] = refusal;
        });
        if (Object.keys(refused).length > 0)
          throw new ApiError('validation_failed', 400, 'Some fields are not valid.', refused);
        const now = clock.now();
        await store.transaction(async (tx) => {
          const existing = new Map((await tx.webhooks.endpointsOf(tenant.id)).map((e) => [e.url, e]));
          await tx.webhooks.replaceEndpoints(
            tenant.id,
            endpoints.map(({ url, events }) => {
              const kept = existing.get(url);
              return kept
                ? { ...kept, events }
                : {
                    id: `we_${randomId()}`,
                    tenantId: tenant.id,
                    url,
                    events,
                    secretSealed: encrypt(config.serverSecret, newWebhookSecret()),
                    createdAt: now,
                  };
            }),
          );
        });
        // In the order sent (GET lists oldest first).
        const order = endpoints.map((endpoint) => endpoint.url);
        const { endpoints: set } = await endpointsOf(tenant.id);
        set.sort((a, b) => order.indexOf(a.url) - order.indexOf(b.url));
        return c.json({ endpoints: set }, 200);
      },
    )
    .get(
      '/deliveries',
      describeRoute({
        tags,
        security,
        summary: 'Webhook deliveries, newest first, a page at a time',
        description:
          `Up to ${DELIVERY_PAGE_SIZE} deliveries (one per event and endpoint) with their status, attempts and the ` +
          'last status code or error; `nextCursor`, passed back as `cursor`, gives the next (older) page.',
        responses: {
          200: json(deliveriesResponse, 'A page of deliveries'),
          400: errorJson('Invalid status or cursor'),
          401: errorJson('Bad API key'),
        },
      }),
      validate('query', deliveriesQuery),
      async (c) => {
        const { status, cursor } = c.req.valid('query');
        const page = await store.webhooks.deliveriesOf(
          tenantOf(c).id,
          status,
          cursor === undefined ? undefined : Number(cursor),
        );
        return c.json(
          {
            deliveries: page.deliveries.map(deliveryView),
            nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
          },
          200,
        );
      },
    );
}
