// A waiting guest's stream re-reads the lobby when the room changes, one read at a time, and sends it only
// when it differs from what the guest last got.
import type { HostEvent } from './events.ts';
import { lobbyOf } from './lobby.ts';
import type { StreamEvent } from './sse.ts';
import type { Store } from './store/contract.ts';

/** Room events that can move a waiting guest's place, the message or the host's presence. */
export const LOBBY_EVENTS: ReadonlySet<HostEvent['event']> = new Set(['guest', 'guest-access', 'hosts']);

export function lobbyFeed(store: Store, guestId: string, send: (event: StreamEvent) => void) {
  let stopped = false;
  let reading = false;
  let again = false;
  let last = '';
  const read = async () => {
    reading = true;
    try {
      do {
        again = false;
        const guest = await store.guests.get(guestId);
        const lobby = guest && (await lobbyOf(store, guest));
        const text = JSON.stringify(lobby ?? null);
        if (!stopped && lobby && text !== last) {
          last = text;
          send({ event: 'lobby', data: lobby });
        }
      } while (again && !stopped);
    } catch (error) {
      if (!stopped) console.error(error);
    } finally {
      reading = false;
    }
  };
  return {
    refresh() {
      if (stopped) return;
      if (reading) again = true;
      else void read();
    },
    stop() {
      stopped = true;
    },
  };
}
