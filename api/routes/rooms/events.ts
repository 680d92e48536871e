// The host's event stream: the room's changes the token may read, until the token or room stops passing the
// checks every host route makes.
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { bearerToken } from '../../auth.ts';
import type { AppDeps, AppEnv } from '../../context.ts';
import type { HostEvent } from '../../events.ts';
import { followRoom } from '../../host-stream.ts';
import { READ_GUEST_ACCESS } from '../../permissions.ts';
import { clientAddress } from '../../rate-limit.ts';
import { roomParams } from '../../schemas.ts';
import { eventStream, notListeningResponse, type StreamEvent } from '../../sse.ts';
import { hostStreamKeys } from '../../stream-limits.ts';
import { errorJson, validate } from '../../validation.ts';
import { linkView } from '../../views.ts';
import { linkContext, originOf, refusals, roomFor, security, tags, verifyHost } from './host.ts';

export function createRoomEventRoutes(deps: AppDeps) {
  const { config, events, streamSlots } = deps;
  return new Hono<AppEnv>().get(
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
        '50 per client address are open at once, across every instance; one more is refused with 429 ' +
        '`rate_limited` and `Retry-After`. HEAD answers the headers without a stream.',
      responses: {
        200: { description: 'text/event-stream' },
        ...refusals,
        429: errorJson('rate_limited: too many streams open for this host, address or server'),
        ...notListeningResponse,
      },
    }),
    validate('param', roomParams),
    async (c) => {
      const host = c.var.host;
      const room = await roomFor(deps, host, READ_GUEST_ACCESS);
      const token = bearerToken(c);
      const origin = originOf(deps, c);
      // Link events carry the link: this host's stream renders its URL (never a publisher's Host header).
      const render = (event: HostEvent): StreamEvent =>
        event.event === 'link'
          ? {
              event: 'link',
              data: linkView(event.data.link, linkContext(deps, event.data.tenant, event.data.room, origin)),
            }
          : event;
      // The same checks as every host route, against the secrets and room as they are now.
      const stillAllowed = async () => {
        const again = await verifyHost(deps, token, host.roomId);
        return (await roomFor(deps, again, READ_GUEST_ACCESS)).pk === room.pk;
      };
      return eventStream(c, {
        hub: events,
        logger: deps.logger,
        heartbeatMs: config.heartbeatMs,
        slots: streamSlots,
        keys: hostStreamKeys(config, clientAddress(c, config.trustProxy), {
          ...host,
          tenantId: host.tenant.id,
        }),
        subscribe: followRoom(deps, host, room.pk, { stillAllowed, render }),
      });
    },
  );
}
