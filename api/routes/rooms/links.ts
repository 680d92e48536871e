// A room's guest links: creating, editing (name, limit, expiry, pause, admission), rotating and deleting them
// (rules 1, 2, 4, 5, 6). Each change reaches the hosts' event streams as the link (or its deletion).
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { requirePermission } from '../../auth.ts';
import type { AppDeps, AppEnv } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { linkCreationRefusal, maxUsesBelowUses, requestedExpiry } from '../../rules.ts';
import {
  linkBody,
  linkDeleteQuery,
  linkParams,
  linkPatchBody,
  linkResponse,
  roomParams,
} from '../../schemas.ts';
import { linkToken, lookupHash, randomId } from '../../secrets.ts';
import type { Tables } from '../../store/contract.ts';
import type { Link, Room } from '../../store/types.ts';
import { errorJson, json, validate } from '../../validation.ts';
import { linkView } from '../../views.ts';
import { recordGuestEvent } from '../../webhooks/record.ts';
import { announceGuest } from './guests.ts';
import { ADMIT, linkContext, MANAGE, originOf, refusals, roomFor, security, tags } from './host.ts';

const noSuchLink = () => notFound('No such link in this room.');

export function createRoomLinkRoutes(deps: AppDeps) {
  const { store, clock, config, events } = deps;

  /** The hash of the token a link id (or a rotation's fresh id) derives. */
  const tokenHashOf = (tokenId: string) => lookupHash(linkToken(config.serverSecret, tokenId));

  /** The room's link not deleted, read in the transaction, or 404. */
  async function linkOfRoom(tx: Tables, room: Room, linkId: string): Promise<Link> {
    const link = await tx.links.get(linkId);
    if (!link || link.roomPk !== room.pk || link.deletedAt !== null) throw noSuchLink();
    return link;
  }

  /** Tells every host stream of the room, then answers the link as this caller sees it. */
  const answerLink = (c: Parameters<typeof originOf>[1], room: Room, link: Link) => {
    const tenant = c.var.host.tenant;
    events.publishToRoom(room.pk, { event: 'link', data: { tenant, room, link } });
    return linkView(link, linkContext(deps, tenant, room, originOf(deps, c)));
  };

  const linkResponses = (summary: string) => ({
    200: json(linkResponse, summary),
    ...refusals,
    404: errorJson('No such room, or no such link in it (deleted links are gone)'),
  });

  return new Hono<AppEnv>()
    .post(
      '/:roomId/links',
      describeRoute({
        tags,
        security,
        summary: 'Create a guest link (at most 3 per room; guest access must be on)',
        description:
          'Expiry: `durationDays` (from now) or `expiresAt` (an instant at most 365 days ahead), not both. ' +
          '`admission`: `room` (default, follow the room’s policy), `moderator` or `auto`.',
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
        const expiresAt = requestedExpiry(body, now) ?? null;
        const created = await store.transaction(async (tx) => {
          // The room's row lock orders creations across instances: the count cannot change under it.
          const current = (await tx.rooms.lockByPk(room.pk)) as Room;
          const refusal = linkCreationRefusal(current, await tx.links.countOfRoom(room.pk));
          if (refusal) throw refusal;
          const link = await tx.links.create({
            id,
            roomPk: room.pk,
            tokenHash: tokenHashOf(id),
            name: body.name,
            maxUses: body.maxUses ?? null,
            expiresAt,
            createdBy: host.userId,
            createdAt: now,
            admission: body.admission,
          });
          return { room: current, link };
        });
        return c.json(answerLink(c, created.room, created.link), 201);
      },
    )
    .patch(
      '/:roomId/links/:linkId',
      describeRoute({
        tags,
        security,
        summary: 'Edit a link: name, number of clicks, expiry, paused, admission',
        description:
          'Fields left out stay. `maxUses`: null for unlimited, else at least the uses so far (409 ' +
          '`max_uses_below_uses`). Expiry: `durationDays` (counted from now) or `expiresAt` (an instant, ' +
          'null for never), not both (400). `paused: true` makes the link answer like an invalid one (410) ' +
          'until resumed; guests already in stay, and it still counts toward the 3 links. An expired or used-up ' +
          'link given a later expiry or a higher limit works again.',
        responses: {
          ...linkResponses('The link after the edit'),
          409: errorJson('max_uses_below_uses, or a channel room (unsupported_room_type)'),
        },
      }),
      validate('param', linkParams),
      validate('json', linkPatchBody),
      async (c) => {
        const room = await roomFor(deps, c.var.host, MANAGE);
        const { linkId } = c.req.valid('param');
        const { durationDays, expiresAt, ...fields } = c.req.valid('json');
        const changes = { ...fields, expiresAt: requestedExpiry({ durationDays, expiresAt }, clock.now()) };
        const link = await store.transaction(async (tx) => {
          await linkOfRoom(tx, room, linkId);
          const updated = await tx.links.update(linkId, changes);
          if (updated) return updated;
          // Refused by the limit (uses only grow, so this read says by how much), or deleted meanwhile.
          throw maxUsesBelowUses((await linkOfRoom(tx, room, linkId)).uses);
        });
        return c.json(answerLink(c, room, link), 200);
      },
    )
    .post(
      '/:roomId/links/:linkId/rotate',
      describeRoute({
        tags,
        security,
        summary: 'A new token and URL for a link, with the same name, settings and uses',
        description:
          'The old URL answers 410 `link_unavailable` at once, as an unknown token does (it names no room). ' +
          'Guests who came through it stay.',
        responses: linkResponses('The link with its new URL'),
      }),
      validate('param', linkParams),
      async (c) => {
        const room = await roomFor(deps, c.var.host, MANAGE);
        const { linkId } = c.req.valid('param');
        const tokenId = randomId();
        const link = await store.transaction(async (tx) => {
          await linkOfRoom(tx, room, linkId);
          // Undefined only when another request deleted it meanwhile.
          const rotated = await tx.links.rotate(linkId, tokenId, tokenHashOf(tokenId));
          if (!rotated) throw noSuchLink();
          return rotated;
        });
        return c.json(answerLink(c, room, link), 200);
      },
    )
    .delete(
      '/:roomId/links/:linkId',
      describeRoute({
        tags,
        security,
        summary: 'Delete a link for good; with removeGuests=true also remove everyone who came through it',
        description:
          'Without `removeGuests`, guests already in stay until they refresh (rule 6). With ' +
          '`removeGuests=true` every waiting or admitted guest of the link is removed at once, as by ' +
          '`POST …/guests/:guestId/remove` (needs `guests:admit` as well): their streams end and hosts see them removed.',
        responses: { 204: { description: 'Deleted' }, ...refusals },
      }),
      validate('param', linkParams),
      validate('query', linkDeleteQuery),
      async (c) => {
        const host = c.var.host;
        const removeGuests = c.req.valid('query').removeGuests === true;
        const room = await roomFor(deps, host, MANAGE);
        if (removeGuests) requirePermission(host, ADMIT);
        const { linkId } = c.req.valid('param');
        const now = clock.now();
        const removed = await store.transaction(async (tx) => {
          await linkOfRoom(tx, room, linkId);
          // False only when another request deleted it meanwhile: that one answered 204.
          if (!(await tx.links.delete(linkId, now))) throw noSuchLink();
          return removeGuests
            ? recordGuestEvent(tx, await tx.guests.removeOfLink(linkId, now, host.userId), now)
            : [];
        });
        events.publishToRoom(room.pk, { event: 'link-deleted', data: { id: linkId } });
        for (const guest of removed) announceGuest(events, guest);
        return c.body(null, 204);
      },
    );
}
