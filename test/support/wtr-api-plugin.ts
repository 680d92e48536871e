// A @web/test-runner plugin that starts the real API server on a temporary database for the browser
// tests, and exposes setup steps (tenants, rooms, host tokens, admin and host calls) as server commands,
// so tests run their setup from Node without CORS or secrets in the page. `ga:fail-module` makes the
// page's requests for a module fail (as a chunk does offline or after a deploy), until it is lifted.
import type { Page } from 'playwright-core';
import { startTestApi, type TestApi } from './api-fixture.ts';

type Payload = Record<string, unknown>;

interface CommandSession {
  id: string;
  browser: { getPage?(sessionId: string): Page };
}

/** The routes set by `ga:fail-module`, by page and path (unroute wants the same matcher back). */
const failing = new WeakMap<Page, Map<string, (url: URL) => boolean>>();

/** `{ path, fail }`: while `fail`, requests whose URL path ends with `path` are aborted. */
async function failModule(session: CommandSession, payload: Payload): Promise<boolean> {
  const page = session.browser.getPage?.(session.id);
  if (!page) throw new Error('ga:fail-module needs a Playwright browser');
  const path = String(payload.path);
  const routes = failing.get(page) ?? new Map<string, (url: URL) => boolean>();
  failing.set(page, routes);
  const existing = routes.get(path);
  if (existing) await page.unroute(existing);
  routes.delete(path);
  if (payload.fail) {
    const matches = (url: URL) => url.pathname.endsWith(path);
    routes.set(path, matches);
    await page.route(matches, (route) => route.abort('internetdisconnected'));
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
      if (command === 'ga:fail-module') return failModule(session, payload ?? {});
      if (!command.startsWith('ga:')) return undefined;
      if (!api) throw new Error('API server not started');
      return api.command(command.slice(3), payload ?? {});
    },
  };
}
