// The README's "Integrate it in five minutes", done as a new integrator does it: its code blocks are read
// from README.md and used as written, with only the two example hosts replaced by 127.0.0.1 ports. The
// ```sh blocks run in a shell (`npx guest-access` finds the command line as an installed package would
// put it, in node_modules/.bin); the media site on the other origin serves the page, script and joinUrl
// blocks at the paths their first-line comments name, and its token route is the Express block on a
// minimal Express-shaped adapter (whose `req.body` stays undefined without `express.json()`, as Express's). Then a host and a guest click through it in Chromium.
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import ts from 'typescript';
import { npmEnv } from '../../scripts/pack.mjs';
import { launchChromium } from './browser.ts';
import { copyLink, createLink, enableGuestAccess, joinAs, newVisitor } from './demo-steps.ts';

const SERVICE = 'https://guest-access.example.com';
const MEDIA = 'https://media.example.com';

interface Block {
  lang: string;
  body: string;
}

/** The fenced code blocks of the README's integration guide, in order. */
function guideBlocks(): Block[] {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('\n## Integrate it in five minutes\n');
  assert.ok(start >= 0, 'README.md has the section "Integrate it in five minutes"');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```(\w*)[^\n]*\n([\s\S]*?)^```$/gm)].map(([, lang = '', body = '']) => ({
    lang,
    body,
  }));
}

const folder = mkdtempSync(join(tmpdir(), 'guest-access-readme-'));
// The backend block imports packages (hono/jwt): it runs from inside this repository's node_modules.
mkdirSync('node_modules/.cache', { recursive: true });
const backendFolder = mkdtempSync(join(resolve('node_modules/.cache'), 'guest-access-readme-'));
const blocks = guideBlocks();
let service = '';
let media = '';
let serviceProcess: ChildProcess | undefined;
let mediaServer: Server | undefined;
let browser: Browser | undefined;
const problems: string[] = [];

/** A block with the example hosts replaced by this test's. */
const localised = (body: string) => body.replaceAll(SERVICE, service).replaceAll(MEDIA, media);

/** The environment a reader's shell has: nothing of this repository's `npm run`, the tenant's values once known. */
const shellEnv: NodeJS.ProcessEnv = { ...npmEnv(), NODE_OPTIONS: '' };

function runShell(script: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(
      'bash',
      ['-e', '-c', script],
      { cwd: folder, env: shellEnv, timeout: 60_000 },
      (error, stdout, stderr) =>
        error ? fail(new Error(`${script}\nfailed: ${error.message}\n${stdout}\n${stderr}`)) : done(stdout),
    );
  });
}

