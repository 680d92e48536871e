// The hub behind the Server-Sent Events streams: hosts listen per room, guests per guest, and host streams
// per tenant for admin changes (secrets, modules, rooms) after which they check their token and room again.
// Changes travel over the event bus, so a stream on one instance hears of a change made on another.
// Listeners unsubscribe when their stream ends, so nothing outlives a connection.
import type { BusMessage, EventBus } from './bus/contract.ts';
import { type Logger, logFailure, silentLogger } from './logging.ts';
import type { LinkContextRow } from './store/contract.ts';
import type { GuestAccess, GuestStatus } from './store/types.ts';
import type { HostGuestView } from './views.ts';

export type HostEvent =
  | { event: 'guest'; data: HostGuestView }
  // The link, not its URL: each host stream renders the URL with its own origin, never a publisher's Host header.
  | { event: 'link'; data: LinkContextRow }
  | { event: 'link-deleted'; data: { id: string } }
  | { event: 'guest-access'; data: GuestAccess }
  /** Whether at least one host who may admit has the room's stream open, on any instance. */
  | { event: 'hosts'; data: { present: boolean } }
  | Resync;

export type GuestEvent = { event: 'status'; data: { status: GuestStatus } } | Resync;

/** The bus lost what happened to this key (a message too large for it): the stream ends and is re-read. */
export interface Resync {
  event: 'resync';
  data: null;
}

type Listener<T> = (event: T) => void;

function topic<T>() {
  const listeners = new Map<string, Set<Listener<T>>>();
  return {
    publish(key: string, event: T) {
      for (const listener of listeners.get(key) ?? []) listener(event);
    },
    subscribe(key: string, listener: Listener<T>) {
      let set = listeners.get(key);
      if (!set) {
        set = new Set();
        listeners.set(key, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
      };
    },
    has: (key: string) => listeners.has(key),
    get size() {
      let count = 0;
      for (const set of listeners.values()) count += set.size;
      return count;
    },
  };
}

export function createEventHub(bus: EventBus, logger: Logger = silentLogger()) {
  const rooms = topic<HostEvent>();
  const guests = topic<GuestEvent>();
  const tenants = topic<void>();
  const closers = new Set<() => void>();
  const disposers = new Set<() => void>();
  const closeAll = () => {
    for (const close of [...closers]) close();
  };
  const deliver = (message: BusMessage) => {
    const event = { event: message.event, data: message.data } as HostEvent & GuestEvent;
    if (message.topic === 'room') rooms.publish(message.key, event);
    else if (message.topic === 'guest') guests.publish(message.key, event);
    else tenants.publish(message.key, undefined);
  };
  const unsubscribe = bus.subscribe(deliver);
  // Cut off from the bus, streams may have missed a change: each ends, and its client reconnects and re-reads.
  const unsubscribeResync = bus.onResync(closeAll);
  /** Published after the change is committed; a failure to publish is logged (the change itself stands). */
  let closed = false;
  const publish = (message: BusMessage) => {
    // A change answered while the server shuts down has nobody left to hear it here.
    if (closed) return;
    bus.publish(message).catch((error: unknown) => {
      if (!closed) logFailure(logger, error, 'a change was not announced to the event streams');
    });
  };
  return {
    publishToRoom: (roomPk: number, event: HostEvent) =>
      publish({ topic: 'room', key: String(roomPk), event: event.event, data: event.data }),
    /** Whether a host may listen to the room (so an event nobody would receive need not be built). */
    roomHasListeners: (roomPk: number) => bus.crossesInstances || rooms.has(String(roomPk)),
    subscribeToRoom: (roomPk: number, listener: Listener<HostEvent>) =>
      rooms.subscribe(String(roomPk), listener),
    publishToGuest: (guestId: string, status: GuestStatus) =>
      publish({ topic: 'guest', key: guestId, event: 'status', data: { status } }),
    subscribeToGuest: (guestId: string, listener: Listener<GuestEvent>) =>
      guests.subscribe(guestId, listener),
    /** The tenant's secrets, modules or rooms changed: host streams re-check what let them open. */
    publishTenantChanged: (tenantId: string) =>
      publish({ topic: 'tenant', key: tenantId, event: 'changed', data: null }),
    subscribeToTenantChanges: (tenantId: string, listener: () => void) =>
      tenants.subscribe(tenantId, listener),
    /** Streams register how to end them, so a shutdown can close them all. */
    track(close: () => void) {
      closers.add(close);
      return () => closers.delete(close);
    },
    closeAll,
    /** What else lives as long as the hub (presence timers): stopped by `close`, not by a resync. */
    atClose(dispose: () => void) {
      disposers.add(dispose);
    },
    /** Ends every stream and stops listening to the bus (the bus itself is closed by its owner). */
    close() {
      closed = true;
      closeAll();
      for (const dispose of disposers) dispose();
      disposers.clear();
      unsubscribe();
      unsubscribeResync();
    },
    /** Whether events published now reach this instance's streams (see EventBus.listening). */
    get listening() {
      return bus.listening;
    },
    /** Event streams open now (each registers its closer), for the metrics. */
    get openStreams() {
      return closers.size;
    },
    /** Open listeners and streams, for leak checks. */
    get size() {
      return rooms.size + guests.size + tenants.size + closers.size;
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
