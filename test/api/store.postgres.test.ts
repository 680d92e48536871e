// The PostgreSQL store: the shared contract suite, then what only this engine has (migrations racing at
// start-up, a lost server or connection surfacing as StoreUnavailableError).
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, type TestContext, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { type LinkContext, type Redemption, redeem } from '../../api/redemption.ts';
import type { Store } from '../../api/store/contract.ts';
import { createPostgresStore } from '../../api/store/postgres/index.ts';
import { migrations } from '../../api/store/postgres/migrations.ts';
import { isStoreUnavailable } from '../../api/store/unavailable.ts';
import { atTestEnd } from '../support/cleanup.ts';
import { startCuttingProxy } from '../support/cutting-proxy.ts';
import { freshPostgresDatabase, onDatabase } from '../support/postgres.ts';
import { storeContract } from './store-contract.ts';

// Small pools: the race tests open several stores at once, and test files run side by side.
const open = (url: string) => createPostgresStore(url, { max: 4 });

storeContract({ name: 'PostgreSQL', freshDatabase: freshPostgresDatabase, open, instances: 4 });

const roomFields = {
  title: 'Launch',
  type: 'room',
  startsAt: null,
  endsAt: null,
  timeZone: null,
  joinUrl: null,
} as const;

/** Two stores on one database, as two instances have, closed at the test's end. */
async function twoInstances(t: TestContext, url: string) {
  const stores = [await open(url), await open(url)] as const;
  for (const store of stores) atTestEnd(t, () => store.close());
  return stores;
}

/** A tenant's room, created through `store`. */
async function roomOf(store: Store) {
  await store.tenants.create({
    id: 'tenant',
    name: 'Acme',
    apiKeyHash: Buffer.alloc(32, 1),
    signingSecretSealed: Buffer.alloc(32, 2),
    allowedOrigins: [],
    createdAt: 0,
  });
  return store.rooms.put('tenant', 'launch', roomFields, 0);
}

/** A promise and what settles it, for holding a transaction open at a chosen point. */
function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** The pids of the backends of this database that wait for a lock, once there are `count` of them. */
async function lockWaiters(url: string, count: number): Promise<number[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const rows = await onDatabase<{ pid: number }>(
      url,
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if (rows.length >= count) return rows.map((row) => row.pid);
    await sleep(20);
  }
  throw new Error(`Fewer than ${count} backends waited for a lock`);
}

/** The pid of the backend of this database that waits for a row lock, once there is one. */
const lockWaiter = async (url: string) => (await lockWaiters(url, 1))[0] as number;

