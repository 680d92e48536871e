// What waiting guests' streams send of the lobby: each room's lobby is read once per change (the room, then its
// line in one statement) for every waiting guest of it on this instance, one read at a time per room, and each
// guest is sent their view only when it differs from what they last got. (One read per guest and change made a
// lobby of N guests cost N² statements as they arrived.)
import { setTimeout as sleep } from 'node:timers/promises';
import type { HostEvent } from './events.ts';
import { type LobbyView, lobbyView } from './lobby.ts';
import { type Logger, logFailure } from './logging.ts';
import type { StreamEvent } from './sse.ts';
import type { Store } from './store/contract.ts';

/** Room events that can move a waiting guest's place, the message or the host's presence. */
export const LOBBY_EVENTS: ReadonlySet<HostEvent['event']> = new Set(['guest', 'guest-access', 'hosts']);

/**
 * A room's lobby is read at most this often: a line of thousands read for every event of a busy room, back to
 * back, would take the whole CPU. The first change is read at once, later ones together after the interval.
 */
export const MIN_READ_INTERVAL_MS = 100;

interface Follower {
  guestId: string;
  send(event: StreamEvent): void;
  /** What they were sent last, as JSON. */
  last: string;
}

interface RoomLobby {
  followers: Set<Follower>;
  reading: boolean;
  again: boolean;
  lastReadAt: number;
  /** A read waiting for the interval to pass. */
  scheduled?: NodeJS.Timeout;
}

export function createLobbyFeeds(store: Store, logger: Logger) {
  const rooms = new Map<number, RoomLobby>();

  const read = async (roomPk: number, lobby: RoomLobby) => {
    lobby.reading = true;
    try {
      do {
        if (lobby.again) {
          await sleep(lobby.lastReadAt + MIN_READ_INTERVAL_MS - performance.now(), undefined, { ref: false });
        }
        lobby.again = false;
        lobby.lastReadAt = performance.now();
        const room = await store.rooms.byPk(roomPk);
        const line = room ? await store.guests.waitingLine(roomPk) : [];
        const positions = new Map(line.map((id, index) => [id, index + 1]));
        for (const follower of lobby.followers) {
          const position = positions.get(follower.guestId);
          if (!room || position === undefined) continue; // decided meanwhile: their status event says so
          const view: LobbyView = lobbyView(room, position);
          const text = JSON.stringify(view);
          if (text === follower.last) continue;
          follower.last = text;
          follower.send({ event: 'lobby', data: view });
        }
      } while (lobby.again && lobby.followers.size > 0);
    } catch (error) {
      if (lobby.followers.size > 0) logFailure(logger, error, 'a lobby was not read');
    } finally {
      lobby.reading = false;
      if (lobby.followers.size === 0) rooms.delete(roomPk);
    }
  };

  const refresh = (roomPk: number) => {
    const lobby = rooms.get(roomPk);
    if (!lobby) return;
    if (lobby.reading) lobby.again = true;
    if (lobby.reading || lobby.scheduled) return;
    const wait = lobby.lastReadAt + MIN_READ_INTERVAL_MS - performance.now();
    if (wait <= 0) {
      void read(roomPk, lobby);
      return;
    }
    lobby.scheduled = setTimeout(() => {
      lobby.scheduled = undefined;
      void read(roomPk, lobby);
    }, wait);
    lobby.scheduled.unref();
  };

  return {
    /** A waiting guest's stream follows their room's lobby; `refresh` re-reads it, `stop` ends the following. */
    follow(roomPk: number, guestId: string, send: (event: StreamEvent) => void) {
      let lobby = rooms.get(roomPk);
      if (!lobby) {
        lobby = { followers: new Set(), reading: false, again: false, lastReadAt: Number.NEGATIVE_INFINITY };
        rooms.set(roomPk, lobby);
      }
      const follower: Follower = { guestId, send, last: '' };
      lobby.followers.add(follower);
      return {
        refresh: () => refresh(roomPk),
        stop() {
          const current = rooms.get(roomPk);
          if (!current?.followers.delete(follower)) return;
          if (current.followers.size > 0 || current.reading) return;
          clearTimeout(current.scheduled);
          rooms.delete(roomPk);
        },
      };
    },
    /** Rooms followed now, for leak checks. */
    get size() {
      return rooms.size;
    },
  };
}

export type LobbyFeeds = ReturnType<typeof createLobbyFeeds>;
