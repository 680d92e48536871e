// `npm start` as a new user runs it: the built command line (plain JavaScript, no TypeScript runtime)
// serves the demo, the widget bundles and the API from one process, prints the demo's URL, and stops
// cleanly on SIGTERM.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

let child: ChildProcess | undefined;
const folder = mkdtempSync(join(tmpdir(), 'guest-access-start-'));

after(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

/** Resolves with the first stdout line that matches, failing after `ms`. */
function lineMatching(process: ChildProcess, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} in:\n${output}`)), ms);
    process.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = output.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

test('the built server starts with the demo, prints its URL and stops on SIGTERM', {
  timeout: 30_000,
}, async () => {
  child = spawn(process.execPath, ['dist/server/cli.js', 'serve', '--demo', '--port', '0'], {
    // No NODE_OPTIONS: nothing may preload a TypeScript loader into the built server.
    env: { ...process.env, GUEST_ACCESS_DB: join(folder, 'guest-access.db'), NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [, demoUrl = ''] = await lineMatching(child, /demo media page: (http:\/\/\S+)/, 15_000);
  const origin = new URL(demoUrl).origin;

  const page = await fetch(demoUrl);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  const html = await page.text();
  for (const script of html.matchAll(/<script[^>]*src="([^"]+)"/g)) {
    const response = await fetch(new URL(script[1] ?? '', origin));
    assert.equal(response.status, 200, `${script[1]} is served`);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
  }
  assert.equal((await fetch(`${origin}/healthz`)).status, 200);

  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
});