describe('PostgreSQL store', () => {
  test('5 instances starting at once on a fresh database apply each migration once', async (t) => {
    const url = await freshPostgresDatabase(t);
    const stores = await Promise.all(Array.from({ length: 5 }, () => open(url)));
    for (const store of stores) atTestEnd(t, () => store.close());
    const applied = () =>
      onDatabase(url, 'SELECT version, applied_at FROM schema_migrations ORDER BY version');
    const first = await applied();
    assert.deepEqual(
      first.map((row) => row.version),
      migrations.map((_, index) => index + 1),
    );
    await (await open(url)).close();
    assert.deepEqual(await applied(), first);
    for (const store of stores) assert.equal(await store.tenants.get('none'), undefined);
  });

  test('a store on a server that does not answer fails with StoreUnavailableError', async () => {
    await assert.rejects(createPostgresStore('postgres://postgres@127.0.0.1:1/none'), isStoreUnavailable);
  });

  test('a transaction whose connection is terminated fails with StoreUnavailableError, and the store recovers', async (t) => {
    const url = await freshPostgresDatabase(t);
    const [holder, waiter] = await twoInstances(t, url);
    const room = await roomOf(holder);
    // The holder keeps the room locked until told to let go, so the waiter's statement is in flight when its
    // backend is terminated.
    const { promise: released, resolve: letGo } = deferred();
    const { promise: locked, resolve: lockTaken } = deferred();
    const holding = holder.transaction(async (tx) => {
      await tx.rooms.lockByPk(room.pk);
      lockTaken();
      await released;
    });
    await locked;
    const refused = assert.rejects(
      waiter.transaction((tx) => tx.rooms.lockByPk(room.pk)),
      isStoreUnavailable,
    );
    await onDatabase(url, 'SELECT pg_terminate_backend($1)', [await lockWaiter(url)]);
    await refused;
    letGo();
    await holding;
    assert.equal((await waiter.transaction((tx) => tx.rooms.lockByPk(room.pk)))?.id, 'launch');
    assert.equal((await waiter.rooms.lockByPk(room.pk))?.id, 'launch');
  });

  test('a statement whose connection goes silent fails as unavailable within its timeout, and the store recovers', async (t) => {
    const url = await freshPostgresDatabase(t);
    const proxy = await startCuttingProxy(url);
    const through = new URL(url);
    through.host = `127.0.0.1:${new URL(proxy.url).port}`;
    const store = await createPostgresStore(through.href, { max: 2, query_timeout: 300 });
    atTestEnd(t, async () => {
      await proxy.close();
      await store.close();
    });
    assert.equal(await store.tenants.get('none'), undefined);
    proxy.silence(); // the pool's open connection now swallows everything, and nobody is told
    const started = Date.now();
    await assert.rejects(store.tenants.get('none'), isStoreUnavailable);
    // And in the middle of a transaction, on the fresh connection that replaced it.
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.tenants.get('none');
        proxy.silence();
        await tx.tenants.get('none');
      }),
      isStoreUnavailable,
    );
    assert.ok(Date.now() - started < 5_000, `failed after ${Date.now() - started} ms`);
    // Each silent connection was dropped: the next statements run on fresh ones.
    assert.equal(await store.tenants.get('none'), undefined);
    assert.equal(await store.transaction((tx) => tx.tenants.get('none')), undefined);
  });

  test('migrations are not cut by the statement timeout', async (t) => {
    const url = await freshPostgresDatabase(t);
    // Another instance holds the migration lock for longer than a statement may take.
    const lock = new pg.Client({ connectionString: url });
    await lock.connect();
    atTestEnd(t, () => lock.end());
    await lock.query('BEGIN');
    await lock.query("SELECT pg_advisory_xact_lock(hashtext('guest-access:migrations'))");
    const opening = createPostgresStore(url, { max: 1, query_timeout: 200 });
    await sleep(600);
    await lock.query('COMMIT');
    const store = await opening;
    atTestEnd(t, () => store.close());
    assert.equal(await store.tenants.get('none'), undefined);
  });

  test('one Idempotency-Key redeemed on two instances while one shares a commit: both answered, one use', async (t) => {
    const url = await freshPostgresDatabase(t);
    const [a, b] = await twoInstances(t, url);
    const room = await roomOf(a);
    await a.rooms.setGuestAccess(room, { enabled: true });
    const link = await a.links.create({
      id: 'link',
      roomPk: room.pk,
      tokenHash: randomBytes(32),
      name: 'Press',
      maxUses: null,
      expiresAt: null,
      createdBy: null,
      createdAt: 0,
    });
    const context = (await a.linkContexts.byLinkId(link.id)) as LinkContext;
    const submit = (store: Store, name: string, idempotencyKey: string | null) =>
      redeem(
        store,
        context,
        {
          guestId: randomUUID(),
          sessionHash: randomBytes(32),
          name,
          email: 'grace@example.com',
          idempotencyKey,
        },
        Date.now(),
      );
    // Another transaction holds the link's row, so what follows queues behind it in a known order.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    atTestEnd(t, () => holder.end());
    await holder.query('BEGIN');
    await holder.query("SELECT 1 FROM links WHERE id = 'link' FOR NO KEY UPDATE");
    // Instance B groups two submits, the second with the key; instance A's submit with that key inserts its
    // guest first and then waits for the row. Once B's group has the row, its second submit waits for A's
    // guest while A waits for the row: PostgreSQL ends one of the two as a deadlock, which must be retried.
    const onB = [submit(b, 'Ada', null), submit(b, 'Grace', 'same-click')];
    await lockWaiters(url, 1);
    const onA = submit(a, 'Grace', 'same-click');
    await lockWaiters(url, 2);
    await holder.query('COMMIT');
    const [, fromB, fromA] = (await Promise.all([...onB, onA])) as Redemption[];
    assert.equal(fromA.guest.id, fromB.guest.id);
    assert.deepEqual([fromA.counted, fromB.counted].sort(), [false, true]);
    assert.equal((await a.links.get(link.id))?.uses, 2);
  });
});
