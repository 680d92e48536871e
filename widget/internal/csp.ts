// The origins the page's Content-Security-Policy refused to connect to. A request it blocks fails like one
// that got no answer; only this event tells the two apart, so the manager can name the page's policy.
const blocked = new Set<string>();

if (typeof document !== 'undefined')
  document.addEventListener('securitypolicyviolation', (event) => {
    // For connect-src the blocked URI is the request's URL (or its origin, across origins).
    if (event.effectiveDirective === 'connect-src') blocked.add(new URL(event.blockedURI).origin);
  });

/**
 * Whether the page's policy refused a connection to `origin`. Its event comes a few milliseconds after the
 * refused request has failed, so this waits up to `ms` for one.
 */
export function blockedByCsp(origin: string, ms = 250): Promise<boolean> {
  if (blocked.has(origin)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (result: boolean) => {
      clearTimeout(timer);
      document.removeEventListener('securitypolicyviolation', check);
      resolve(result);
    };
    // Listens after the recorder above, so the set already holds the event's origin.
    const check = () => blocked.has(origin) && done(true);
    const timer = setTimeout(() => done(false), ms);
    document.addEventListener('securitypolicyviolation', check);
  });
}
