// The rate-limit windows and stream slots of several instances, kept in PostgreSQL where every instance sees
// them. A stream slot is a lease its instance renews while the stream lives: a killed instance's streams,
// and a slot whose release failed (the database away), stop counting within LEASE_MS.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { SharedCounters } from '../contract.ts';
import { rowsOf, withTransaction } from './connect.ts';

const LEASE_MS = 90_000;
const RENEW_MS = 30_000;

const statements = {
  // One statement counts the request into its window, starting a new one when the last has run out.
  countWindow: {
    name: 'counters.countWindow',
    text: `INSERT INTO rate_windows AS w (key, started_at, count) VALUES ($1, $2, 1)
      ON CONFLICT (key) DO UPDATE SET
        started_at = CASE WHEN w.started_at <= $2 - $3 THEN $2 ELSE w.started_at END,
        count = CASE WHEN w.started_at <= $2 - $3 THEN 1 ELSE w.count + 1 END
      RETURNING started_at, count`,
  },
  sweepWindows: { name: 'counters.sweepWindows', text: 'DELETE FROM rate_windows WHERE started_at <= $1' },
  countSlots: {
    name: 'counters.countSlots',
    text: `SELECT key, count(*)::int AS count FROM stream_leases, unnest(keys) AS key
      WHERE keys && $1 AND key = ANY($1) AND expires_at > $2 GROUP BY key`,
  },
  lease: {
    name: 'counters.lease',
    text: 'INSERT INTO stream_leases (id, instance, keys, expires_at) VALUES ($1, $2, $3, $4)',
  },
  release: { name: 'counters.release', text: 'DELETE FROM stream_leases WHERE id = $1' },
  renew: {
    name: 'counters.renew',
    text: 'UPDATE stream_leases SET expires_at = $1 WHERE id = ANY($2)',
  },
  sweepLeases: { name: 'counters.sweepLeases', text: 'DELETE FROM stream_leases WHERE expires_at <= $1' },
  releaseInstance: {
    name: 'counters.releaseInstance',
    text: 'DELETE FROM stream_leases WHERE instance = $1',
  },
};

export function createSharedCounters(
  pool: pg.Pool,
  timing = { leaseMs: LEASE_MS, renewMs: RENEW_MS },
): SharedCounters & { close(): Promise<void> } {
  const instance = randomUUID();
  let sweptAt = 0;
  /** The leases of this instance's open streams: only these are renewed, never one whose release failed. */
  const held = new Set<string>();
  // Renewing the held leases, and dropping everyone's that ran out, keeps the counts true.
  const renew = setInterval(() => {
    const now = Date.now();
    void rowsOf(pool, statements.renew, [now + timing.leaseMs, [...held]])
      .then(() => rowsOf(pool, statements.sweepLeases, [now]))
      .catch(() => {}); // the database is away; the next round tries again
  }, timing.renewMs);
  renew.unref();
  return {
    async countWindow(key, now, windowMs) {
      if (now - sweptAt >= windowMs) {
        sweptAt = now;
        void rowsOf(pool, statements.sweepWindows, [now - windowMs]).catch(() => {});
      }
      const [row] = await rowsOf<{ started_at: number; count: number }>(pool, statements.countWindow, [
        key,
        now,
        windowMs,
      ]);
      return { startedAt: row?.started_at ?? now, count: row?.count ?? 1 };
    },
    acquireSlot: (slots, now) =>
      withTransaction(pool, 'BEGIN', async (client) => {
        const keys = slots.map((slot) => slot.key).sort();
        // One key at a time in a fixed order: two acquisitions of one key wait for each other, never deadlock.
        for (const key of keys) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
        const counts = await rowsOf<{ key: string; count: number }>(client, statements.countSlots, [
          keys,
          now,
        ]);
        const open = new Map(counts.map((row) => [row.key, row.count]));
        if (slots.some(({ key, cap }) => (open.get(key) ?? 0) >= cap)) return undefined;
        const id = randomUUID();
        await rowsOf(client, statements.lease, [id, instance, keys, now + timing.leaseMs]);
        return id;
      }).then((id) => {
        if (id !== undefined) held.add(id);
        return id;
      }),
    async releaseSlot(id) {
      held.delete(id);
      await rowsOf(pool, statements.release, [id]);
    },
    async countSlots(key, now) {
      const [row] = await rowsOf<{ count: number }>(pool, statements.countSlots, [[key], now]);
      return row?.count ?? 0;
    },
    async close() {
      clearInterval(renew);
      await rowsOf(pool, statements.releaseInstance, [instance]).catch(() => {});
    },
  };
}
