// Presence: a guest is online while one of their connections is open, and a room has a host while one who may
// admit has its stream open. The counts live in the store so every instance reads them; changes go out over the
// hub. A waiting guest offline for the lobby grace becomes left, decided by the instance that saw them go.
// Each instance leases what its connections counted and renews the lease while it lives: when one is killed,
// another (or the restarted one) takes its counts back within the lease, and leaves its absent waiting guests.
import { randomUUID } from 'node:crypto';
import type { Clock } from './context.ts';
import type { EventHub } from './events.ts';
import { type Logger, logFailure, repeatedWorkLog } from './logging.ts';
import type { PresenceKind, Store, Tables } from './store/contract.ts';
import type { Guest } from './store/types.ts';
import { hostGuestView } from './views.ts';
import { recordGuestEvent } from './webhooks/record.ts';

export function createPresence(deps: {
  store: Store;
  clock: Clock;
  events: EventHub;
  lobbyGraceMs: number;
  logger: Logger;
}) {
  const { store, clock, events, lobbyGraceMs, logger } = deps;
  const instance = randomUUID();
  // As long as the grace (a dead instance's guests leave about as late as a live one's), within 1–30 s.
  const leaseMs = Math.min(Math.max(lobbyGraceMs, 1000), 30_000);
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
        if (!closed) logFailure(logger, error, 'presence not written; the next heartbeat tries again');
      })
      .finally(() => pending.delete(tracked));
    pending.add(tracked);
  };
  /**
   * Connection ends not written yet (the database was away, or its answer was lost), by lease key. This
   * instance still renews its leases, so no reaper takes those counts back: each heartbeat writes them again
   * until they are stored.
   */
  const unwritten = new Map<string, () => Promise<unknown>>();
  const writeEnd = (key: string, write: () => Promise<unknown>, retry = false) =>
    quietly(
      write().catch((error: unknown) => {
        if (closed) return;
        unwritten.set(key, write);
        if (!retry) throw error; // logged once, not at every heartbeat of an outage
      }),
    );

  /** This instance's open connections, per guest id and per room pk: what its leases should hold. */
  const open: Record<PresenceKind, Map<string, number>> = { guest: new Map(), host: new Map() };
  const countOpen = (kind: PresenceKind, key: string, delta: 1 | -1) => {
    const count = (open[kind].get(key) ?? 0) + delta;
    if (count > 0) open[kind].set(key, count);
    else open[kind].delete(key);
  };
  /**
   * Sets the instance's lease on `key` to its open connections as they are once the lease is held, and the
   * shared count by the difference, in one transaction (a reaper never sees one without the other). Written
   * again after a commit whose answer was lost it moves nothing, so no end is counted twice.
   */
  const sync = async (tx: Tables, kind: PresenceKind, key: string) => {
    const now = clock.now();
    const held = await tx.presenceLeases.hold(instance, kind, key, now + leaseMs);
    const count = open[kind].get(key) ?? 0;
    await tx.presenceLeases.set(instance, kind, key, count);
    return { delta: count - held, now };
  };
  const syncGuest = async (tx: Tables, guestId: string) => {
    const { delta, now } = await sync(tx, 'guest', guestId);
    return tx.guests.countConnection(guestId, delta, now);
  };
  const syncHost = async (tx: Tables, roomPk: number) => {
    const { delta } = await sync(tx, 'host', String(roomPk));
    return { delta, hosts: await tx.rooms.countHost(roomPk, delta) };
  };

  /**
   * Counts a connection of `kind` open; the returned function counts it closed (once). A connection whose count
   * was not written is not open, and its count is written again later: the commit may have landed.
   */
  const track = async <T>(
    kind: PresenceKind,
    key: string,
    write: () => Promise<T>,
    ended: () => Promise<unknown>,
  ): Promise<{ written: T; close: () => void }> => {
    const leaseKey = `${kind}:${key}`;
    countOpen(kind, key, 1);
    let written: T;
    try {
      written = await write();
    } catch (error) {
      countOpen(kind, key, -1);
      writeEnd(leaseKey, ended);
      throw error;
    }
    let isOpen = true;
    const close = () => {
      if (!isOpen) return;
      isOpen = false;
      countOpen(kind, key, -1);
      writeEnd(leaseKey, ended);
    };
    return { written, close };
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

  /** Renews this instance's leases, takes back the expired ones of dead instances, leaves absent guests. */
  const keepAlive = async () => {
    const now = clock.now();
    const { offline, rooms, left } = await store.transaction(async (tx) => {
      await tx.presenceLeases.renew(instance, now + leaseMs);
      const reaped = await tx.presenceLeases.reapExpired(now);
      const offline: Guest[] = [];
      for (const id of reaped.guestIds) {
        const guest = await tx.guests.get(id);
        if (guest) offline.push(guest);
      }
      return {
        offline,
        rooms: reaped.rooms,
        left: await recordGuestEvent(tx, await tx.guests.leaveAbsentWaiting(now - lobbyGraceMs, now), now),
      };
    });
    const leftIds = new Set(left.map((guest) => guest.id));
    for (const guest of offline) {
      if (leftIds.has(guest.id)) continue;
      announce(guest);
      if (!guest.online && guest.status === 'waiting') startGrace(guest.id);
    }
    for (const room of rooms) if (room.hostsOnline === 0) announceHosts(room.pk, false);
    for (const guest of left) {
      announce(guest);
      if (!closed) events.publishToGuest(guest.id, guest.status);
    }
  };
  const heartbeatLog = repeatedWorkLog(logger, {
    failed: 'presence leases not renewed; the next heartbeat tries again',
    recovered: 'presence leases renewed again',
  });
  const heartbeat = setInterval(() => {
    for (const [key, write] of unwritten) {
      unwritten.delete(key);
      writeEnd(key, write, true);
    }
    quietly(
      keepAlive().then(heartbeatLog.succeeded, (error: unknown) => {
        if (!closed) heartbeatLog.failed(error);
      }),
    );
  }, leaseMs / 3);
  heartbeat.unref();

  const startGrace = (guestId: string) => {
    stopGrace(guestId);
    if (closed) return;
    const timer = setTimeout(() => quietly(leaveIfStillAbsent(guestId)), lobbyGraceMs);
    timer.unref();
    graceTimers.set(guestId, timer);
  };

  events.atClose(() => {
    closed = true;
    clearInterval(heartbeat);
    unwritten.clear();
    for (const guestId of [...graceTimers.keys()]) stopGrace(guestId);
  });

  return {
    /** A connection of the guest opened; the returned function closes it (once). */
    async guestConnected(guestId: string): Promise<() => void> {
      stopGrace(guestId);
      const write = () => store.transaction((tx) => syncGuest(tx, guestId));
      const { written, close } = await track('guest', guestId, write, async () => {
        const guest = await write();
        announce(guest);
        if (guest && !guest.online && guest.status === 'waiting') startGrace(guestId);
      });
      announce(written);
      return close;
    },

    /** A stream of a host who may admit opened; the returned function closes it (once). */
    async hostConnected(roomPk: number): Promise<() => void> {
      const write = () => store.transaction((tx) => syncHost(tx, roomPk));
      const { written, close } = await track('host', String(roomPk), write, async () => {
        if ((await write()).hosts === 0) announceHosts(roomPk, false);
      });
      // The room had none before this write (which may count more than one connection).
      if (written.delta > 0 && written.hosts === written.delta) announceHosts(roomPk, true);
      return close;
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
