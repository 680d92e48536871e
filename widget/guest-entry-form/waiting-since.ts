// When the guest started waiting, kept in sessionStorage beside their session (stored-session.ts) so the
// time waited survives a refresh. Apart from it: the element's first request needs only the session.
const waitKey = (linkToken: string) => `guest-access:waiting-since:${linkToken}`;

/** When this guest started waiting (kept across a refresh); `now` starts the clock if none is kept. */
export function waitingSince(linkToken: string, now: number): number {
  try {
    const kept = Number(sessionStorage.getItem(waitKey(linkToken)));
    if (kept > 0 && kept <= now) return kept;
    sessionStorage.setItem(waitKey(linkToken), String(now));
  } catch {}
  return now;
}

export function forgetWaitingSince(linkToken: string): void {
  try {
    sessionStorage.removeItem(waitKey(linkToken));
  } catch {}
}
