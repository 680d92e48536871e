// The request that opens a link: a stored session's state (re-validated, no new use), else the link's page.
// The element sends it as it starts, beside the chunk with its views and session (entry-view.ts), and the
// session reads the answer once that has arrived: the form waits for the slower of the two, not for both
// in turn. Here a bare fetch: api-request.ts, which reads answers and errors, comes with that chunk.
import { apiUrl } from '../internal/api-url.ts';
import { loadSession } from './stored-session.ts';

export interface LinkHost {
  api: string;
  token: string;
}

export interface Opening {
  path: string;
  /** The stored session's token, when there is one to resume. */
  session?: string;
}

/** The request that opens `host`'s link now. */
export function linkOpening(host: LinkHost): Opening {
  const session = loadSession(host.token);
  return session
    ? { path: 'v1/guest/session', session }
    : { path: `v1/links/${encodeURIComponent(host.token)}` };
}

/** The API's base URL for an element's `api` (unset: this page's origin). */
export const apiBase = (host: LinkHost) => new URL(host.api || '/', document.baseURI).href;

export interface SentOpening extends Opening, LinkHost {
  response: Promise<Response>;
  /** Ends the request (the element left the page, or its link changed, before the answer was read). */
  cancel(): void;
}

/** Sends the opening request as ApiRequester would (its token as a bearer, nothing else), ahead of it. */
export function sendOpening(host: LinkHost): SentOpening {
  const opening = linkOpening(host);
  const headers: Record<string, string> = opening.session
    ? { Authorization: `Bearer ${opening.session}` }
    : {};
  const abort = new AbortController();
  const response = fetch(apiUrl(apiBase(host), opening.path), { headers, signal: abort.signal });
  // Read (and its failure handled) by the session once its chunk is here; until then no unhandled rejection.
  response.catch(() => undefined);
  return { ...opening, api: host.api, token: host.token, response, cancel: () => abort.abort() };
}
