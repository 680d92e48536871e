// What a host's event stream follows: the room's events the token may read, until the token expires or an
// admin change (secrets rotated, a module off, the room removed or made a channel) means the token or room
// no longer passes the checks the REST routes make.

import type { HostIdentity } from './auth.ts';
import type { Clock } from './context.ts';
import { ApiError } from './errors.ts';
import type { EventHub, HostEvent } from './events.ts';
import { type Logger, logFailure } from './logging.ts';
import { mayReceive } from './permissions.ts';
import type { Presence } from './presence.ts';
import type { StreamControl, StreamEvent } from './sse.ts';

/** setTimeout's ceiling; a later `exp` is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function followRoom(
  deps: { events: EventHub; clock: Clock; presence: Presence; logger: Logger },
  host: HostIdentity,
  roomPk: number,
  hooks: {
    /** The REST routes' checks on the token and the room, run again; false or a rejection ends the stream. */
    stillAllowed: () => Promise<boolean>;
    /** The event as this stream sends it (e.g. a link's URL with the stream's own origin). */
    render: (event: HostEvent) => StreamEvent;
  },
) {
  const { stillAllowed, render } = hooks;
  return async ({ send, end }: StreamControl) => {
    // Subscribed before the first await: the answer's headers go out only after that, so a client that saw
    // the stream open misses no event.
    const unsubscribeRoom = deps.events.subscribeToRoom(roomPk, (event) => {
      if (event.event === 'resync') end();
      else if (mayReceive(host, event)) send(render(event));
    });
    // A refusal ends the stream; so does a check that cannot be made (the database is away): its client
    // reconnects and is checked then.
    const checkAgain = () =>
      void stillAllowed().then(
        (allowed) => allowed || end(),
        (error) => {
          if (!(error instanceof ApiError))
            logFailure(deps.logger, error, 'a host stream could not check its token again');
          end();
        },
      );
    const unsubscribeTenant = deps.events.subscribeToTenantChanges(host.tenant.id, checkAgain);
    // A change made after the route's checks but before these subscriptions went unheard: check once more.
    checkAgain();
    let leave = () => {};
    try {
      // Waiting guests are told whether a host who can let them in is here.
      if (host.permissions.includes('guests:admit')) leave = await deps.presence.hostConnected(roomPk);
    } catch (error) {
      unsubscribeRoom();
      unsubscribeTenant();
      throw error;
    }
    // The stream must not outlive its token: the element reconnects with a fresh one.
    let timer: ReturnType<typeof setTimeout>;
    const endAtExpiry = () => {
      const left = host.expiresAt - deps.clock.now();
      if (left <= 0) end();
      else timer = setTimeout(endAtExpiry, Math.min(left, MAX_TIMER_MS));
    };
    endAtExpiry();
    return () => {
      clearTimeout(timer);
      unsubscribeRoom();
      unsubscribeTenant();
      leave();
    };
  };
}
