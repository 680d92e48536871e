// The real command line (`guest-access serve`) as a child process on a database file that outlives it, so
// tests can kill it (SIGKILL, SIGTERM) and start it again on the same file; plus the setup those tests need.

import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { createTenant } from '../../api/auth.ts';
import { openStoreWithSecret } from '../../api/server.ts';
import { openEvents } from '../api/helpers.ts';
import { type CallInput, call, hostToken } from '../support/api-fixture.ts';
import { atTestEnd } from '../support/cleanup.ts';
import { CLI } from '../support/cli.ts';
import { createTestDatabase } from '../support/test-database.ts';

export interface ChildServer {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  request(input: CallInput): ReturnType<typeof call>;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one command of the real command line and resolves with how it ended, failed or not; a command still
 * running after 20 s (a server that should have refused to start) is killed and counts as failed.
 */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...CLI, ...args],
      { env: { ...process.env, GUEST_ACCESS_SECRET: undefined, ...env }, timeout: 20_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** A fresh database for the test's processes (SQLite file or PostgreSQL, per the test pass), removed at its end. */
export async function testDatabase(t: TestContext): Promise<string> {
  const database = await createTestDatabase();
  atTestEnd(t, database.remove);
  return database.location;
}

/** A temporary folder for the database file, removed when the test ends. */
export function tempDbFile(t: TestContext): string {
  const folder = mkdtempSync(join(tmpdir(), 'guest-access-hardening-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  return join(folder, 'guest-access.db');
}

/**
 * Starts `serve --port 0` on dbFile (rate limits off) and waits until it listens; killed when the test ends.
 * `openFiles` starts it under `ulimit -n` (through bash, which then execs node); `args` adds to `serve`'s own;
 * `cwd` is the folder it runs in.
 */
export async function startChildServer(
  t: TestContext,
  dbFile: string,
  env: Record<string, string> = {},
  options: { openFiles?: number; args?: string[]; cwd?: string } = {},
): Promise<ChildServer> {
  const args = [...CLI, 'serve', '--port', '0', '--db', dbFile, ...(options.args ?? [])];
  const [command, commandArgs] = options.openFiles
    ? ['bash', ['-c', `ulimit -n ${options.openFiles} && exec "$0" "$@"`, process.execPath, ...args]]
    : [process.execPath, args];
  const child = spawn(command, commandArgs, {
    cwd: options.cwd,
    env: { ...process.env, GUEST_ACCESS_RATE_LIMIT: '0', ...env },
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then(() => reject(new Error(`server exited before listening:\n${output}`)));
  });
  // A request that gets no answer at all (the process died, say) fails with what the process wrote.
  const request = (input: CallInput) =>
    call(url, input).catch((error: Error) => {
      throw new Error(`${input.path}: ${error.message}; the server wrote:\n${output}`, { cause: error });
    });
  return { url, child, exited, request, output: () => output };
}

/**
 * A tenant written straight into the file (as `tenant create` does), then a room with guest access on and
 * the given links created through the running server.
 */
export async function createTenantIn(dbFile: string) {
  const { store, serverSecret } = await openStoreWithSecret(dbFile);
  try {
    const created = await createTenant(store, serverSecret, { name: 'Durable' }, Date.now());
    return { tenantId: created.tenant.id, apiKey: created.apiKey, signingSecret: created.signingSecret };
  } finally {
    await store.close();
  }
}

export interface Instances {
  /** GUEST_ACCESS_SECRET, shared by the instances and the command line as a deployment shares it. */
  env: Record<string, string>;
  servers: Array<ChildServer & { name: string }>;
  tenant: Awaited<Awaited<ReturnType<typeof createTenantIn>>>;
}

/**
 * `count` instances of `serve` on one database (a file path, or whatever `--db` takes), named `instance-1`…
 * through GUEST_ACCESS_INSTANCE, with a tenant made by `tenant create` on the same database.
 */
export async function startInstances(
  t: TestContext,
  db: string,
  count: number,
  env: Record<string, string> = {},
): Promise<Instances> {
  const shared = { ...env, GUEST_ACCESS_SECRET: randomBytes(32).toString('hex') };
  const created = await promisify(execFile)(
    process.execPath,
    [...CLI, 'tenant', 'create', '--name', 'Instances', '--db', db],
    { env: { ...process.env, ...shared } },
  );
  const { id, apiKey, signingSecret } = JSON.parse(created.stdout);
  const servers = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const name = `instance-${index + 1}`;
      return { name, ...(await startChildServer(t, db, { ...shared, GUEST_ACCESS_INSTANCE: name })) };
    }),
  );
  return { env: shared, servers, tenant: { tenantId: id, apiKey, signingSecret } };
}

/**
 * Opens the room's host event stream, asking again while the instance answers 503 (it is not listening to
 * the event bus yet), for at most `ms`.
 */
export async function openEventsOnceListening(server: ChildServer, token: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await openEvents(`${server.url}/v1/rooms/r1/events`, token);
    } catch (error) {
      if (!String(error).includes('events: 503') || Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

/** A guest redeems the link on `server` (name and email given, Grace's by default); the raw answer. */
export const redeemOn = (
  server: ChildServer,
  token: string,
  guest = { name: 'Grace', email: 'grace@example.com' },
) => server.request({ method: 'POST', path: `/v1/links/${token}/guests`, body: guest });

/** The answer of a write the database cannot take now: 503 `unavailable` with a Retry-After, never a 500. */
export function assertUnavailable(answer: Awaited<ReturnType<ChildServer['request']>>) {
  assert.equal(answer.status, 503, JSON.stringify(answer.body));
  assert.equal((answer.body as { error: { code: string } }).error.code, 'unavailable');
  assert.ok(Number(answer.headers['retry-after']) > 0, 'Retry-After');
}

/** Redeems once more on room r1's link, now that the database takes writes: counted, and its only guest. */
export async function redeemAgainAsOnlyGuest(server: ChildServer, hostToken: string, token: string) {
  const redeemed = await redeemOn(server, token);
  assert.equal(redeemed.status, 201, JSON.stringify(redeemed.body));
  const guests = await server.request({ path: '/v1/rooms/r1/guests', token: hostToken });
  assert.equal(
    (guests.body as { guests: unknown[] }).guests.length,
    1,
    'the refused redemption left nothing',
  );
}

export async function roomWithLinks(
  server: ChildServer,
  tenant: Awaited<ReturnType<typeof createTenantIn>>,
  links: Array<{ name: string; maxUses?: number }>,
) {
  const expectOk = async (input: CallInput) => {
    const answer = await server.request(input);
    if (answer.status >= 300)
      throw new Error(`${input.path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as Record<string, unknown>;
  };
  await expectOk({
    method: 'PUT',
    path: '/v1/admin/rooms/r1',
    token: tenant.apiKey,
    body: { title: 'Room' },
  });
  const token = await hostToken({ ...tenant, room: 'r1', now: Date.now() });
  await expectOk({ method: 'PATCH', path: '/v1/rooms/r1/guest-access', token, body: { enabled: true } });
  const created = [];
  for (const link of links) {
    created.push(await expectOk({ method: 'POST', path: '/v1/rooms/r1/links', token, body: link }));
  }
  return {
    hostToken: token,
    links: created.map((link) => ({
      id: String(link.id),
      token: String(link.url).split('/').pop() as string,
    })),
  };
}
