// Creating and deleting a room's guest links (rules 1, 2, 4, 5).
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppDeps, AppEnv } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { expiresAtFor, linkCreationRefusal } from '../../rules.ts';
import { linkBody, linkParams, linkResponse, roomParams } from '../../schemas.ts';
import { deriveToken, lookupHash, randomId } from '../../secrets.ts';
import type { Room } from '../../store/types.ts';
import { errorJson, json, validate } from '../../validation.ts';
import { linkView } from '../../views.ts';
import { linkContext, MANAGE, originOf, refusals, roomFor, security, tags } from './host.ts';

export function createRoomLinkRoutes(deps: AppDeps) {
  const { store, clock, config, events } = deps;
  return new Hono<AppEnv>()
    .post(
      '/:roomId/links',
      describeRoute({
        tags,
        security,
        summary: 'Create a guest link (at most 3 per room; guest access must be on)',
        responses: {
          201: json(linkResponse, 'The new link'),
          ...refusals,
          409: errorJson('link_limit_reached, guest_access_disabled or unsupported_room_type'),
        },
      }),
      validate('param', roomParams),
      validate('json', linkBody),
      async (c) => {
        const host = c.var.host;
        const room = await roomFor(deps, host, MANAGE);
        const body = c.req.valid('json');
        const id = randomId();
        const now = clock.now();
        const created = await store.transaction(async (tx) => {
          // The room's row lock orders creations across instances: the count cannot change under it.
          const current = (await tx.rooms.lockByPk(room.pk)) as Room;
          const refusal = linkCreationRefusal(current, await tx.links.countOfRoom(room.pk));
          if (refusal) throw refusal;
          const link = await tx.links.create({
            id,
            roomPk: room.pk,
            tokenHash: lookupHash(deriveToken(config.serverSecret, 'link', id)),
            name: body.name,
            maxUses: body.maxUses ?? null,
            expiresAt: expiresAtFor(now, body.durationDays),
            createdBy: host.userId,
            createdAt: now,
          });
          return { tenant: host.tenant, room: current, link };
        });
        events.publishToRoom(room.pk, { event: 'link', data: created });
        const context = linkContext(deps, created.tenant, created.room, originOf(deps, c));
        return c.json(linkView(created.link, context), 201);
      },
    )
    .delete(
      '/:roomId/links/:linkId',
      describeRoute({
        tags,
        security,
        summary: 'Delete a link for good',
        responses: { 204: { description: 'Deleted' }, ...refusals },
      }),
      validate('param', linkParams),
      async (c) => {
        const room = await roomFor(deps, c.var.host, MANAGE);
        const { linkId } = c.req.valid('param');
        const link = await store.links.get(linkId);
        const deleted =
          link?.roomPk === room.pk && (await store.transaction((tx) => tx.links.delete(linkId, clock.now())));
        if (!deleted) throw notFound('No such link in this room.');
        events.publishToRoom(room.pk, { event: 'link-deleted', data: { id: linkId } });
        return c.body(null, 204);
      },
    );
}
