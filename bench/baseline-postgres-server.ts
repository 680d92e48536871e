// The PostgreSQL baselines: a bare Hono app on @hono/node-server with a node-postgres pool (pg's default of 10
// connections, as the product's pool) and named (prepared) statements, as the product runs them. One INSERT
// per redemption request, one SELECT of a room's three links per list request; nothing else.
// Env: BASELINE_PG_URL (the bench database), PORT (0 = free port). Prints "listening on URL" like the CLI.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.BASELINE_PG_URL,
  application_name: 'bench-baseline',
});
pool.on('error', () => {});
await pool.query(`
  CREATE TABLE IF NOT EXISTS guests (
    id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, created_at BIGINT NOT NULL);
  CREATE TABLE IF NOT EXISTS links (
    id TEXT PRIMARY KEY, room TEXT NOT NULL, name TEXT NOT NULL, max_uses INTEGER, uses INTEGER NOT NULL,
    expires_at BIGINT, created_at BIGINT NOT NULL);
  CREATE INDEX IF NOT EXISTS links_room ON links (room);
  INSERT INTO links VALUES
    ('link-1', 'bench-room', 'Bench 1', NULL, 0, NULL, 1),
    ('link-2', 'bench-room', 'Bench 2', 100, 0, NULL, 2),
    ('link-3', 'bench-room', 'Bench 3', 1000, 0, NULL, 3)
  ON CONFLICT DO NOTHING;`);

const insertGuest = {
  name: 'bench-insert-guest',
  text: 'INSERT INTO guests (name, email, created_at) VALUES ($1, $2, $3) RETURNING id',
};
const roomLinks = {
  name: 'bench-room-links',
  text: 'SELECT id, name, max_uses, uses, expires_at, created_at FROM links WHERE room = $1 ORDER BY created_at',
};

const app = new Hono()
  .post('/guests', async (c) => {
    const body = await c.req.json<{ name: string; email: string }>();
    const { rows } = await pool.query<{ id: string }>({
      ...insertGuest,
      values: [body.name, body.email, Date.now()],
    });
    return c.json({ guest: { id: rows[0]?.id, name: body.name, status: 'admitted' } }, 201);
  })
  .get('/rooms/:room/links', async (c) => {
    const { rows } = await pool.query({ ...roomLinks, values: [c.req.param('room')] });
    return c.json({ enabled: true, links: rows }, 200);
  });

const server = serve(
  { fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' },
  (info) => console.log(`baseline listening on http://127.0.0.1:${info.port}`),
);

process.once('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
