// A host stream checks the token and room once more after it subscribes to admin changes: a change that
// landed between the route's checks and the subscription (while the stream took its slot or told the
// lobby a host is here) is not missed. Real event hub and clock; the presence's answer is held to open
// that window on purpose.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HostIdentity } from '../../api/auth.ts';
import { createInProcessBus } from '../../api/bus/in-process.ts';
import { createEventHub } from '../../api/events.ts';
import { followRoom } from '../../api/host-stream.ts';
import type { Presence } from '../../api/presence.ts';
import type { Tenant } from '../../api/store/types.ts';

test('a host stream ends when the room stopped passing the checks before its subscription began', async () => {
  const events = createEventHub(createInProcessBus());
  let connected: (leave: () => void) => void = () => {};
  const presence = {
    hostConnected: () => new Promise<() => void>((resolve) => (connected = resolve)),
  } as unknown as Presence;
  const host: HostIdentity = {
    tenant: { id: 'tenant-1' } as Tenant,
    userId: 'host-1',
    roomId: 'room-1',
    permissions: ['guests:admit'],
    expiresAt: Date.now() + 60_000,
  };
  let allowed = true;
  let ended = false;
  const start = followRoom({ events, clock: { now: Date.now }, presence }, host, 1, {
    stillAllowed: async () => allowed,
    render: (event) => event,
  });
  const stop = start({ send: () => {}, end: () => (ended = true) });

  // The room is removed while the stream is still setting up: the change is published before anyone listens.
  allowed = false;
  events.publishTenantChanged('tenant-1');
  connected(() => {});
  const unsubscribe = await stop;
  await new Promise((resolve) => setImmediate(resolve));
  unsubscribe();
  assert.equal(ended, true, 'the stream stayed open for a room that no longer passes the checks');
});
