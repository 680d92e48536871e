// Where a test's server keeps its data: a temporary SQLite file, or, with GUEST_ACCESS_TEST_ENGINE=postgres
// (`npm run test:api:postgres`), a fresh PostgreSQL database. The same tests then prove both engines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase } from './postgres.ts';

export const TEST_ENGINE = process.env.GUEST_ACCESS_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

// A PostgreSQL database has no key file beside it: the test's processes (servers, command line) share one
// server secret, as a deployment's instances do.
if (TEST_ENGINE === 'postgres')
  process.env.GUEST_ACCESS_SECRET ??= 'test-server-secret-shared-by-every-process';

/** A new, empty database: its location (`--db`) and how to remove it once every process using it ended. */
export async function createTestDatabase(): Promise<{ location: string; remove(): Promise<unknown> }> {
  if (TEST_ENGINE === 'postgres') {
    const { url, drop } = await createPostgresDatabase();
    return { location: url, remove: drop };
  }
  const folder = mkdtempSync(join(tmpdir(), 'guest-access-'));
  return {
    location: join(folder, 'guest-access.db'),
    remove: async () => rmSync(folder, { recursive: true, force: true }),
  };
}
