// A PostgreSQL server of the test's own (initdb in a temporary folder, a free port), so a test can stop and
// start it without touching the server the other tests share. Runs as the `postgres` user when the tests
// run as root (PostgreSQL refuses to run as root).
import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { promisify } from 'node:util';
import { atTestEnd } from './cleanup.ts';
import { freePort } from './nginx.ts';

const run = promisify(execFile);

function binaries(): string {
  const root = '/usr/lib/postgresql';
  const version = readdirSync(root).sort().at(-1);
  if (!version) throw new Error(`No PostgreSQL server binaries under ${root}: apt-get install -y postgresql`);
  return join(root, version, 'bin');
}

export interface PrivatePostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function privatePostgres(t: TestContext): Promise<PrivatePostgres> {
  const bin = binaries();
  const folder = mkdtempSync('/tmp/guest-access-pg-');
  const data = join(folder, 'data');
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const uid = Number(stdout.trim());
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    chownSync(folder, uid, Number(group.trim()));
  }
  const as = (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args])
      : run(join(bin, command), args);
  const port = await freePort();
  await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => {
    await as('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'log'), '-w', 'start']);
  };
  const stop = async () => {
    await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  atTestEnd(t, async () => {
    await stop().catch(() => {});
    rmSync(folder, { recursive: true, force: true });
  });
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop, start };
}
