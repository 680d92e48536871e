// The waiting room and the guest history: the room's guests a page at a time (as JSON or CSV), and admitting,
// denying and removing them (rules 10, 6).
import { type Context, Hono } from 'hono';
import { accepts } from 'hono/accepts';
import { describeRoute } from 'hono-openapi';
import type { HostIdentity } from '../../auth.ts';
import type { AppDeps, AppEnv } from '../../context.ts';
import { notFound } from '../../errors.ts';
import type { EventHub } from '../../events.ts';
import { guestCsvStream } from '../../guest-csv.ts';
import { READ_GUESTS } from '../../permissions.ts';
import { admitRefusal, type Decision, decide } from '../../rules.ts';
import { guestParams, guestsQuery, guestsResponse, hostGuestResponse, roomParams } from '../../schemas.ts';
import { PAGE_SIZE } from '../../store/contract.ts';
import type { Guest, GuestFilter, Room } from '../../store/types.ts';
import { errorJson, json, validate } from '../../validation.ts';
import { hostGuestView } from '../../views.ts';
import { recordGuestEvent } from '../../webhooks/record.ts';
import { ADMIT, refusals, roomFor, security, tags } from './host.ts';

/** A guest's new status, to the room's hosts and to the guest (whose stream ends on a final one). */
export function announceGuest(events: EventHub, guest: Guest) {
  events.publishToRoom(guest.roomPk, { event: 'guest', data: hostGuestView(guest) });
  events.publishToGuest(guest.id, guest.status);
}

/**
 * CSV where the path ends in `.csv` or the client prefers it (`Accept: text/csv`), by the Accept header's
 * weights: `text/csv;q=0` refuses CSV, and `application/json, text/csv;q=0.5` prefers JSON.
 */
const wantsCsv = (c: Context) =>
  accepts(c, {
    header: 'Accept',
    supports: ['application/json', 'text/csv'],
    default: 'application/json',
  }) === 'text/csv';

export function createGuestListRoutes(deps: AppDeps) {
  const { store, clock, events } = deps;
  const announce = (guest: Guest) => announceGuest(events, guest);

  async function decideOne(
    host: HostIdentity,
    room: Room,
    guestId: string,
    decision: Decision,
  ): Promise<Guest> {
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
          await tx.guests.setStatus(current, status, clock.now(), host.userId),
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
    hostGuestView(await decideOne(host, await roomFor(deps, host, ADMIT), guestId, decision));

  const historyRoute = (csvOnly: boolean) =>
    [
      describeRoute({
        tags,
        security,
        summary: csvOnly
          ? 'The guest history as CSV (guests:admit)'
          : 'Guests of the room, newest first, a page at a time: the waiting room and the history (guests:admit)',
        description: csvOnly
          ? 'The same guests as `GET …/guests` with the same filters, every page from `cursor` on, as CSV.'
          : `Every guest ever (waiting, admitted, denied, left, removed), optionally of one \`status\` and/or ` +
            `one \`linkId\` (deleted links too). Up to ${PAGE_SIZE} guests; \`nextCursor\`, passed back as ` +
            '`cursor` with the same filters, gives the next (older) page. With `Accept: text/csv` (or the ' +
            '`.csv` path) the whole history as CSV: UTF-8 with a BOM, RFC 4180, times in ISO 8601 UTC, cells ' +
            'beginning with = + - @, tab or CR prefixed with an apostrophe so spreadsheets do not run them.',
        responses: {
          200: {
            ...(csvOnly ? { description: 'CSV' } : json(guestsResponse, 'A page of guests')),
            content: {
              ...(csvOnly ? {} : json(guestsResponse, '').content),
              'text/csv': { schema: { type: 'string' as const } },
            },
          },
          ...refusals,
          400: errorJson('A filter or cursor that is not valid (validation_failed)'),
        },
      }),
      validate('param', roomParams),
      validate('query', guestsQuery),
    ] as const;

  /** The room's guests by the query's filters: a JSON page, or the whole history from the cursor on as CSV. */
  async function history(
    c: Context<AppEnv>,
    roomId: string,
    query: GuestFilter & { cursor?: string },
    csv: boolean,
  ) {
    const room = await roomFor(deps, c.var.host, READ_GUESTS);
    const { cursor, ...filter } = query;
    const page = await store.guests.pageOfRoom(room.pk, filter, cursor);
    if (!csv) return c.json({ guests: page.guests.map(hostGuestView), nextCursor: page.nextCursor }, 200);
    const body = guestCsvStream(page, (next) => store.guests.pageOfRoom(room.pk, filter, next));
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="guests-${roomId}.csv"`,
    });
  }

  return new Hono<AppEnv>()
    .get('/:roomId/guests', ...historyRoute(false), (c) =>
      history(c, c.req.valid('param').roomId, c.req.valid('query'), wantsCsv(c)),
    )
    .get('/:roomId/guests.csv', ...historyRoute(true), (c) =>
      history(c, c.req.valid('param').roomId, c.req.valid('query'), true),
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
          return recordGuestEvent(
            tx,
            await tx.guests.admitWaiting(room.pk, clock.now(), c.var.host.userId),
            clock.now(),
          );
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
