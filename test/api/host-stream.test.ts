// What a host stream hears around its start (api/host-stream.ts), with the real event hub: a change made
// before it subscribed (while the route checked the token or took a stream slot) still ends it, and room
// events reach it from its first step, while it still tells the lobby a host is here (the presence's answer
// is held here to keep that window open; on PostgreSQL it is a write), and a check that fails (the database
// went away) ends it rather than the process, with one warning; a refused token ends it with none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HostIdentity } from '../../api/auth.ts';
import { createInProcessBus } from '../../api/bus/in-process.ts';
import { unauthorized } from '../../api/errors.ts';
import { createEventHub, type HostEvent } from '../../api/events.ts';
import { followRoom } from '../../api/host-stream.ts';
import type { Presence } from '../../api/presence.ts';
import type { Tenant } from '../../api/store/types.ts';
import { StoreUnavailableError } from '../../api/store/unavailable.ts';
import { capturedLogger } from '../support/logs.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

function stream(options: { permissions: HostIdentity['permissions']; allowed: () => boolean }) {
  const { logger, lines } = capturedLogger();
  const events = createEventHub(createInProcessBus());
  let connected: (leave: () => void) => void = () => {};
  const presence = {
    hostConnected: () => new Promise<() => void>((resolve) => (connected = resolve)),
  } as unknown as Presence;
  const host: HostIdentity = {
    tenant: { id: 'tenant-1' } as Tenant,
    userId: 'host-1',
    roomId: 'room-1',
    permissions: options.permissions,
    expiresAt: Date.now() + 60_000,
  };
  const sent: HostEvent[] = [];
  const state = { ended: false };
  const start = followRoom({ events, clock: { now: Date.now }, presence, logger }, host, 1, {
    stillAllowed: async () => options.allowed(),
    render: (event) => event,
  });
  return {
    events,
    lines,
    sent,
    state,
    run: () => start({ send: (event) => sent.push(event as HostEvent), end: () => (state.ended = true) }),
    presenceAnswers: () => connected(() => {}),
  };
}

test('a host stream ends when its room stopped passing the checks before it subscribed', async () => {
  const host = stream({ permissions: ['guest-access:manage'], allowed: () => false });
  // The room was removed after the route's checks: its tenant change was published before anyone listened.
  host.events.publishTenantChanged('tenant-1');
  const stop = await host.run();
  await tick();
  stop();
  assert.equal(host.state.ended, true, 'the stream stayed open for a room that no longer passes the checks');
  assert.deepEqual(host.lines, [], 'a refusal is not a failure to log');
});

test('a host stream forwards room events from its start, while it still tells the lobby a host is here', async () => {
  const host = stream({ permissions: ['guests:admit'], allowed: () => true });
  const running = host.run();
  const event = { event: 'guest-access', data: { enabled: true, admission: 'auto', lobbyMessage: null } };
  host.events.publishToRoom(1, event as HostEvent);
  host.presenceAnswers();
  const stop = await running;
  stop();
  assert.deepEqual(host.sent, [event], 'an event published as the stream opened was lost');
  assert.equal(host.state.ended, false);
});

test('a host stream whose check fails (the database went away) ends, and the process goes on', async (t) => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  t.after(() => process.off('unhandledRejection', onUnhandled));
  const host = stream({
    permissions: ['guest-access:manage'],
    allowed: () => {
      throw new StoreUnavailableError(new Error('connection terminated'));
    },
  });
  const stop = await host.run();
  await tick();
  await tick();
  stop();
  assert.deepEqual(unhandled, [], 'the failed check was left unhandled (it ends the server process)');
  assert.equal(host.state.ended, true, 'the stream stayed open though its room could not be checked');
  assert.deepEqual(
    host.lines.map((line) => [line.level, line.msg]),
    [['warn', 'a host stream could not check its token again']],
    'the failed check was not logged once, as an outage',
  );
});

test('a host stream whose token is refused on its check ends, and logs nothing', async () => {
  const host = stream({
    permissions: ['guest-access:manage'],
    allowed: () => {
      throw unauthorized();
    },
  });
  const stop = await host.run();
  await tick();
  stop();
  assert.equal(host.state.ended, true, 'the stream stayed open for a refused token');
  assert.deepEqual(host.lines, [], 'a refusal was logged as a failure');
});
