// Applies the pending migrations. Several instances may start at once: each waits for a transaction-scoped
// advisory lock and reads the applied version only under it, so every migration runs exactly once.
import type pg from 'pg';
import { withTransaction } from './connect.ts';
import { migrations } from './migrations.ts';

/** Any fixed key works; `hashtext` of a name keeps it readable and clear of other applications' locks. */
const LOCK_NAME = 'guest-access:migrations';

export const migrate = (pool: pg.Pool): Promise<void> =>
  // PostgreSQL's DDL is transactional: the pending migrations and their records commit together or not at all.
  withTransaction(pool, 'BEGIN', async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK_NAME]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>(
      'SELECT coalesce(max(version), 0)::int AS version FROM schema_migrations',
    );
    const applied = rows[0]?.version ?? 0;
    for (const [index, statements] of migrations.entries()) {
      const version = index + 1;
      if (version <= applied) continue;
      await client.query(statements);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        version,
        Date.now(),
      ]);
    }
  });
