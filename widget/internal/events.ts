// The DOM events the elements fire: prefixed `guest-`, bubbling and composed so a page can listen on
// any ancestor, even across shadow roots. Each element adds nothing here but its entries of the map.
import type { GuestStatus, HostGuest, Link, RoomSummary } from './api-client.ts';

export interface GuestAccessEventDetails {
  /** The guest-access switch, the admission policy or the lobby message changed (by this host). */
  'guest-access-change': { enabled: boolean; admission: 'moderator' | 'auto'; lobbyMessage: string | null };
  'guest-link-create': { link: Link };
  'guest-link-delete': { linkId: string };
  /** The host gave a link a new address: `link.url` is the new one; the old one no longer works. */
  'guest-link-rotate': { link: Link };
  'guest-link-copy': { link: Link; url: string };
  /** A guest started waiting (arrived, or a denied guest asked again), seen live, whether the window is open or not. */
  'guest-waiting': { guest: HostGuest };
  /** A moderator admitted guests (one, or all waiting). */
  'guest-admit': { guestIds: string[] };
  /** A moderator removed guests from the session; they are disconnected at once. */
  'guest-remove': { guestIds: string[] };
  /** A guest was admitted; cancelable: preventDefault() keeps the element from navigating to joinUrl. */
  'guest-admitted': {
    guest: { id: string; name: string; status: GuestStatus };
    room: RoomSummary;
    session: string;
  };
}

export type GuestAccessEventName = keyof GuestAccessEventDetails;

export type GuestAccessEvent<K extends GuestAccessEventName> = CustomEvent<GuestAccessEventDetails[K]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'guest-access-change': GuestAccessEvent<'guest-access-change'>;
    'guest-link-create': GuestAccessEvent<'guest-link-create'>;
    'guest-link-delete': GuestAccessEvent<'guest-link-delete'>;
    'guest-link-rotate': GuestAccessEvent<'guest-link-rotate'>;
    'guest-link-copy': GuestAccessEvent<'guest-link-copy'>;
    'guest-waiting': GuestAccessEvent<'guest-waiting'>;
    'guest-admit': GuestAccessEvent<'guest-admit'>;
    'guest-remove': GuestAccessEvent<'guest-remove'>;
    'guest-admitted': GuestAccessEvent<'guest-admitted'>;
  }
}

/** Dispatches a typed event from `host`; returns false when a listener called preventDefault(). */
export function emit<K extends GuestAccessEventName>(
  host: HTMLElement,
  type: K,
  detail: GuestAccessEventDetails[K],
  options: { cancelable?: boolean } = {},
): boolean {
  const event = new CustomEvent(type, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: !!options.cancelable,
  });
  return host.dispatchEvent(event);
}