/** Starts the block's `… &` command as the test's own child and resolves with the URL it listens on. */
function startService(command: string): Promise<string> {
  // PORT=0: any free port, read back from the start line, in place of the default 8787.
  // A process group of its own: npx runs the server as its child, and both must end with the test.
  serviceProcess = spawn('bash', ['-c', `exec ${command}`], {
    cwd: folder,
    env: { ...shellEnv, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const child = serviceProcess;
  return new Promise((done, fail) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (match?.[1]) done(match[1]);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', () => fail(new Error(`${command} exited:\n${output}`)));
  });
}

/** The blocks of a language whose first line is a comment naming a path on the media site. */
function servedBlocks(): Map<string, { type: string; body: string }> {
  const served = new Map<string, { type: string; body: string }>();
  for (const { lang, body } of blocks) {
    const firstLine = body.split('\n', 1)[0] ?? '';
    const page =
      lang === 'html' ? /^<!--.*https:\/\/media\.example\.com(\/\S*)\s*-->$/.exec(firstLine) : null;
    const script = lang === 'js' ? /^\/\/ (\/\S+\.js)$/.exec(firstLine) : null;
    if (page?.[1])
      served.set(page[1], { type: 'text/html; charset=utf-8', body: `<!doctype html>\n${body}` });
    if (script?.[1]) served.set(script[1], { type: 'text/javascript; charset=utf-8', body });
  }
  return served;
}

type Handler = (request: ExpressRequest, response: ExpressResponse, next: () => void) => unknown;
interface ExpressRequest {
  /** Undefined until a body parser (`express.json()`) sets it, as in Express. */
  body?: Record<string, unknown>;
  /** The raw body, which this adapter's `express.json()` parses. */
  text: string;
  user?: unknown;
}
interface ExpressResponse {
  json(body: unknown): void;
  sendStatus(status: number): void;
}

/** The backend block, run against an object with Express's `app.post` and its `req`/`res` essentials. */
async function backendRoutes(): Promise<Map<string, Handler[]>> {
  const block = blocks.find(({ lang, body }) => lang === 'js' && /^\/\/ Your backend/.test(body));
  assert.ok(block, 'the guide has the backend block');
  const lines = block.body.split('\n');
  const imports = lines.filter((line) => line.startsWith('import '));
  const rest = lines.filter((line) => !line.startsWith('import '));
  const file = join(backendFolder, 'backend.mjs');
  writeFileSync(
    file,
    `${imports.join('\n')}\nexport default function (app, requireSignedInUser, express) {\n${rest.join('\n')}\n}\n`,
  );
  const routes = new Map<string, Handler[]>();
  const middleware: Handler[] = [];
  const app = {
    use: (handler: Handler) => middleware.push(handler),
    post: (path: string, ...handlers: Handler[]) => routes.set(`POST ${path}`, [...middleware, ...handlers]),
  };
  const express = {
    json: (): Handler => (request, _response, next) => {
      request.body = request.text ? JSON.parse(request.text) : {};
      next();
    },
  };
  // The signed-in user: the room's owner.
  const requireSignedInUser: Handler = (request, _response, next) => {
    request.user = { id: 'hannah', canHost: () => true, isOwner: () => true };
    next();
  };
  const install = (await import(pathToFileURL(file).href)).default;
  install(app, requireSignedInUser, express);
  return routes;
}

async function mediaSite(routes: Map<string, Handler[]>) {
  const served = servedBlocks();
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const handlers = routes.get(`${request.method} ${path}`);
    if (handlers) {
      let text = '';
      for await (const chunk of request) text += chunk;
      const req: ExpressRequest = { text };
      const res: ExpressResponse = {
        json: (body) =>
          response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body)),
        sendStatus: (status) => response.writeHead(status).end(),
      };
      const chain = async (index: number): Promise<void> => {
        await handlers[index]?.(req, res, () => void chain(index + 1));
      };
      await chain(0);
      return;
    }
    const file = request.method === 'GET' ? served.get(path) : undefined;
    if (!file) return response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': file.type }).end(localised(file.body));
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      problems.push(`media site: ${error.message}`);
      response.writeHead(500).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

before(async () => {
  // `npx guest-access` in the integrator's folder runs the command line, as after installing the package.
  mkdirSync(join(folder, 'node_modules/.bin'), { recursive: true });
  symlinkSync(resolve('bin/guest-access.mjs'), join(folder, 'node_modules/.bin/guest-access'));
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'media-site', private: true }));

  mediaServer = await mediaSite(await backendRoutes());
  media = `http://127.0.0.1:${(mediaServer.address() as AddressInfo).port}`;

  for (const { body } of blocks.filter(({ lang }) => lang === 'sh')) {
    const lines = body.split('\n');
    const background = lines.filter((line) => /&\s*$/.test(line));
    for (const line of background) service = await startService(line.replace(/&\s*$/, ''));
    const stdout = await runShell(localised(lines.filter((line) => !background.includes(line)).join('\n')));
    // What the reader keeps from `tenant create`, in the environment the next steps read.
    const printed = /^\{[\s\S]*\}\s*$/.test(stdout) ? JSON.parse(stdout) : undefined;
    if (printed?.apiKey) {
      Object.assign(shellEnv, {
        GUEST_ACCESS_TENANT_ID: printed.id,
        GUEST_ACCESS_API_KEY: printed.apiKey,
        GUEST_ACCESS_SIGNING_SECRET: printed.signingSecret,
      });
      // The backend block reads them from its process's environment.
      process.env.GUEST_ACCESS_TENANT_ID = printed.id;
      process.env.GUEST_ACCESS_SIGNING_SECRET = printed.signingSecret;
    }
  }
  assert.ok(service, 'the guide starts the service');
  assert.ok(shellEnv.GUEST_ACCESS_TENANT_ID, 'the guide creates a tenant');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (serviceProcess?.pid) {
    try {
      process.kill(-serviceProcess.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  await new Promise((done) => (mediaServer ? mediaServer.close(done) : done(undefined)));
  rmSync(folder, { recursive: true, force: true });
  rmSync(backendFolder, { recursive: true, force: true });
});

test("the README's guide, followed literally: a host on another origin shares a link, a guest is admitted onto the joinUrl page", {
  timeout: 180_000,
}, async () => {
  assert.ok(browser);
  const [hostContext, host] = await newVisitor(browser, problems);
  await host.goto(`${media}/town-hall`);
  await host.getByRole('button', { name: 'Manage guest access' }).click();
  const manager = host.getByRole('dialog', { name: 'Manage guest access' });
  await manager.waitFor();
  await enableGuestAccess(manager);
  await createLink(host, manager, 'Town hall guests');
  const linkUrl = await copyLink(host, manager, 'Town hall guests');
  assert.ok(linkUrl.startsWith(`${service}/g/`), `${linkUrl} is the service's entry page`);

  const [guestContext, guest] = await newVisitor(browser, problems);
  await joinAs(guest, linkUrl, 'Ada');
  await manager.getByRole('button', { name: 'Admit Ada' }).click();

  // The joinUrl page verified the session with watchGuestSession, and took the token out of the URL.
  await guest.getByText('Watching as a guest: Ada').waitFor();
  assert.equal(guest.url(), `${media}/town-hall/watch`);

  // Removed by the host: the page hears it on the presence connection, without a reload.
  await manager.getByRole('button', { name: 'Remove Ada' }).click();
  await guest.getByText('No access (removed)').waitFor();

  assert.deepEqual(problems, [], 'no script errors or CSP violations, and the media site never failed');
  await Promise.all([hostContext.close(), guestContext.close()]);
});

test("the README's joinUrl page opened without #session says so and sends the service nothing", async () => {
  assert.ok(browser);
  const [context, page] = await newVisitor(browser, problems);
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${service}/v1/`)) asked.push(request.url());
  });
  await page.goto(`${media}/town-hall/watch`);
  await page.getByText('To watch as a guest, open your guest link again.').waitFor();
  assert.deepEqual(asked, [], 'no session check with "Bearer null"');
  assert.deepEqual(problems, []);
  await context.close();
});

test("the README's joinUrl script type-checks as strict TypeScript", () => {
  const block = blocks.find(({ lang, body }) => lang === 'js' && body.startsWith('// /town-hall-watch.js\n'));
  assert.ok(block, 'the guide has the joinUrl script');
  // As TypeScript, with the bundle's URL pointing at the module it is built from.
  const file = join(backendFolder, 'town-hall-watch.ts');
  const client = `${SERVICE}/assets/client.js`;
  assert.ok(block.body.includes(client), `it imports ${client}`);
  writeFileSync(file, block.body.replace(client, resolve('widget/internal/api-client.ts')));
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    experimentalDecorators: true,
    useDefineForClassFields: false,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName === file)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  assert.deepEqual(errors, []);
});
