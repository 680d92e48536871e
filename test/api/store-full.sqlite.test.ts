// A SQLite file that cannot grow (a full disk; here its page limit, which SQLite reports the same way,
// SQLITE_FULL): the store's writes fail as StoreUnavailableError, which the API answers with 503, whether
// written alone, in a transaction or in a group commit, and nothing of them stays.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDb } from '../../api/store/sqlite/db.ts';
import { createSqliteStore } from '../../api/store/sqlite/index.ts';
import { isStoreUnavailable } from '../../api/store/unavailable.ts';
import { atTestEnd } from '../support/cleanup.ts';

test('a SQLite file that cannot grow fails writes as unavailable, and they leave nothing', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'guest-access-full-'));
  atTestEnd(t, () => rmSync(folder, { recursive: true, force: true }));
  const db = openDb(join(folder, 'store.db'));
  const store = createSqliteStore(db);
  atTestEnd(t, () => store.close());
  const pages = Number(db.pragma('page_count', { simple: true }));
  db.pragma(`max_page_count = ${pages}`);
  const large = randomBytes(256 * 1024);

  await assert.rejects(store.settings.set('alone', large), isStoreUnavailable);
  await assert.rejects(
    store.transaction((tx) => tx.settings.set('in a transaction', large)),
    isStoreUnavailable,
  );
  await assert.rejects(
    store.batchedTransaction((tx) => tx.settings.set('in a group', large)),
    isStoreUnavailable,
  );
  for (const name of ['alone', 'in a transaction', 'in a group']) {
    assert.equal(await store.settings.get(name), undefined, `${name}: nothing stays`);
  }

  db.pragma(`max_page_count = ${pages * 1000}`);
  await store.settings.set('alone', large);
  assert.deepEqual(await store.settings.get('alone'), large, 'room again: the same write succeeds');
});
