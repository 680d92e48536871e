// Browser tests of the two elements, in Debian's Chromium, against the real API on a temporary database.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from './test/support/chromium.ts';
import { apiServerPlugin } from './test/support/wtr-api-plugin.ts';

export default {
  files: 'test/widget/**/*.test.ts',
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 15000 } },
  testsFinishTimeout: 300000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), apiServerPlugin()],
  browsers: [playwrightLauncher({ launchOptions: chromiumLaunchOptions })],
};
