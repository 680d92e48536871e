// The baselines every throughput figure is divided by: the same stack with nothing of ours on top.
// A bare Hono app on @hono/node-server with one better-sqlite3 insert (WAL, synchronous=NORMAL like the
// product) for redemption, and a bare JSON route for the link page and the host list.
// Env: BASELINE_DB (the temp database file), PORT (0 = free port). Prints "listening on URL" like the CLI.
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { BARE_ANSWER } from './lib/bare-answer.ts';

const db = new Database(process.env.BASELINE_DB ?? ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'CREATE TABLE IF NOT EXISTS guests (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, created_at INTEGER NOT NULL)',
);
const insert = db.prepare('INSERT INTO guests (name, email, created_at) VALUES (?, ?, ?)');

const app = new Hono()
  .post('/guests', async (c) => {
    const body = await c.req.json<{ name: string; email: string }>();
    const { lastInsertRowid } = insert.run(body.name, body.email, Date.now());
    return c.json({ guest: { id: String(lastInsertRowid), name: body.name, status: 'admitted' } }, 201);
  })
  .get('/json', (c) => c.json(BARE_ANSWER, 200));

const server = serve(
  { fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' },
  (info) => console.log(`baseline listening on http://127.0.0.1:${info.port}`),
);

process.once('SIGTERM', () => {
  server.close();
  db.close();
  process.exit(0);
});
