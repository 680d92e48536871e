// The methods a path answers, so that a known path asked with the wrong method is refused 405 with `Allow`
// (RFC 9110) rather than 404, which would say the path does not exist.
import type { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** For the app's routes (middleware, registered for every method, does not count); built on first use. */
export function allowedMethods(app: Pick<Hono, 'routes'>): (path: string) => string[] {
  let router: TrieRouter<true> | undefined;
  return (path) => {
    if (!router) {
      router = new TrieRouter();
      for (const route of app.routes) if (route.method !== 'ALL') router.add(route.method, route.path, true);
    }
    const known = router;
    const allowed = METHODS.filter((method) => known.match(method, path)[0].length > 0);
    // Hono answers HEAD with the GET route.
    return allowed.includes('GET') ? ['GET', 'HEAD', ...allowed.slice(1)] : allowed;
  };
}
