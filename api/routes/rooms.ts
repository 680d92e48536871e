// Host routes (by host token, for the room in the path): the guest-access switch, links, the waiting room
// and the host's event stream.
import { type Context, Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppDeps, AppEnv } from '../app.ts';
import {
  bearerToken,
  type HostIdentity,
  type Permission,
  requirePermission,
  verifyHostToken,
} from '../auth.ts';
import { ApiError, notFound, roomNotFound } from '../errors.ts';
import type { HostEvent } from '../events.ts';
import { followRoom } from '../host-stream.ts';
import { READ_GUEST_ACCESS, READ_GUESTS } from '../permissions.ts';
import { clientAddress } from '../rate-limit.ts';
import { type Decision, decide, expiresAtFor, guestAccessRefusal, MAX_LINKS_PER_ROOM } from '../rules.ts';
import {
  guestAccessPatchBody,
  guestAccessResponse,
  guestParams,
  guestsQuery,
  guestsResponse,
  hostGuestResponse,
  linkBody,
  linkParams,
  linkResponse,
  roomParams,
} from '../schemas.ts';
import { deriveToken, lookupHash, randomId } from '../secrets.ts';
import { noStore } from '../secure-headers.ts';
import { eventStream, type StreamEvent } from '../sse.ts';
import { type Guest, PAGE_SIZE } from '../store/guests.ts';
import type { HostListRows } from '../store/index.ts';
import type { Link } from '../store/links.ts';
import type { Room } from '../store/rooms.ts';
import type { Tenant } from '../store/tenants.ts';
import { hostStreamKeys } from '../stream-limits.ts';
import { checkNow, documentedOnly, errorJson, json, validate } from '../validation.ts';
import { hostGuestView, linkView } from '../views.ts';

const MANAGE: Permission[] = ['guest-access:manage'];
const ADMIT: Permission[] = ['guests:admit'];

const security = [{ bearer: [] }];
const tags = ['host'];
const refusals = {
  401: errorJson('Missing, invalid or expired host token'),
  403: errorJson('Another room, a missing permission, or a module off (forbidden, module_disabled)'),
  404: errorJson('No such room'),
  409: errorJson('Channel room (unsupported_room_type)'),
};

