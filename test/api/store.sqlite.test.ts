// The SQLite store: the shared contract suite, as the PostgreSQL store passes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { openStore } from '../../api/server.ts';
import { atTestEnd } from '../support/cleanup.ts';
import { storeContract } from './store-contract.ts';

function freshDatabase(t: TestContext): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'guest-access-store-'));
  atTestEnd(t, () => rmSync(folder, { recursive: true, force: true }));
  return Promise.resolve(join(folder, 'store.db'));
}

storeContract({ name: 'SQLite', freshDatabase, open: (location) => openStore(location), instances: 1 });
