// The waiting room: the room's guests a page at a time, and admitting, denying and removing them (rules 10, 6).
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { HostIdentity } from '../../auth.ts';
import type { AppDeps, AppEnv } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { READ_GUESTS } from '../../permissions.ts';
import { admitRefusal, type Decision, decide } from '../../rules.ts';
import { guestParams, guestsQuery, guestsResponse, hostGuestResponse, roomParams } from '../../schemas.ts';
import { PAGE_SIZE } from '../../store/contract.ts';
import type { Guest, Room } from '../../store/types.ts';
import { errorJson, json, validate } from '../../validation.ts';
import { hostGuestView } from '../../views.ts';
import { recordGuestEvent } from '../../webhooks/record.ts';
import { ADMIT, refusals, roomFor, security, tags } from './host.ts';

export function createGuestListRoutes(deps: AppDeps) {
  const { store, clock, events } = deps;

  const announce = (guest: Guest) => {
    events.publishToRoom(guest.roomPk, { event: 'guest', data: hostGuestView(guest) });
    events.publishToGuest(guest.id, guest.status);
  };

  async function decideOne(room: Room, guestId: string, decision: Decision): Promise<Guest> {
    // Read and decide under the guest's lock: a guest who left meanwhile (another instance) stays gone.
    const { guest, changed } = await store.transaction(async (tx) => {
      // Admitting needs guest access on, checked under the room's lock (a switch turned off meanwhile counts).
      const refusal = decision === 'admit' && admitRefusal((await tx.rooms.lockByPk(room.pk)) as Room);
      if (refusal) throw refusal;
      const current = await tx.guests.lock(guestId);
      if (!current || current.roomPk !== room.pk) throw notFound('No such guest in this room.');
      const status = decide(current.status, decision);
      if (status === current.status) return { guest: current, changed: false };
      return {
        guest: await recordGuestEvent(
          tx,
          await tx.guests.setStatus(current, status, clock.now()),
          clock.now(),
        ),
        changed: true,
      };
    });
    if (changed) announce(guest);
    return guest;
  }

  const decisionRoute = (decision: Decision) =>
    [
      describeRoute({
        tags,
        security,
        summary: `${decision[0]?.toUpperCase()}${decision.slice(1)} one guest (guests:admit)`,
        responses: {
          200: json(hostGuestResponse, 'The guest'),
          ...refusals,
          409: errorJson(
            'Already decided otherwise (guest_already_decided); admit while guest access is off (guest_access_disabled)',
          ),
        },
      }),
      validate('param', guestParams),
    ] as const;

  /** The decision on one guest of the host's room, as the host sees the guest after it. */
  const decided = async (host: HostIdentity, guestId: string, decision: Decision) =>
    hostGuestView(await decideOne(await roomFor(deps, host, ADMIT), guestId, decision));

  return new Hono<AppEnv>()
    .get(
      '/:roomId/guests',
      describeRoute({
        tags,
        security,
        summary: 'Guests of the room, newest first, a page at a time (guests:admit)',
        description: `Up to ${PAGE_SIZE} guests; \`nextCursor\`, passed back as \`cursor\`, gives the next (older) page.`,
        responses: { 200: json(guestsResponse, 'A page of guests'), ...refusals },
      }),
      validate('param', roomParams),
      validate('query', guestsQuery),
      async (c) => {
        const room = await roomFor(deps, c.var.host, READ_GUESTS);
        const { status, cursor } = c.req.valid('query');
        const page = await store.guests.pageOfRoom(room.pk, status, cursor);
        return c.json({ guests: page.guests.map(hostGuestView), nextCursor: page.nextCursor }, 200);
      },
    )
    .post(
      '/:roomId/guests/admit-all',
      describeRoute({
        tags,
        security,
        summary: 'Admit every waiting guest (guests:admit)',
        responses: {
          200: { description: '`{guests: HostGuest[]}`, the guests admitted' },
          ...refusals,
          409: errorJson('Guest access is off (guest_access_disabled), or a channel room'),
        },
      }),
      validate('param', roomParams),
      async (c) => {
        const room = await roomFor(deps, c.var.host, ADMIT);
        const admitted = await store.transaction(async (tx) => {
          const refusal = admitRefusal((await tx.rooms.lockByPk(room.pk)) as Room);
          if (refusal) throw refusal;
          return recordGuestEvent(tx, await tx.guests.admitWaiting(room.pk, clock.now()), clock.now());
        });
        for (const guest of admitted) announce(guest);
        return c.json({ guests: admitted.map(hostGuestView) }, 200);
      },
    )
    .post('/:roomId/guests/:guestId/admit', ...decisionRoute('admit'), async (c) =>
      c.json(await decided(c.var.host, c.req.valid('param').guestId, 'admit'), 200),
    )
    .post('/:roomId/guests/:guestId/deny', ...decisionRoute('deny'), async (c) =>
      c.json(await decided(c.var.host, c.req.valid('param').guestId, 'deny'), 200),
    )
    .post('/:roomId/guests/:guestId/remove', ...decisionRoute('remove'), async (c) =>
      c.json(await decided(c.var.host, c.req.valid('param').guestId, 'remove'), 200),
    );
}
