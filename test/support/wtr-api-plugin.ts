// A @web/test-runner plugin that starts the real API server on a temporary database for the browser
// tests, and exposes setup steps (tenants, rooms, host tokens, admin and host calls) as server commands,
// so tests run their setup from Node without CORS or secrets in the page.
import { startTestApi, type TestApi } from './api-fixture.ts';

type Payload = Record<string, unknown>;

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
    async executeCommand({ command, payload }: { command: string; payload?: Payload }) {
      if (!command.startsWith('ga:')) return undefined;
      if (!api) throw new Error('API server not started');
      return api.command(command.slice(3), payload ?? {});
    },
  };
}
