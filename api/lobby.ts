// What a waiting guest sees of the lobby: the host's message, their place in line and whether a host is here.
import type { Store } from './store/contract.ts';
import type { Guest, Room } from './store/types.ts';

export interface LobbyView {
  message: string | null;
  /** 1 = next, by arrival (or the last knock). */
  position: number;
  hostPresent: boolean;
}

export const lobbyView = (room: Room, position: number): LobbyView => ({
  message: room.lobbyMessage ?? null,
  position,
  hostPresent: room.hostsOnline > 0,
});

/** The lobby as the guest sees it now; null unless they wait. */
export async function lobbyOf(store: Store, guest: Guest): Promise<LobbyView | null> {
  if (guest.status !== 'waiting') return null;
  const [room, position] = await Promise.all([
    store.rooms.byPk(guest.roomPk),
    store.guests.lobbyPosition(guest),
  ]);
  return room ? lobbyView(room, position) : null;
}
