// The room's guest-access view (switch, policy, links) and changing the switch or the policy.
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppDeps, AppEnv } from '../../context.ts';
import { READ_GUEST_ACCESS } from '../../permissions.ts';
import { LOBBY_MESSAGE_MAX_LENGTH, MAX_LINKS_PER_ROOM } from '../../rules.ts';
import {
  guestAccessPatchBody,
  guestAccessPatchResponse,
  guestAccessResponse,
  roomParams,
} from '../../schemas.ts';
import { json, validate } from '../../validation.ts';
import { linkView, scheduleView } from '../../views.ts';
import { recordGuestAccessChange } from '../../webhooks/record.ts';
import { linkContext, MANAGE, originOf, refusals, roomFor, security, tags } from './host.ts';

export function createGuestAccessRoutes(deps: AppDeps) {
  const { store, events } = deps;
  return new Hono<AppEnv>()
    .get(
      '/:roomId/guest-access',
      describeRoute({
        tags,
        security,
        summary: 'The guest-access view: switch, policy, links, and the caller’s permissions',
        responses: { 200: json(guestAccessResponse, 'Guest access of the room'), ...refusals },
      }),
      validate('param', roomParams),
      async (c) => {
        const host = c.var.host;
        const room = await roomFor(deps, host, READ_GUEST_ACCESS);
        const context = linkContext(deps, host.tenant, room, originOf(deps, c));
        const links = (await store.links.listOfRoom(room.pk)).map((link) => linkView(link, context));
        return c.json(
          {
            enabled: room.guestAccessEnabled,
            admission: room.admission,
            lobbyMessage: room.lobbyMessage,
            maxLinks: MAX_LINKS_PER_ROOM,
            linkCount: links.length,
            permissions: host.permissions,
            room: { id: room.id, type: room.type, ...scheduleView(room) },
            links,
          },
          200,
        );
      },
    )
    .patch(
      '/:roomId/guest-access',
      describeRoute({
        tags,
        security,
        summary: 'Turn guest access on or off, set the admission policy and the lobby message',
        description: `\`lobbyMessage\`: shown to waiting guests, at most ${LOBBY_MESSAGE_MAX_LENGTH} characters; null or empty clears it.`,
        responses: {
          200: json(guestAccessPatchResponse, '`{enabled, admission, lobbyMessage}`'),
          ...refusals,
        },
      }),
      validate('param', roomParams),
      validate('json', guestAccessPatchBody),
      async (c) => {
        const room = await roomFor(deps, c.var.host, MANAGE);
        const { access, changed } = await store.transaction(async (tx) => {
          // Read under the row's lock, so a change made meanwhile counts as the state before this one.
          const before = (await tx.rooms.lockByPk(room.pk)) ?? room;
          const after = await tx.rooms.setGuestAccess(before, c.req.valid('json'));
          const same =
            after.enabled === before.guestAccessEnabled &&
            after.admission === before.admission &&
            after.lobbyMessage === before.lobbyMessage;
          // A PATCH that changes nothing tells no one: no webhook, no event to the hosts and guests.
          if (same) return { access: after, changed: false };
          return {
            access: await recordGuestAccessChange(tx, room.pk, after, deps.clock.now()),
            changed: true,
          };
        });
        if (changed) events.publishToRoom(room.pk, { event: 'guest-access', data: access });
        return c.json(access, 200);
      },
    );
}
