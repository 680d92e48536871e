// The demo behind a proxy: its page, and the join URL admitted guests land on, live at GUEST_ACCESS_PUBLIC_ORIGIN.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_TENANT_ID } from '../../api/demo/seed.ts';
import { startServer } from '../../api/server.ts';
import { atTestEnd } from '../support/cleanup.ts';
import { createTestDatabase } from '../support/test-database.ts';

test('a demo behind a proxy is seeded at GUEST_ACCESS_PUBLIC_ORIGIN, not at the instance’s own address', async (t) => {
  const database = await createTestDatabase();
  atTestEnd(t, database.remove);
  const publicOrigin = 'https://media.example';
  const server = await startServer({
    dbFile: database.location,
    port: 0,
    demo: true,
    config: { publicOrigin, rateLimitPerMinute: 0 },
  });
  atTestEnd(t, () => server.close());

  assert.equal(server.demoInfo, `demo media page: ${publicOrigin}/demo/rooms/live-session`);
  const room = await server.deps.store.rooms.get(DEMO_TENANT_ID, 'live-session');
  assert.equal(
    room?.joinUrl,
    `${publicOrigin}/demo/rooms/live-session?guest`,
    'guests land behind the proxy',
  );
  const tenant = await server.deps.store.tenants.get(DEMO_TENANT_ID);
  assert.deepEqual(tenant?.allowedOrigins, [publicOrigin]);
});
