// The two packages as an integrator gets them: packed with `npm pack`, installed from the tarballs into a
// project of their own (outside this repository, so nothing resolves from its node_modules), then every
// entry point used the way it is meant to be: the server's `bin` from the command line, the elements
// through a bundler and in Chromium, the client from Node, the script-tag bundles in Chromium, and the
// declarations by tsc.
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import type { Browser } from 'playwright-core';
import { npmEnv, packPackages } from '../../scripts/pack.mjs';
import { launchChromium, watchedPage } from '../e2e/browser.ts';

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'guest-access-packaging-'));
const project = join(folder, 'project');
const installed = (path: string) => join(project, 'node_modules', path);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

let packed: Awaited<ReturnType<typeof packPackages>>;
let browser: Browser | undefined;
let server: ChildProcess | undefined;

before(async () => {
  await run(process.execPath, ['build.mjs', '--packages'], { env: { ...process.env, BUILD_QUIET: '1' } });
  packed = await packPackages(folder);

  // better-sqlite3 compiles SQLite in its install script (minutes, or a download): install without
  // scripts at the version this repository built, and take its binary.
  const sqliteVersion = readJson('node_modules/better-sqlite3/package.json').version;
  await run('mkdir', ['-p', project]);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'media-site',
      private: true,
      type: 'module',
      dependencies: {
        'guest-access': packed.server.tarball,
        'guest-access-elements': packed.elements.tarball,
      },
      overrides: { 'better-sqlite3': sqliteVersion },
    }),
  );
  await run('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: project,
    env: npmEnv(),
  });
  const binary = 'better-sqlite3/build/Release/better_sqlite3.node';
  await run('mkdir', ['-p', join(installed(binary), '..')]);
  copyFileSync(join('node_modules', binary), installed(binary));
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) server.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

test('each package carries its own part and nothing of the other', () => {
  const server = packed.server.files;
  for (const file of [
    'bin/guest-access.mjs',
    'dist/server/cli.js',
    'dist/guest-access.js',
    'demo/media.html',
  ]) {
    assert.ok(server.includes(file), `the server package has ${file}`);
  }
  assert.deepEqual(
    server.filter((file) => /^(widget|api|test|packages|dist\/types)\//.test(file) || file.endsWith('.ts')),
    [],
    'no sources, tests or declarations in the server package',
  );
  const elements = packed.elements.files;
  for (const file of [
    'dist/widget/index.js',
    'dist/widget/index.d.ts',
    'dist/widget/internal/api-client.d.ts',
    'cdn/guest-access.js',
    'custom-elements.json',
  ]) {
    assert.ok(elements.includes(file), `the elements package has ${file}`);
  }
  assert.deepEqual(
    elements.filter((file) => /^dist\/api\/.*\.js$|\/(server|store)\//.test(file)),
    [],
    'no server module in the elements package',
  );

  // Installing the elements installs Lit (shared with the app) and no server dependency.
  const elementsManifest = readJson(installed('guest-access-elements/package.json'));
  assert.deepEqual(Object.keys(elementsManifest.dependencies).sort(), ['lit', 'valibot']);
  const serverManifest = readJson(installed('guest-access/package.json'));
  assert.equal(serverManifest.dependencies.lit, undefined, 'the server serves Lit inside its bundles');
  assert.equal(elementsManifest.version, serverManifest.version);
});

test("the server package's command line creates a tenant and serves the demo, the bundles and the entry pages", {
  timeout: 180_000,
}, async () => {
  const cli = installed('.bin/guest-access');
  const env = { ...process.env, NODE_OPTIONS: '', GUEST_ACCESS_SECRET: undefined };
  const db = join(folder, 'data', 'guest-access.db');
  const { stdout } = await run(cli, ['tenant', 'create', '--name', 'Packed', '--db', db], {
    cwd: project,
    env,
  });
  assert.match(JSON.parse(stdout).id, /^t_/);

  server = spawn(cli, ['serve', '--demo', '--port', '0', '--db', db], {
    cwd: project,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const child = server;
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error(`the server exited:\n${output}`)));
  });
  const demo = await fetch(`${origin}/demo/rooms/live-session`);
  assert.equal(demo.status, 200);
  for (const [, src = ''] of (await demo.text()).matchAll(/<script[^>]*src="([^"]+)"/g)) {
    assert.equal((await fetch(new URL(src, origin))).status, 200, `${src} is served`);
  }
  for (const bundle of ['guest-access.js', 'guest-access-manager.js', 'guest-entry-form.js', 'client.js']) {
    const response = await fetch(`${origin}/assets/${bundle}`);
    assert.equal(response.status, 200, bundle);
    assert.equal(
      await response.text(),
      readFileSync(installed(`guest-access-elements/cdn/${bundle}`), 'utf8'),
    );
  }
  const entryPage = await fetch(`${origin}/g/not-a-link`);
  assert.match(await entryPage.text(), /\/assets\/guest-entry-form\.js/);

  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
});

