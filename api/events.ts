// The in-process hub behind the Server-Sent Events streams: hosts listen per room, guests per guest, and
// host streams per tenant for admin changes (secrets, modules, rooms) after which they check their token
// and room again. Listeners unsubscribe when their stream ends, so nothing outlives a connection.
import type { GuestStatus } from './store/guests.ts';
import type { LinkContextRow } from './store/index.ts';
import type { Admission } from './store/rooms.ts';
import type { HostGuestView } from './views.ts';

export type HostEvent =
  | { event: 'guest'; data: HostGuestView }
  // The link, not its URL: each host stream renders the URL with its own origin, never a publisher's Host header.
  | { event: 'link'; data: LinkContextRow }
  | { event: 'link-deleted'; data: { id: string } }
  | { event: 'guest-access'; data: { enabled: boolean; admission: Admission } };

export interface GuestEvent {
  event: 'status';
  data: { status: GuestStatus };
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

export function createEventHub() {
  const rooms = topic<HostEvent>();
  const guests = topic<GuestEvent>();
  const tenants = topic<void>();
  const closers = new Set<() => void>();
  return {
    publishToRoom: (roomPk: number, event: HostEvent) => rooms.publish(String(roomPk), event),
    /** Whether any host listens to the room (so an event nobody would receive need not be built). */
    roomHasListeners: (roomPk: number) => rooms.has(String(roomPk)),
    subscribeToRoom: (roomPk: number, listener: Listener<HostEvent>) =>
      rooms.subscribe(String(roomPk), listener),
    publishToGuest: (guestId: string, status: GuestStatus) =>
      guests.publish(guestId, { event: 'status', data: { status } }),
    subscribeToGuest: (guestId: string, listener: Listener<GuestEvent>) =>
      guests.subscribe(guestId, listener),
    /** The tenant's secrets, modules or rooms changed: host streams re-check what let them open. */
    publishTenantChanged: (tenantId: string) => tenants.publish(tenantId, undefined),
    subscribeToTenantChanges: (tenantId: string, listener: () => void) =>
      tenants.subscribe(tenantId, listener),
    /** Streams register how to end them, so a shutdown can close them all. */
    track(close: () => void) {
      closers.add(close);
      return () => closers.delete(close);
    },
    closeAll() {
      for (const close of [...closers]) close();
    },
    /** Open listeners and streams, for leak checks. */
    get size() {
      return rooms.size + guests.size + tenants.size + closers.size;
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
