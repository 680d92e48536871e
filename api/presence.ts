// Presence: a guest is online while one of their connections is open, and a room has a host while one who may
// admit has its stream open. The counts live in the store so every instance reads them; changes go out over the
// hub. A waiting guest offline for the lobby grace becomes left, decided by the instance that saw them go.
import type { Clock } from './context.ts';
import type { EventHub } from './events.ts';
import type { Store } from './store/contract.ts';
import type { Guest } from './store/types.ts';
import { hostGuestView } from './views.ts';
import { recordGuestEvent } from './webhooks/record.ts';

export function createPresence(deps: { store: Store; clock: Clock; events: EventHub; lobbyGraceMs: number }) {
  const { store, clock, events, lobbyGraceMs } = deps;
  const graceTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Store writes of closed connections still under way (nobody awaits them; `settled` can). */
  const pending = new Set<Promise<unknown>>();
  let closed = false;

  // After shutdown began the bus may be gone; the counts are stored all the same.
  const announce = (guest: Guest | undefined) => {
    if (guest && !closed) events.publishToRoom(guest.roomPk, { event: 'guest', data: hostGuestView(guest) });
  };
  const announceHosts = (roomPk: number, present: boolean) => {
    if (!closed) events.publishToRoom(roomPk, { event: 'hosts', data: { present } });
  };
  // A connection's end is not awaited by anyone: failures are logged, except once the store is closing.
  const quietly = (work: Promise<unknown>) => {
    const tracked = work
      .catch((error: unknown) => {
        if (!closed) console.error(error);
      })
      .finally(() => pending.delete(tracked));
    pending.add(tracked);
  };
  const stopGrace = (guestId: string) => {
    clearTimeout(graceTimers.get(guestId));
    graceTimers.delete(guestId);
  };

  const leaveIfStillAbsent = async (guestId: string) => {
    graceTimers.delete(guestId);
    const now = clock.now();
    const left = await store.transaction(async (tx) =>
      recordGuestEvent(tx, await tx.guests.leaveIfAbsent(guestId, now - lobbyGraceMs, now), now),
    );
    if (left) {
      announce(left);
      events.publishToGuest(left.id, left.status);
    }
  };

  const startGrace = (guestId: string) => {
    stopGrace(guestId);
    if (closed) return;
    const timer = setTimeout(() => quietly(leaveIfStillAbsent(guestId)), lobbyGraceMs);
    timer.unref();
    graceTimers.set(guestId, timer);
  };

  events.atClose(() => {
    closed = true;
    for (const guestId of [...graceTimers.keys()]) stopGrace(guestId);
  });

  return {
    /** A connection of the guest opened; the returned function closes it (once). */
    async guestConnected(guestId: string): Promise<() => void> {
      stopGrace(guestId);
      announce(await store.transaction((tx) => tx.guests.countConnection(guestId, 1, clock.now())));
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        quietly(
          store
            .transaction((tx) => tx.guests.countConnection(guestId, -1, clock.now()))
            .then((guest) => {
              announce(guest);
              if (guest && !guest.online && guest.status === 'waiting') startGrace(guestId);
            }),
        );
      };
    },

    /** A stream of a host who may admit opened; the returned function closes it (once). */
    async hostConnected(roomPk: number): Promise<() => void> {
      const count = await store.transaction((tx) => tx.rooms.countHost(roomPk, 1));
      if (count === 1) announceHosts(roomPk, true);
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        quietly(
          store
            .transaction((tx) => tx.rooms.countHost(roomPk, -1))
            .then((left) => {
              if (left === 0) announceHosts(roomPk, false);
            }),
        );
      };
    },

    /** Resolves once the writes of connections closed so far are done (tests compare the database after). */
    async settled(): Promise<void> {
      while (pending.size > 0) await Promise.all(pending);
    },

    /** Grace timers pending on this instance, for leak checks. */
    get size() {
      return graceTimers.size;
    },
  };
}

export type Presence = ReturnType<typeof createPresence>;
