// A FATAL from PostgreSQL (a shutdown, a restart, pg_terminate_backend) reaching a client between statements,
// at a moment when neither the pool nor a transaction listens on it, made node-postgres emit an 'error' nobody
// heard, which ended the server (seen once in CI, in postgres-restart.postgres.test.ts). The store's clients
// always hear it: the process goes on, and the client is discarded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPool } from '../../api/store/postgres/connect.ts';
import { freshPostgresDatabase, onDatabase } from '../support/postgres.ts';

test('a client checked out of the pool survives its backend being terminated between statements', async (t) => {
  const url = await freshPostgresDatabase(t);
  const pool = createPool(url, { max: 1 });
  t.after(() => pool.end());
  // Checked out, with no statement running and no listener of its own: the window the crash came through.
  const client = await pool.connect();
  const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', onUncaught);
  t.after(() => process.off('uncaughtException', onUncaught));
  const ended = new Promise((resolve) => client.once('end', resolve));
  await onDatabase(url, 'SELECT pg_terminate_backend($1)', [pid]);
  await ended;
  assert.deepEqual(uncaught, [], 'the FATAL was an unheard error event');
  client.release(true);
  // The pool opens a fresh connection for what comes next.
  assert.equal((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one, 1);
});
