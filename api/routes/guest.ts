// Guest routes (by guest-session token): the re-validated session, its status stream, and leaving.
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { bearerToken, guestFromSession } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { clientAddress } from '../rate-limit.ts';
import { guestContext, linkUnavailable } from '../redemption.ts';
import { isFinal, isLinkUsable } from '../rules.ts';
import { guestSessionResponse } from '../schemas.ts';
import { noStore } from '../secure-headers.ts';
import { eventStream } from '../sse.ts';
import type { Guest } from '../store/types.ts';
import { guestStreamKeys } from '../stream-limits.ts';
import { errorJson, json } from '../validation.ts';
import { guestRoomView, hostGuestView, publicGuestView } from '../views.ts';

const security = [{ bearer: [] }];
const tags = ['guest'];

export function createGuestRoutes({ store, clock, config, events, streamSlots }: AppDeps) {
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
      (c) => {
        const { guest, guestContext: context } = c.var;
        // Rule 9: a returning guest is never blocked by the use limit.
        if (!isFinal(guest.status) && !isLinkUsable(context, clock.now(), false)) {
          throw linkUnavailable(context.room);
        }
        return c.json(
          { guest: publicGuestView(guest), room: guestRoomView(context.room, guest.status) },
          200,
        );
      },
    )
    .get(
      '/events',
      describeRoute({
        tags,
        security,
        summary:
          'Server-Sent Events: `status` now and on every change; ends once the guest is turned away or left',
        description:
          'By default at most 3 streams per guest session (and 50 per client address) are open at once; one more is ' +
          'refused with 429 `rate_limited` and `Retry-After`. HEAD answers the headers without a stream.',
        responses: {
          200: { description: 'text/event-stream' },
          401: errorJson('Unknown session'),
          429: errorJson('rate_limited: too many streams open for this session, address or server'),
        },
      }),
      (c) => {
        const guest = c.var.guest;
        return eventStream(c, {
          hub: events,
          heartbeatMs: config.heartbeatMs,
          slots: streamSlots,
          keys: guestStreamKeys(config, clientAddress(c, config.trustProxy), guest.id),
          subscribe: async ({ send, end }) => {
            let heard = false;
            const unsubscribe = events.subscribeToGuest(guest.id, (event) => {
              heard = true;
              if (event.event === 'resync') return end();
              send(event);
              if (isFinal(event.data.status)) end();
            });
            // The current status first: a decision may have come before the stream opened (unless one came
            // while it was read, which is newer).
            const current = (await store.guests.get(guest.id)) as Guest;
            if (!heard) {
              send({ event: 'status', data: { status: current.status } });
              if (isFinal(current.status)) end();
            }
            return unsubscribe;
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
          return isFinal(guest.status) ? undefined : tx.guests.setStatus(guest, 'left', clock.now());
        });
        if (left) {
          events.publishToRoom(left.roomPk, { event: 'guest', data: hostGuestView(left) });
          events.publishToGuest(left.id, left.status);
        }
        return c.body(null, 204);
      },
    );
}
