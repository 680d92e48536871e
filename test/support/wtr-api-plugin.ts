// A @web/test-runner plugin that starts the real API server on a temporary database for the browser
// tests, and exposes setup steps (tenants, rooms, host tokens, admin and host calls) as server commands,
// so tests run their setup from Node without CORS or secrets in the page. `ga:fail-module` makes the
// page's requests for a module fail (as a chunk does offline or after a deploy), `ga:hold-module` holds them
// (a slow network), until lifted.
import type { Page, Route } from 'playwright-core';
import { startTestApi, type TestApi } from './api-fixture.ts';

type Payload = Record<string, unknown>;

interface CommandSession {
  id: string;
  browser: { getPage?(sessionId: string): Page };
}

/** The routes set by `ga:fail-module` and `ga:hold-module`, by page and path; lifting lets held requests go. */
const routed = new WeakMap<Page, Map<string, { matches: (url: URL) => boolean; lift(): Promise<unknown> }>>();

/**
 * `{ path, on }`: while `on`, requests whose URL path ends with `path` are aborted (`fail`) or held until the
 * route is lifted (`hold`), then sent.
 */
async function routeModule(
  session: CommandSession,
  payload: Payload,
  how: 'fail' | 'hold',
): Promise<boolean> {
  const page = session.browser.getPage?.(session.id);
  if (!page) throw new Error('ga:fail-module and ga:hold-module need a Playwright browser');
  const path = String(payload.path);
  const routes = routed.get(page) ?? new Map();
  routed.set(page, routes);
  const existing = routes.get(path);
  if (existing) {
    // Held requests go on before the route goes: a route removed first counts them as handled.
    await existing.lift();
    await page.unroute(existing.matches);
  }
  routes.delete(path);
  if (payload.on) {
    const matches = (url: URL) => url.pathname.endsWith(path);
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held: Promise<void>[] = [];
    routes.set(path, {
      matches,
      lift: () => {
        release();
        return Promise.all(held);
      },
    });
    await page.route(
      matches,
      how === 'fail'
        ? (route: Route) => route.abort('internetdisconnected')
        : (route: Route) => {
            held.push(released.then(() => route.continue()));
          },
    );
  }
  return true;
}

export function apiServerPlugin() {
  let api: TestApi | undefined;
  return {
    name: 'guest-access-api',
    async serverStart() {
      api = await startTestApi();
    },
    async serverStop() {
      await api?.close();
    },
    async executeCommand({
      command,
      payload,
      session,
    }: {
      command: string;
      payload?: Payload;
      session: CommandSession;
    }) {
      if (command === 'ga:fail-module') return routeModule(session, payload ?? {}, 'fail');
      if (command === 'ga:hold-module') return routeModule(session, payload ?? {}, 'hold');
      if (!command.startsWith('ga:')) return undefined;
      if (!api) throw new Error('API server not started');
      return api.command(command.slice(3), payload ?? {});
    },
  };
}
