// The guest's session token survives a refresh in sessionStorage, one per link token, so reopening the
// link in the same tab resumes the wait (or the session) without counting a new use.
const key = (linkToken: string) => `guest-access:session:${linkToken}`;

// Storage can be unavailable (privacy modes, sandboxed frames): the guest then simply cannot resume.
export function loadSession(linkToken: string): string | undefined {
  try {
    return sessionStorage.getItem(key(linkToken)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(linkToken: string, session: string): void {
  try {
    sessionStorage.setItem(key(linkToken), session);
  } catch {}
}

export function forgetSession(linkToken: string): void {
  try {
    sessionStorage.removeItem(key(linkToken));
  } catch {}
}
