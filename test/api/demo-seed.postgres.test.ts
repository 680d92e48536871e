// Every `serve --demo` seeds the demo on start, so instances starting together on one PostgreSQL database seed
// it at the same moment. (On SQLite the write lock serialises processes already; three SQLite stores in one
// process would only block each other's event loop, so this test runs on PostgreSQL alone.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_ROOMS, DEMO_TENANT_ID, seedDemo } from '../../api/demo/seed.ts';
import { newServerSecret } from '../../api/secrets.ts';
import { openStoreWithSecret } from '../../api/server.ts';
import { atTestEnd } from '../support/cleanup.ts';
import { freshPostgresDatabase } from '../support/postgres.ts';

const INSTANCES = 3;
/** Rounds of simultaneous starts: one round may pass a race by luck, several seldom do. */
const ROUNDS = 5;

test('three instances seeding the demo at once on one database all succeed and keep every origin', async (t) => {
  const serverSecret = newServerSecret();
  for (let round = 0; round < ROUNDS; round++) {
    const url = await freshPostgresDatabase(t);
    // One store per instance, as separate processes have: own connections, own transactions.
    const opened = await Promise.all(
      Array.from({ length: INSTANCES }, () => openStoreWithSecret(url, { serverSecret })),
    );
    for (const { store } of opened) atTestEnd(t, () => store.close());
    const origins = opened.map((_, index) => `http://127.0.0.1:${8801 + index}`);

    const seeded = await Promise.allSettled(
      opened.map(({ store, serverSecret }, index) =>
        seedDemo(
          { store, clock: { now: () => 1_700_000_000_000 }, config: { serverSecret } as never },
          origins[index] as string,
        ),
      ),
    );
    assert.deepEqual(
      seeded.map((result) => (result.status === 'rejected' ? String(result.reason) : 'seeded')),
      Array(INSTANCES).fill('seeded'),
      `round ${round}: every instance seeds`,
    );

    const { store } = opened[0] as (typeof opened)[0];
    const tenant = await store.tenants.get(DEMO_TENANT_ID);
    assert.deepEqual(tenant?.allowedOrigins.toSorted(), origins, `round ${round}: no instance's origin lost`);
    for (const room of DEMO_ROOMS) {
      assert.ok(await store.rooms.get(DEMO_TENANT_ID, room.id), `round ${round}: room ${room.id} seeded`);
    }
  }
});
