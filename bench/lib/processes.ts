// Servers under test as child processes on 127.0.0.1, each on its own database file (or several instances on
// one PostgreSQL database): started, read for memory, stopped gracefully or killed. The load comes from the
// load generator's process (load.ts), never from the server's own.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SERVER_SECRET } from './fixture.ts';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident memory in MB, from /proc. */
  rssMb(): number;
  /** SIGTERM (the server checkpoints and closes its database), SIGKILL after 6 s. */
  stop(): Promise<void>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
}

export interface ProductOptions {
  synchronous?: 'NORMAL' | 'FULL';
  /** Folder for `node --cpu-prof` profiles, written when the server stops. */
  profileDir?: string;
  /** Folder for V8 heap snapshots, each written when the server gets SIGUSR2 (`node --heapsnapshot-signal`). */
  heapSnapshotDir?: string;
  /** More environment for the server (e.g. GUEST_ACCESS_METRICS_TOKEN). */
  env?: Record<string, string>;
}

const running = new Set<ChildProcess>();

/** The product's own command line, `serve`, on a free port with rate limiting off; `db` a file or a URL. */
export function startProduct(script: string, db: string, options: ProductOptions = {}) {
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const heap = options.heapSnapshotDir
    ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${options.heapSnapshotDir}`]
    : [];
  return startChild([...profile, ...heap, script, 'serve', '--port', '0', '--db', db], {
    GUEST_ACCESS_RATE_LIMIT: '0',
    GUEST_ACCESS_SECRET: SERVER_SECRET,
    GUEST_ACCESS_SYNCHRONOUS: options.synchronous ?? 'NORMAL',
    ...options.env,
  });
}

export function startBaseline(script: string, dbFile: string, env: Record<string, string> = {}) {
  return startChild([script], { BASELINE_DB: dbFile, PORT: '0', ...env });
}

export function startPostgresBaseline(script: string, url: string) {
  return startChild([script], { BASELINE_PG_URL: url, PORT: '0' });
}

function startChild(args: string[], env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
    // A 5xx is logged by the server's onError: show it, it is a defect.
    if (stderr.length < 20_000) process.stderr.write(`[server ${child.pid}] ${chunk}`);
  });
  const signal = async (name: NodeJS.Signals, graceMs: number) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (!match?.[1]) return;
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      resolve({
        url: match[1],
        pid: child.pid as number,
        rssMb: () => {
          const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
          return Number(kb) / 1024;
        },
        stop: () => signal('SIGTERM', 6000),
        kill: () => signal('SIGKILL', 1000),
      });
    });
    child.once('exit', (code) =>
      reject(new Error(`server exited with ${code} before listening:\n${stderr}`)),
    );
  });
}

/** Leaves no server behind when the bench itself fails. */
export function killAllServers() {
  for (const child of running) child.kill('SIGKILL');
}

/** Runs `use` against a started server and always stops it afterwards. */
export async function withServer<T>(
  starting: Promise<ServerProcess>,
  use: (server: ServerProcess) => Promise<T>,
): Promise<T> {
  const server = await starting;
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}
