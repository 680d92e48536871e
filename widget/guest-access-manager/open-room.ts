// The room's first requests: its guest access, then (for a host who may admit) its waiting and admitted
// guests. The element sends them as it starts, beside the chunk with the room's controller
// (manager-content.ts), which reads the answers once it has come: the host waits for the slower of the two,
// not for both in turn. Bare fetches here: api-request.ts, which reads answers and errors, comes with that chunk.
import { apiUrl, roomPath } from '../internal/api-url.ts';

import type { GetToken } from './host-token.ts';

/** What the requests are for: the element's properties when they were sent. */
export interface RoomAddress {
  api: string;
  room: string;
  token: string;
  getToken?: GetToken;
}

export interface RoomOpening extends RoomAddress {
  /** The token they were sent with (getToken's answer, asked once). */
  bearer: Promise<string | undefined>;
  /** The answers on their way, by request path (as the room controller asks for them); undefined: not sent. */
  answers: Map<string, Promise<Response | undefined>>;
  /** Ends the requests (the element left the page, or its room or token changed, before they were read). */
  cancel(): void;
}

/** The guest lists a host who may admit sees, by status. */
export const GUEST_LISTS = ['waiting', 'admitted'] as const;
export const guestListPath = (room: string, status: (typeof GUEST_LISTS)[number]) =>
  roomPath(room, `guests?status=${status}`);

/** Sends the room's first requests with the host token (a bearer, nothing else), as the API client would. */
export function sendRoomOpening(address: RoomAddress): RoomOpening {
  const abort = new AbortController();
  const { getToken } = address;
  const token = getToken ? Promise.resolve().then(() => getToken(false)) : Promise.resolve(address.token);
  const get = (path: string) =>
    token.then((bearer) =>
      fetch(apiUrl(address.api, path), {
        headers: bearer ? { Authorization: `Bearer ${bearer}` } : {},
        signal: abort.signal,
      }),
    );
  const accessPath = roomPath(address.room, 'guest-access');
  const access = get(accessPath);
  // Whether the room's answer lets this host admit: the guest lists are asked for once it says so.
  const admits = access
    .then((response) => (response.ok ? response.clone().json() : undefined))
    .then((body) => Array.isArray(body?.permissions) && body.permissions.includes('guests:admit'));
  const answers = new Map<string, Promise<Response | undefined>>([[accessPath, access]]);
  // Not sent where the room's answer was a refusal: the controller retries that (with a fresh token, say).
  for (const status of GUEST_LISTS) {
    const path = guestListPath(address.room, status);
    answers.set(
      path,
      admits.then((yes) => (yes ? get(path) : undefined)),
    );
  }
  // Read (and their failures handled) by the room controller; until then no unhandled rejection.
  for (const answer of answers.values()) answer.catch(() => undefined);
  token.catch(() => undefined);
  return { ...address, bearer: token, answers, cancel: () => abort.abort() };
}
