// Guest routes (by guest-session token): the re-validated session, its status stream, and leaving.
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { bearerToken, guestFromSession } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { lobbyOf } from '../lobby.ts';
import { createLobbyFeeds, LOBBY_EVENTS } from '../lobby-feed.ts';
import { clientAddress } from '../rate-limit.ts';
import { guestContext, linkUnavailable } from '../redemption.ts';
import { isFinal, isLinkUsable, knockRefusal } from '../rules.ts';
import { guestSessionResponse } from '../schemas.ts';
import { noStore } from '../secure-headers.ts';
import { eventStream, notListeningResponse } from '../sse.ts';
import type { Guest, Room } from '../store/types.ts';
import { guestStreamKeys } from '../stream-limits.ts';
import { errorJson, json } from '../validation.ts';
import { guestRoomView, hostGuestView, knockView, publicGuestView } from '../views.ts';
import { recordGuestEvent } from '../webhooks/record.ts';

const security = [{ bearer: [] }];
const tags = ['guest'];

export function createGuestRoutes({ store, clock, config, events, streamSlots, presence, logger }: AppDeps) {
  const lobbies = createLobbyFeeds(store, logger);
  /** The session as the guest sees it now: status, room, lobby (while waiting), and whether they may ask again. */
  const sessionView = async (guest: Guest, room: Room) => ({
    guest: publicGuestView(guest),
    room: guestRoomView(room, guest.status),
    lobby: await lobbyOf(store, guest),
    knock: knockView(guest, clock.now()),
  });

  return new Hono<AppEnv>()
    .use(noStore())
    .use(async (c, next) => {
      const guest = await guestFromSession(store, bearerToken(c));
      const context = await guestContext(store, guest);
      c.set('guest', guest);
      c.set('guestContext', context);
      c.set('tenant', context.tenant);
      await next();
    })
    .get(
      '/session',
      describeRoute({
        tags,
        security,
        summary: 'The guest’s status and room, re-validated on every call (rules 6 and 9)',
        description: 'A denied, removed or departed guest gets that status rather than 410.',
        responses: {
          200: json(guestSessionResponse, 'The session'),
          401: errorJson('Unknown session'),
          410: errorJson(
            'link_unavailable: the link was deleted, expired, access turned off or room removed',
          ),
        },
      }),
      async (c) => {
        const { guest, guestContext: context } = c.var;
        // Rule 9: a returning guest is never blocked by the use limit.
        if (!isFinal(guest.status) && !isLinkUsable(context, clock.now(), false)) {
          throw linkUnavailable(context.room);
        }
        return c.json(await sessionView(guest, context.room), 200);
      },
    )
    .post(
      '/session/knock',
      describeRoute({
        tags,
        security,
        summary: 'Ask again: a denied guest waits once more (no new use), at most 3 times, 60 s apart',
        description:
          'Hosts see the guest waiting again with `knocks` counted. Refused with 429 `rate_limited` (with ' +
          '`Retry-After` while the 60 s run) and 409 `guest_already_decided` unless the guest is denied.',
        responses: {
          200: json(guestSessionResponse, 'The session, waiting again'),
          401: errorJson('Unknown session'),
          409: errorJson('guest_already_decided: only a denied guest can ask again'),
          410: errorJson('link_unavailable: the link or guest access is gone'),
          429: errorJson('rate_limited: asked 3 times already, or less than 60 s ago (see Retry-After)'),
        },
      }),
      async (c) => {
        const context = c.var.guestContext;
        const now = clock.now();
        // Knocking re-enters the lobby, so the link must still let a returning guest in (rule 9).
        if (!isLinkUsable(context, now, false)) throw linkUnavailable(context.room);
        const guest = await store.transaction(async (tx) => {
          const current = (await tx.guests.lock(c.var.guest.id)) as Guest;
          const refusal = knockRefusal(current, now);
          if (refusal) throw refusal;
          return recordGuestEvent(tx, await tx.guests.knock(current, now), now);
        });
        events.publishToRoom(guest.roomPk, { event: 'guest', data: hostGuestView(guest) });
        events.publishToGuest(guest.id, guest.status);
        return c.json(await sessionView(guest, context.room), 200);
      },
    )
    .get(
      '/events',
      describeRoute({
        tags,
        security,
        summary:
          'Server-Sent Events: `status` now and on every change, `lobby` while waiting; ends once the guest is turned away or left',
        description:
          'The open stream is the guest’s presence (hosts see `online`); a waiting guest with none open for the lobby ' +
          'grace (GUEST_ACCESS_LOBBY_GRACE_S, default 60 s) becomes `left`. While waiting, `lobby` events carry ' +
          '`{message, position, hostPresent}` now and whenever one changes. By default at most 3 streams per guest session (and 50 per client address) are open at once; one more is ' +
          'refused with 429 `rate_limited` and `Retry-After`. HEAD answers the headers without a stream.',
        responses: {
          200: { description: 'text/event-stream' },
          401: errorJson('Unknown session'),
          429: errorJson('rate_limited: too many streams open for this session, address or server'),
          ...notListeningResponse,
        },
      }),
      (c) => {
        const guest = c.var.guest;
        return eventStream(c, {
          hub: events,
          logger,
          heartbeatMs: config.heartbeatMs,
          slots: streamSlots,
          keys: guestStreamKeys(config, clientAddress(c, config.trustProxy), guest.id),
          subscribe: async ({ send, end }) => {
            let heard = false;
            let status = guest.status;
            const lobby = lobbies.follow(guest.roomPk, guest.id, send);
            const unsubscribe = events.subscribeToGuest(guest.id, (event) => {
              heard = true;
              if (event.event === 'resync') return end();
              status = event.data.status;
              send(event);
              if (isFinal(status)) end();
              else lobby.refresh();
            });
            // A change in the room (a guest ahead decided, the message, a host arriving) may move the lobby.
            const unsubscribeRoom = events.subscribeToRoom(guest.roomPk, (event) => {
              if (status === 'waiting' && LOBBY_EVENTS.has(event.event)) lobby.refresh();
            });
            let disconnect = () => {};
            const stop = () => {
              lobby.stop();
              unsubscribe();
              unsubscribeRoom();
              disconnect();
            };
            let current: Guest | undefined;
            try {
              // This stream is the guest's presence: online while it is open.
              disconnect = await presence.guestConnected(guest.id);
              // The current status first: a decision may have come before the stream opened (unless one came
              // while it was read, which is newer).
              current = await store.guests.get(guest.id);
            } catch (error) {
              stop();
              throw error;
            }
            if (!heard && current) {
              status = current.status;
              send({ event: 'status', data: { status: current.status } });
              if (isFinal(current.status)) end();
              else lobby.refresh();
            }
            return stop;
          },
        });
      },
    )
    .delete(
      '/session',
      describeRoute({
        tags,
        security,
        summary: 'Leave: the guest’s status becomes left',
        responses: { 204: { description: 'Left' }, 401: errorJson('Unknown session') },
      }),
      async (c) => {
        // Read and check under the guest's lock: a decision another instance committed since stays decided.
        const left = await store.transaction(async (tx) => {
          const guest = (await tx.guests.lock(c.var.guest.id)) as Guest;
          return isFinal(guest.status)
            ? undefined
            : recordGuestEvent(tx, await tx.guests.setStatus(guest, 'left', clock.now()), clock.now());
        });
        if (left) {
          events.publishToRoom(left.roomPk, { event: 'guest', data: hostGuestView(left) });
          events.publishToGuest(left.id, left.status);
        }
        return c.body(null, 204);
      },
    );
}
