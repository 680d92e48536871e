// nginx from the system's package, run by a test in front of given upstream URLs: docs/deploy/nginx.conf with
// its upstream servers and listen port swapped, inside a minimal main configuration whose pid, logs and temp
// files all live in a temporary folder (no root needed). Stopped, and the folder removed, when the test ends.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

export const NGINX_TEMPLATE = new URL('../../docs/deploy/nginx.conf', import.meta.url);

const START_TIMEOUT_MS = 5000;
const STOP_TIMEOUT_MS = 3000;

export interface RunningNginx {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  folder: string;
  /** Stops nginx at once (open streams are cut); waits for its exit. Also run when the test ends. */
  stop(): Promise<void>;
}

/** The nginx binary: on PATH, or in /usr/sbin (Debian puts it there, off a normal user's PATH). */
export function findNginx(): string {
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  const found = folders.map((folder) => join(folder, 'nginx')).find((path) => existsSync(path));
  if (!found) throw new Error('nginx is not installed: apt-get install -y nginx');
  return found;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The template with one `server` line per upstream (keeping the template's parameters) and our port. */
export function siteConfig(template: string, upstreams: string[], port: number): string {
  const servers = [...template.matchAll(/^( *)server [^\s;]+([^;\n]*);$/gm)];
  const listens = template.match(/^ *listen [^;]+;$/gm) ?? [];
  const first = servers[0];
  if (!first || first.index === undefined || listens.length !== 1 || upstreams.length === 0)
    throw new Error('docs/deploy/nginx.conf no longer has the upstream servers and one listen line');
  const [, indent, parameters] = first;
  const lines = upstreams.map((url) => `${indent}server ${new URL(url).host}${parameters};`).join('\n');
  return servers
    .slice(1)
    .reduce((config, server) => config.replace(`${server[0]}\n`, ''), template.replace(first[0], lines))
    .replace(/^( *)listen [^;]+;$/m, `$1listen 127.0.0.1:${port};`);
}

function mainConfig(folder: string, site: string) {
  const temp = (name: string) => `${name}_temp_path ${join(folder, 'temp', name)};`;
  return `worker_processes 1;
${process.getuid?.() === 0 ? '# Root would hand workers to "nobody", who cannot enter this private folder.\nuser root;\n' : ''}
events { worker_connections 1024; }
http {
  access_log ${join(folder, 'access.log')};
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  include ${site};
}
`;
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Resolves once something accepts connections on the port; rejects when `failed` settles first. */
async function untilListening(port: number, failed: Promise<never>) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await Promise.race([accepts(port), failed]))) {
    if (Date.now() > deadline)
      throw new Error(`nginx did not listen on ${port} within ${START_TIMEOUT_MS} ms`);
    await sleep(25);
  }
}

/**
 * Starts nginx with docs/deploy/nginx.conf in front of `upstreams` (base URLs of API instances) on `port` (by
 * default a free one; given when the instances must know nginx's URL before it starts) and waits until it
 * accepts connections.
 */
export async function startNginx(
  t: TestContext,
  upstreams: string[],
  options: { port?: number } = {},
): Promise<RunningNginx> {
  const nginx = findNginx();
  const folder = mkdtempSync(join(tmpdir(), 'guest-access-nginx-'));
  mkdirSync(join(folder, 'temp'));
  const port = options.port ?? (await freePort());
  const site = join(folder, 'guest-access.conf');
  writeFileSync(site, siteConfig(readFileSync(NGINX_TEMPLATE, 'utf8'), upstreams, port));
  const conf = join(folder, 'nginx.conf');
  writeFileSync(conf, mainConfig(folder, site));

  const globals = `daemon off; pid ${join(folder, 'nginx.pid')}; error_log ${join(folder, 'error.log')} warn;`;
  // -e: errors while reading the configuration go to stderr, which ends up in the failure message.
  const child: ChildProcess = spawn(nginx, ['-p', folder, '-c', conf, '-e', 'stderr', '-g', globals], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // nginx would outlive a test run that is itself killed and keep the port: stop it with the runner.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killed = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(killed);
      }
      process.removeListener('exit', killOnExit);
      rmSync(folder, { recursive: true, force: true });
    })();
    return stopping;
  };
  t.after(stop);

  const failed = new Promise<never>((_resolve, reject) => {
    child.once('error', (error) => reject(new Error(`nginx did not start: ${error.message}`)));
    void exited.then(() => reject(new Error(`nginx exited at start: ${stderr.trim()}`)));
  });
  try {
    await untilListening(port, failed);
  } catch (error) {
    await stop();
    throw error;
  }
  // Once started, its exit is noticed by the tests' own requests failing.
  failed.catch(() => {});
  return { url: `http://127.0.0.1:${port}`, port, folder, stop };
}
