// Records the requests a page sends to the API (for the manager's "nothing before a token" and for
// waiting until its live connection is open and its first loads are answered).

export interface Recorded {
  url: string;
  authorized: boolean;
  answered: boolean;
}

/**
 * Records every request the page sends to `origin` until `restore()`. With `holdStreams`, event streams
 * get no answer until then (so an opening stream reloads nothing).
 */
export function recordRequests(origin: string, { holdStreams = false } = {}) {
  const original = window.fetch;
  const sent: Recorded[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(origin)) return original(input, init);
    const entry = { url, authorized: new Headers(init?.headers).has('Authorization'), answered: false };
    sent.push(entry);
    if (holdStreams && url.endsWith('/events'))
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const response = await original(input, init);
    entry.answered = true;
    return response;
  };
  const answered = (ending: string) =>
    sent.filter((each) => each.answered && each.url.endsWith(ending)).length;
  return {
    sent,
    /** The room's stream is open and the load it triggers has been answered: a knock now comes as an event. */
    live: () => answered('/events') > 0 && answered('/guest-access') >= 2,
    restore: () => {
      window.fetch = original;
    },
  };
}
