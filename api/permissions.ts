// What a host needs to read each kind of data. The REST route that returns it and the event stream that
// pushes it check the same list, so the stream never shows what the route refuses.
import type { Permission } from './auth.ts';
import type { HostEvent } from './events.ts';

/** `GET /v1/rooms/:roomId/guests`: guests' names and emails. */
export const READ_GUESTS: Permission[] = ['guests:admit'];
/** `GET /v1/rooms/:roomId/guest-access`: the switch, the policy and the links with their uses. */
export const READ_GUEST_ACCESS: Permission[] = ['guest-access:manage', 'guests:admit'];

export const HOST_EVENT_PERMISSIONS: Record<Exclude<HostEvent['event'], 'resync'>, Permission[]> = {
  guest: READ_GUESTS,
  link: READ_GUEST_ACCESS,
  'link-deleted': READ_GUEST_ACCESS,
  'guest-access': READ_GUEST_ACCESS,
  hosts: READ_GUEST_ACCESS,
};

export const mayReceive = (
  host: { permissions: Permission[] },
  event: Exclude<HostEvent, { event: 'resync' }>,
) => HOST_EVENT_PERMISSIONS[event.event].some((permission) => host.permissions.includes(permission));
