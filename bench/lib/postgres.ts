// A fresh PostgreSQL database per contender of a figure (`ga_bench_<random>`), dropped afterwards with its
// connections. The server is the one the tests use (GUEST_ACCESS_TEST_PG, default the local cluster).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const SERVER_URL = process.env.GUEST_ACCESS_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The prefix of every bench database: the CPU accounting finds their backends by it. */
export const BENCH_DATABASE_PREFIX = 'ga_bench_';

async function onServer(text: string) {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(text);
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${new URL(SERVER_URL).host}: ${(error as Error).message} (start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

export interface BenchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `${BENCH_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.href, name, drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Average number of a database's backends in each state over the samples. */
export type BackendStates = Record<string, number>;

/** How often each state was seen, over how many samples. */
export interface BackendSampling {
  samples: number;
  counts: Map<string, number>;
}

// What a backend is doing, by pg_stat_activity's state and wait event, in the words the results use.
function backendState(row: {
  state: string | null;
  wait_event_type: string | null;
  wait_event: string | null;
}) {
  if (row.state === 'idle in transaction') return 'in a transaction, waiting for its instance';
  if (row.state !== 'active') return 'idle';
  if (row.wait_event_type === 'Lock') return `waiting on a lock (${row.wait_event})`;
  if (row.wait_event === 'WALSync' || row.wait_event === 'WALWrite') return 'writing or flushing WAL';
  if (row.wait_event_type === null) return 'running';
  return `waiting (${row.wait_event_type}:${row.wait_event})`;
}

/**
 * Samples pg_stat_activity for `databases` every 25 ms until stopped: where the time of the backends went
 * (running, waiting on a row lock, flushing WAL, waiting for the client inside a transaction).
 */
export async function sampleBackends(databases: string[]) {
  const client = new pg.Client({ connectionString: SERVER_URL, application_name: 'bench-sampler' });
  client.on('error', () => {});
  await client.connect();
  const counts = new Map<string, number>();
  let samples = 0;
  let sampling = true;
  const loop = (async () => {
    while (sampling) {
      const { rows } = await client.query(
        `SELECT state, wait_event_type, wait_event FROM pg_stat_activity
          WHERE datname = ANY($1) AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
        [databases],
      );
      samples++;
      for (const row of rows) counts.set(backendState(row), (counts.get(backendState(row)) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    async stop(): Promise<BackendSampling> {
      sampling = false;
      await loop.catch(() => {});
      await client.end().catch(() => {});
      return { samples, counts };
    },
  };
}

/** Sums several samplings into averages per state. */
export function averageStates(samplings: BackendSampling[]): BackendStates {
  const samples = samplings.reduce((total, sampling) => total + sampling.samples, 0);
  const totals: BackendStates = {};
  for (const sampling of samplings)
    for (const [state, count] of sampling.counts) totals[state] = (totals[state] ?? 0) + count;
  return Object.fromEntries(
    Object.entries(totals)
      .sort(([, a], [, b]) => b - a)
      .map(([state, count]) => [state, count / Math.max(1, samples)]),
  );
}

/** `6.1 waiting on a lock (transactionid), 2.0 idle, …` */
export const formatStates = (states: BackendStates | undefined) =>
  states
    ? Object.entries(states)
        .map(([state, average]) => `${average.toFixed(1)} ${state}`)
        .join(', ')
    : 'not sampled';
