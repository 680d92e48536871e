// Admin routes (server to server, by the tenant's API key): the tenant's settings and its rooms.
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { bearerToken, rotateSigningSecret, tenantFromApiKey } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { roomNotFound } from '../errors.ts';
import { eraseGuestsByEmail } from '../retention.ts';
import { roomFields } from '../rules.ts';
import {
  adminRoomResponse,
  ERASURE_EMAIL_MESSAGE,
  guestErasureQuery,
  guestErasureResponse,
  roomBody,
  roomParams,
  tenantPatchBody,
  tenantResponse,
} from '../schemas.ts';
import type { Tenant } from '../store/types.ts';
import { errorJson, json, validate } from '../validation.ts';
import { adminRoomView, tenantView } from '../views.ts';
import { createAdminWebhookRoutes } from './admin-webhooks.ts';

const security = [{ bearer: [] }];
const tags = ['admin'];

export function createAdminRoutes(deps: AppDeps) {
  const { store, clock, config, events } = deps;
  const tenantOf = (c: { get(key: 'tenant'): Tenant | undefined }) => c.get('tenant') as Tenant;

  return new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('tenant', await tenantFromApiKey(store, bearerToken(c)));
      await next();
    })
    .route('/webhooks', createAdminWebhookRoutes(deps))
    .get(
      '/tenant',
      describeRoute({
        tags,
        security,
        summary: 'Read the tenant',
        responses: { 200: json(tenantResponse, 'The tenant'), 401: errorJson('Bad API key') },
      }),
      (c) => c.json(tenantView(tenantOf(c)), 200),
    )
    .patch(
      '/tenant',
      describeRoute({
        tags,
        security,
        summary: 'Change the tenant',
        responses: { 200: json(tenantResponse, 'The tenant'), 400: errorJson('Invalid fields') },
      }),
      validate('json', tenantPatchBody),
      async (c) => {
        const tenant = tenantOf(c);
        await store.transaction((tx) => tx.tenants.update(tenant, c.req.valid('json')));
        events.publishTenantChanged(tenant.id);
        return c.json(tenantView((await store.tenants.get(tenant.id)) as Tenant), 200);
      },
    )
    .post(
      '/tenant/signing-secrets',
      describeRoute({
        tags,
        security,
        summary: 'Rotate the signing secret',
        description:
          'Creates a new signing secret for host tokens. The current one stays valid until the next rotation, ' +
          'so token minting can move to the new secret without downtime.',
        responses: { 201: { description: '`{signingSecret}`' } },
      }),
      async (c) => {
        const signingSecret = await rotateSigningSecret(store, config.serverSecret, tenantOf(c).id);
        // Tokens signed with the secret this rotation retired stop working, their streams too.
        events.publishTenantChanged(tenantOf(c).id);
        return c.json({ signingSecret }, 201);
      },
    )
    .put(
      '/rooms/:roomId',
      describeRoute({
        tags,
        security,
        summary: 'Create or update a room',
        responses: {
          200: json(adminRoomResponse, 'Updated'),
          201: json(adminRoomResponse, 'Created'),
          400: errorJson('Invalid fields'),
        },
      }),
      validate('param', roomParams),
      validate('json', roomBody),
      async (c) => {
        const tenant = tenantOf(c);
        const { roomId } = c.req.valid('param');
        const fields = roomFields(c.req.valid('json'));
        const existed = (await store.rooms.get(tenant.id, roomId))?.removedAt === null;
        const room = await store.transaction((tx) => tx.rooms.put(tenant.id, roomId, fields, clock.now()));
        // A room made a channel ends its host streams.
        events.publishTenantChanged(tenant.id);
        return c.json(adminRoomView(room), existed ? 200 : 201);
      },
    )
    .delete(
      '/rooms/:roomId',
      describeRoute({
        tags,
        security,
        summary: 'Remove a room; its links become invalid for good',
        responses: { 204: { description: 'Removed' }, 404: errorJson('No such room') },
      }),
      validate('param', roomParams),
      async (c) => {
        const room = await store.rooms.get(tenantOf(c).id, c.req.valid('param').roomId);
        if (!room || room.removedAt !== null) throw roomNotFound();
        const deletedLinks = await store.transaction(async (tx) => {
          const links = await tx.links.listOfRoom(room.pk);
          await tx.rooms.remove(room, clock.now());
          await tx.links.deleteOfRoom(room.pk, clock.now());
          return links;
        });
        for (const link of deletedLinks)
          events.publishToRoom(room.pk, { event: 'link-deleted', data: { id: link.id } });
        events.publishTenantChanged(room.tenantId);
        return c.body(null, 204);
      },
    )
    .delete(
      '/guests',
      describeRoute({
        tags,
        security,
        summary:
          'Erase one person’s data: the name and email of every guest record of the tenant with this email',
        description:
          'For a request under privacy law. The email matches in any letter case; the records stay (for ' +
          'counts) with empty name and email and `erasedAt` set. Answers how many records were erased (0 ' +
          'when none, or already erased). URL-encode the email in the query: a bare `+` reads as a space, so ' +
          '`ada+news@example.com` is sent as `ada%2Bnews%40example.com`; a value that is not an email address ' +
          'is refused (400) rather than matching nobody.',
        responses: {
          200: json(guestErasureResponse, '`{erased}`'),
          400: errorJson('No email, or not a valid (URL-encoded) email address (validation_failed)'),
          401: errorJson('Bad API key'),
        },
      }),
      validate('query', guestErasureQuery, ERASURE_EMAIL_MESSAGE),
      async (c) => {
        const { email } = c.req.valid('query');
        const erased = await eraseGuestsByEmail(store, tenantOf(c).id, email, clock.now());
        return c.json({ erased }, 200);
      },
    );
}
