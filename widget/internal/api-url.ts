// Where a path of the API is, for `api` as an element takes it: absolute, or relative to the page (a
// page's own proxy to the service, `/guest-access`). Apart from api-request.ts so the entry form can send its
// first request before that module has loaded.
export function apiUrl(base: string, path: string): string {
  const folder = base.endsWith('/') ? base : `${base}/`;
  return new URL(path, new URL(folder, globalThis.location?.href)).href;
}