export function createRoomRoutes(deps: AppDeps) {
  const { store, clock, config, events, streamSlots } = deps;

  /** The host's room, after rule 7's checks and the permission the route needs. */
  function roomFor(host: HostIdentity, permissions: Permission[]): Room {
    return checkedRoom(host, store.rooms.get(host.tenant.id, host.roomId), permissions);
  }

  /** Rule 7's checks on the host's room as read, then the permission the route needs. */
  function checkedRoom(host: HostIdentity, room: Room | undefined, permissions: Permission[]): Room {
    if (!room || room.removedAt !== null) throw roomNotFound();
    const refusal = guestAccessRefusal(host.tenant, room);
    if (refusal) throw refusal;
    requirePermission(host, permissions);
    return room;
  }

  /** Where the caller's link URLs point: the operator's origin, else the caller's own request (seen by it alone). */
  const originOf = (c: Context) => config.publicOrigin ?? new URL(c.req.url).origin;

  const linkContext = (tenant: Tenant, room: Room, origin: string) => ({
    serverSecret: config.serverSecret,
    tenant,
    room,
    origin,
    now: clock.now(),
  });

  function decideOne(room: Room, guestId: string, decision: Decision): Guest {
    // Read and decide under the write lock: a guest who left meanwhile (another process) stays gone.
    const [decided, changed] = store.transaction((): [Guest, boolean] => {
      const guest = store.guests.get(guestId);
      if (!guest || guest.roomPk !== room.pk) throw notFound('No such guest in this room.');
      const status = decide(guest.status, decision);
      if (status === guest.status) return [guest, false];
      return [store.guests.setStatus(guest, status, clock.now()), true];
    });
    if (!changed) return decided;
    events.publishToRoom(room.pk, { event: 'guest', data: hostGuestView(decided) });
    events.publishToGuest(decided.id, decided.status);
    return decided;
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
          409: errorJson('Already decided otherwise (guest_already_decided)'),
        },
      }),
      validate('param', guestParams),
    ] as const;

  /** The request's host token, verified against the tenant's current secrets; sets `host` (and `tenant`). */
  function verifyHost(c: Context<AppEnv>, issuer?: Parameters<typeof verifyHostToken>[0]['issuer']) {
    const host = verifyHostToken(
      {
        store,
        serverSecret: config.serverSecret,
        now: clock.now(),
        maxTtlSeconds: config.maxHostTokenTtlSeconds,
        onTenant: (tenant) => c.set('tenant', tenant),
        issuer,
      },
      bearerToken(c),
      c.req.param('roomId') ?? '',
    );
    c.set('host', host);
    return host;
  }

  return (
    new Hono<AppEnv>()
      // Host answers carry link URLs and guests' emails.
      .use(noStore())
      // Registered before the host-token middleware below, which therefore never runs for it: this route checks
      // the token itself with the statement that also reads the room and its links (store.hostList), so a call
      // takes one WAL read lock and no transaction. The checks keep their order: the token (401, 403 for another room),
      // then the path parameters (400), then the room (404, 403, 409).
      .get(
        '/:roomId/guest-access',
        describeRoute({
          tags,
          security,
          summary: 'The guest-access view: switch, policy, links, and the caller’s permissions',
          responses: { 200: json(guestAccessResponse, 'Guest access of the room'), ...refusals },
        }),
        documentedOnly(validate('param', roomParams)),
        (c) => {
          // The token's tenant, the room and its links in one statement: one snapshot, one WAL read lock.
          let read: HostListRows | undefined;
          const host = verifyHost(c, (tenantId) => {
            read = store.hostList.read(tenantId, c.req.param('roomId') ?? '');
            return read;
          });
          checkNow(roomParams, c.req.param());
          // Verified, so the token's room is the one in the path, the one read.
          const room = checkedRoom(host, read?.room, READ_GUEST_ACCESS);
          const rows = read?.links ?? [];
          const context = linkContext(host.tenant, room, originOf(c));
          const links = rows.map((link) => linkView(link, context));
          return c.json(
            {
              enabled: room.guestAccessEnabled,
              admission: room.admission,
              maxLinks: MAX_LINKS_PER_ROOM,
              linkCount: links.length,
              permissions: host.permissions,
              room: { id: room.id, title: room.title, type: room.type },
              links,
            },
            200,
          );
        },
      )
      .use('/:roomId/*', async (c, next) => {
        verifyHost(c);
        await next();
      })
      .patch(
        '/:roomId/guest-access',
        describeRoute({
          tags,
          security,
          summary: 'Turn guest access on or off, set the admission policy',
          responses: { 200: { description: '`{enabled, admission}`' }, ...refusals },
        }),
        validate('param', roomParams),
        validate('json', guestAccessPatchBody),
        (c) => {
          const room = roomFor(c.var.host, MANAGE);
          const access = store.transaction(() => store.rooms.setGuestAccess(room, c.req.valid('json')));
          events.publishToRoom(room.pk, { event: 'guest-access', data: access });
          return c.json(access, 200);
        },
      )
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
        (c) => {
          const host = c.var.host;
          const room = roomFor(host, MANAGE);
          const body = c.req.valid('json');
          const id = randomId();
          const now = clock.now();
          const link = store.transaction(() => {
            const current = store.rooms.byPk(room.pk) as Room;
            if (!current.guestAccessEnabled) {
              throw new ApiError('guest_access_disabled', 409, 'Turn guest access on before creating links.');
            }
            if (store.links.countOfRoom(room.pk) >= MAX_LINKS_PER_ROOM) {
              throw new ApiError(
                'link_limit_reached',
                409,
                `A room can have at most ${MAX_LINKS_PER_ROOM} guest links. Delete one to create another.`,
              );
            }
            return store.links.create({
              id,
              roomPk: room.pk,
              tokenHash: lookupHash(deriveToken(config.serverSecret, 'link', id)),
              name: body.name,
              maxUses: body.maxUses ?? null,
              expiresAt: expiresAtFor(now, body.durationDays),
              createdBy: host.userId,
              createdAt: now,
            });
          });
          const current = { tenant: host.tenant, room: { ...room, guestAccessEnabled: true }, link };
          events.publishToRoom(room.pk, { event: 'link', data: current });
          return c.json(linkView(link, linkContext(current.tenant, current.room, originOf(c))), 201);
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
        (c) => {
          const room = roomFor(c.var.host, MANAGE);
          const { linkId } = c.req.valid('param');
          const link: Link | undefined = store.links.get(linkId);
          const deleted =
            link?.roomPk === room.pk && store.transaction(() => store.links.delete(linkId, clock.now()));
          if (!deleted) throw notFound('No such link in this room.');
          events.publishToRoom(room.pk, { event: 'link-deleted', data: { id: linkId } });
          return c.body(null, 204);
        },
      )
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
        (c) => {
          const room = roomFor(c.var.host, READ_GUESTS);
          const { status, cursor } = c.req.valid('query');
          if (cursor && store.guests.get(cursor)?.roomPk !== room.pk) {
            throw new ApiError('validation_failed', 400, 'Some fields are not valid.', {
              cursor: 'Unknown cursor: pass a nextCursor this list returned.',
            });
          }
          const page = store.guests.pageOfRoom(room.pk, status, cursor);
          return c.json({ guests: page.guests.map(hostGuestView), nextCursor: page.nextCursor }, 200);
        },
      )
      .post(
        '/:roomId/guests/admit-all',
        describeRoute({
          tags,
          security,
          summary: 'Admit every waiting guest (guests:admit)',
          responses: { 200: { description: '`{guests: HostGuest[]}`, the guests admitted' }, ...refusals },
        }),
        validate('param', roomParams),
        (c) => {
          const room = roomFor(c.var.host, ADMIT);
          const admitted = store.transaction(() =>
            store.guests.admitWaiting(room.pk, clock.now()).map((id) => store.guests.get(id) as Guest),
          );
          for (const guest of admitted) {
            events.publishToRoom(room.pk, { event: 'guest', data: hostGuestView(guest) });
            events.publishToGuest(guest.id, guest.status);
          }
          return c.json({ guests: admitted.map(hostGuestView) }, 200);
        },
      )
      .post('/:roomId/guests/:guestId/admit', ...decisionRoute('admit'), (c) => {
        const room = roomFor(c.var.host, ADMIT);
        return c.json(hostGuestView(decideOne(room, c.req.valid('param').guestId, 'admit')), 200);
      })
      .post('/:roomId/guests/:guestId/deny', ...decisionRoute('deny'), (c) => {
        const room = roomFor(c.var.host, ADMIT);
        return c.json(hostGuestView(decideOne(room, c.req.valid('param').guestId, 'deny')), 200);
      })
      .post('/:roomId/guests/:guestId/remove', ...decisionRoute('remove'), (c) => {
        const room = roomFor(c.var.host, ADMIT);
        return c.json(hostGuestView(decideOne(room, c.req.valid('param').guestId, 'remove')), 200);
      })
      .get(
        '/:roomId/events',
        describeRoute({
          tags,
          security,
          summary: 'Server-Sent Events: guest, link, link-deleted, guest-access; ping as heartbeat',
          description:
            'Each event only reaches a token whose permissions the REST route with the same data needs: ' +
            '`guest` needs guests:admit (as the guest list), the others either permission (as the ' +
            'guest-access view). The stream ends at the token’s `exp`, and at once when the token or room ' +
            'stops passing the checks (secrets rotated twice, a module off, the room removed or made a ' +
            'channel): reconnect with a fresh token. By default at most 10 streams per host (tenant, user, room) and ' +
            '50 per client address are open at once; one more is refused with 429 `rate_limited` and ' +
            '`Retry-After`. HEAD answers the headers without a stream.',
          responses: {
            200: { description: 'text/event-stream' },
            ...refusals,
            429: errorJson('rate_limited: too many streams open for this host, address or server'),
          },
        }),
        validate('param', roomParams),
        (c) => {
          const host = c.var.host;
          const room = roomFor(host, READ_GUEST_ACCESS);
          const token = bearerToken(c);
          const origin = originOf(c);
          // Link events carry the link: this host's stream renders its URL (never a publisher's Host header).
          const render = (event: HostEvent): StreamEvent =>
            event.event === 'link'
              ? {
                  event: 'link',
                  data: linkView(event.data.link, linkContext(event.data.tenant, event.data.room, origin)),
                }
              : event;
          // The same checks as every host route, against the secrets and room as they are now.
          const stillAllowed = () => {
            try {
              const now = clock.now();
              const again = verifyHostToken(
                {
                  store,
                  serverSecret: config.serverSecret,
                  now,
                  maxTtlSeconds: config.maxHostTokenTtlSeconds,
                },
                token,
                host.roomId,
              );
              return roomFor(again, READ_GUEST_ACCESS).pk === room.pk;
            } catch (error) {
              if (!(error instanceof ApiError)) console.error(error);
              return false;
            }
          };
          return eventStream(c, {
            hub: events,
            heartbeatMs: config.heartbeatMs,
            slots: streamSlots,
            keys: hostStreamKeys(config, clientAddress(c, config.trustProxy), {
              ...host,
              tenantId: host.tenant.id,
            }),
            subscribe: followRoom(deps, host, room.pk, { stillAllowed, render }),
          });
        },
      )
  );
}
