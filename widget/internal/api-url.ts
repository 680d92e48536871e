// Where a path of the API is, for `api` as an element takes it: absolute, or relative to the page (a
// page's own proxy to the service, `/guest-access`). Apart from api-request.ts so the entry form can send its
// first request before that module has loaded.
export function apiUrl(base: string, path: string): string {
  const folder = base.endsWith('/') ? base : `${base}/`;
  return new URL(path, new URL(folder, globalThis.location?.href)).href;
}

/** A room's path under the API: `v1/rooms/:room/<rest>`, its id escaped. */
export const roomPath = (room: string, rest: string) => `v1/rooms/${encodeURIComponent(room)}/${rest}`;