test('the client entry imports in Node, without Lit or a DOM', async () => {
  const { stdout } = await run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const client = await import('guest-access-elements/client');
       console.log(JSON.stringify([typeof client.ApiClient, typeof client.watchGuestSession, typeof client.ApiRequestError]));`,
    ],
    { cwd: project, env: { ...process.env, NODE_OPTIONS: '' } },
  );
  assert.deepEqual(JSON.parse(stdout), ['function', 'function', 'function']);
});

/** What a bundler makes of `source` in the integrator's project (esbuild, as Vite uses it). */
async function bundle(source: string) {
  const entry = join(project, `entry-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(entry, source);
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: project,
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  return { code: result.outputFiles[0]?.text ?? '', inputs };
}

/**
 * Runs a module script in a blank Chromium page and answers what it left in `window.result`; with `files`,
 * the page is served from that folder, so the script can import its files (and they their chunks).
 */
async function inChromium(code: string, files?: string): Promise<unknown> {
  browser ??= await launchChromium();
  const context = await browser.newContext();
  try {
    const problems: string[] = [];
    const page = await watchedPage(context, problems);
    const blank = '<!doctype html><html lang="en"><body></body></html>';
    if (files) {
      await page.route('http://files.test/**', (route) => {
        const path = new URL(route.request().url()).pathname;
        return path === '/'
          ? route.fulfill({ contentType: 'text/html', body: blank })
          : route.fulfill({ contentType: 'text/javascript', path: join(files, path) });
      });
      await page.goto('http://files.test/');
    } else await page.setContent(blank);
    await page.addScriptTag({ type: 'module', content: code });
    const result = await page.waitForFunction(() => (window as { result?: unknown }).result);
    assert.deepEqual(problems, []);
    return await result.jsonValue();
  } finally {
    await context.close();
  }
}

test('through a bundler, each element entry registers its element on the Lit the app already uses', {
  timeout: 180_000,
}, async () => {
  for (const [entry, tags] of [
    ['guest-access-elements', ['guest-access-manager', 'guest-entry-form']],
    ['guest-access-elements/guest-access-manager', ['guest-access-manager']],
    ['guest-access-elements/guest-entry-form', ['guest-entry-form']],
  ] as const) {
    const { code, inputs } = await bundle(
      `import { LitElement } from 'lit';
       import '${entry}';
       window.result = ${JSON.stringify(tags)}.map((tag) => {
         const element = customElements.get(tag);
         return element && element.prototype instanceof LitElement ? tag : 'not ' + tag;
       });`,
    );
    assert.deepEqual(await inChromium(code), tags, entry);
    assert.equal(inputs.filter((input) => input.endsWith('lit-element/lit-element.js')).length, 1, 'one Lit');
    // Unbundled: the app's bundler sees the package's own modules, not a prebuilt bundle.
    assert.ok(inputs.some((input) => input.includes('guest-access-elements/dist/widget/')));
  }
});

test('the script-tag bundles register their elements on their own', { timeout: 180_000 }, async () => {
  for (const [file, tags] of [
    ['guest-access.js', ['guest-access-manager', 'guest-entry-form']],
    ['guest-access-manager.js', ['guest-access-manager']],
    ['guest-entry-form.js', ['guest-entry-form']],
  ] as const) {
    // The bundle and the chunks it imports statically, as a page's <script type="module" src> loads them.
    const defined = await inChromium(
      `import './${file}';\nwindow.result = ${JSON.stringify(tags)}.filter((tag) => customElements.get(tag));`,
      installed('guest-access-elements/cdn'),
    );
    assert.deepEqual(defined, tags, file);
  }
});

test("the declarations type-check an integrator's use of every entry, under a strict tsconfig", {
  timeout: 180_000,
}, async () => {
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        // The package's declarations are checked too, and nothing of Node's types is around.
        skipLibCheck: false,
        resolveJsonModule: true,
        types: [],
        noEmit: true,
      },
      files: ['use.ts'],
    }),
  );
  writeFileSync(
    join(project, 'use.ts'),
    `import 'guest-access-elements/guest-access-manager';
import 'guest-access-elements/guest-entry-form';
import { type GuestAccessEvent, GuestAccessManager } from 'guest-access-elements';
import { ApiClient, ApiRequestError, type GuestSession, watchGuestSession } from 'guest-access-elements/client';
import manifest from 'guest-access-elements/custom-elements.json' with { type: 'json' };

const manager: GuestAccessManager = document.createElement('guest-access-manager');
manager.getToken = async () => 'token';
// @ts-expect-error: the room is a string (the declarations are not \`any\`)
manager.room = 1;
manager.addEventListener('guest-link-create', (event: GuestAccessEvent<'guest-link-create'>) => event.detail.link.url);
const form = document.createElement('guest-entry-form');
form.token = 'link-token';

const admitted = (session: GuestSession): boolean => session.guest.status === 'admitted';
// @ts-expect-error: no such status
const wrong = (session: GuestSession): boolean => session.guest.status === 'approved';
const watch = watchGuestSession({ api: 'https://guest-access.example.com', session: 's', onChange() {} });
watch.stop();
const error = new ApiRequestError('network', 0, 'unreachable');
export { admitted, ApiClient, error, form, manifest, wrong };
`,
  );
  const tsc = await run(process.execPath, [
    join(process.cwd(), 'node_modules/typescript/bin/tsc'),
    '-p',
    project,
  ]).catch((failure: { stdout: string }) => failure);
  assert.equal(tsc.stdout, '', 'tsc reports nothing');
});

test("the manifest's modules are files of the package", () => {
  const manifest = readJson(installed('guest-access-elements/custom-elements.json'));
  const paths: string[] = manifest.modules.map((module: { path: string }) => module.path);
  assert.ok(paths.length > 0);
  for (const path of paths) readFileSync(installed(`guest-access-elements/${path}`));
});
