// Issue 14, item 8: `npm start` stops on SIGTERM. A `sh -c "build && serve"` script kept the server running
// after the shell died; the script now execs the server, so npm's SIGTERM reaches it. `npm start` runs in a
// copy of the package (the sources linked, its own dist/), so its build never rewrites the dist/ that
// other tests are serving.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const LINKED = ['api', 'widget', 'demo', 'scripts', 'node_modules'];
const COPIED = ['package.json', 'build.mjs', 'tsconfig.json'];

/** Whether something accepts connections on the port. */
const listening = (port: number) =>
  new Promise<boolean>((settle) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      settle(true);
    });
    socket.once('error', () => settle(false));
  });

test('npm start stops on SIGTERM: the port closes and npm exits (item 8)', { timeout: 90_000 }, async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'guest-access-npm-start-'));
  for (const name of LINKED) symlinkSync(realpathSync(resolve(name)), join(folder, name));
  for (const name of COPIED) copyFileSync(resolve(name), join(folder, name));
  const npm = spawn('npm', ['start'], {
    cwd: folder,
    env: {
      ...process.env,
      PORT: '0',
      GUEST_ACCESS_DB: join(folder, 'data', 'start.db'),
      BUILD_QUIET: '1',
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: whatever outlives npm (a server the shell left behind) is killed with it.
    detached: true,
  });
  const exited = once(npm, 'exit');
  t.after(() => {
    try {
      process.kill(-(npm.pid as number), 'SIGKILL');
    } catch {
      // the group is gone already
    }
    rmSync(folder, { recursive: true, force: true });
  });
  let output = '';
  const url = await new Promise<string>((settle, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) settle(match[1]);
    };
    npm.stdout.on('data', read);
    npm.stderr.on('data', read);
    void exited.then(() => reject(new Error(`npm start ended before listening:\n${output}`)));
  });
  const port = Number(new URL(url).port);
  assert.equal(await listening(port), true);

  npm.kill('SIGTERM');
  const deadline = Date.now() + 5000;
  while ((await listening(port)) && Date.now() < deadline)
    await new Promise((settle) => setTimeout(settle, 50));
  assert.equal(await listening(port), false, 'the server stopped listening within 5 s');
  const [code, signal] = (await Promise.race([
    exited,
    new Promise((settle) => setTimeout(() => settle(['still running', null]), 5000)),
  ])) as [number | string | null, string | null];
  assert.ok(code === 0 || signal === 'SIGTERM', `npm ended (${code}, ${signal})`);
});
