// A fresh PostgreSQL database per test, dropped when the test ends. Without a server the tests fail at once
// with the command that starts it: a skipped engine would pass for a tested one.
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import pg from 'pg';
import { isDatabaseUnavailable } from '../../api/store/postgres/connect.ts';
import { atTestEnd } from './cleanup.ts';

/** The server tests create their databases on: any database of it whose user may create databases. */
export const TEST_SERVER_URL =
  process.env.GUEST_ACCESS_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const START_HINT = 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';

/** Runs one statement on `url` over a connection of its own; a server that does not answer fails with the hint. */
export async function onDatabase<Row extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.query<Row>(text, values)).rows;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    throw new Error(`No PostgreSQL answers at ${new URL(url).host}; start it: ${START_HINT}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates an empty database `ga_<random>`: its URL, and how to drop it (connections and all). */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<unknown> }> {
  const name = `ga_${randomBytes(8).toString('hex')}`;
  await onDatabase(TEST_SERVER_URL, `CREATE DATABASE ${name}`);
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => onDatabase(TEST_SERVER_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** `createPostgresDatabase`, dropped when the test ends. */
export async function freshPostgresDatabase(t: TestContext): Promise<string> {
  const { url, drop } = await createPostgresDatabase();
  atTestEnd(t, drop);
  return url;
}
