// The event bus: one contract for the in-process and the PostgreSQL bus, then what only LISTEN/NOTIFY has
// (other instances, a lost listening connection, the payload limit).
import assert from 'node:assert/strict';
import { describe, type TestContext, test } from 'node:test';
import type { BusMessage, EventBus } from '../../api/bus/contract.ts';
import { createInProcessBus } from '../../api/bus/in-process.ts';
import { BUS_CHANNEL, createPostgresBus, type Liveness, MAX_PAYLOAD_BYTES } from '../../api/bus/postgres.ts';
import type { Logger } from '../../api/logging.ts';
import { isStoreUnavailable } from '../../api/store/unavailable.ts';
import { atTestEnd } from '../support/cleanup.ts';
import { startCuttingProxy } from '../support/cutting-proxy.ts';
import { capturedLogger } from '../support/logs.ts';
import { freshPostgresDatabase, onDatabase } from '../support/postgres.ts';

const admitted = (guestId: string): BusMessage => ({
  topic: 'guest',
  key: guestId,
  event: 'status',
  data: { status: 'admitted' },
});

/** The arguments of the next call of a listener given to `subscribe`, or a rejection after `within` ms. */
function nextCall<Args extends unknown[]>(
  subscribe: (listener: (...args: Args) => void) => () => void,
  within: number,
): Promise<Args> {
  return new Promise((resolve, reject) => {
    const stop = subscribe((...args) => {
      clearTimeout(timer);
      stop();
      resolve(args);
    });
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Nothing arrived within ${within} ms`));
    }, within);
  });
}

const nextMessage = (bus: EventBus, within = 1_000) =>
  nextCall<[BusMessage]>(bus.subscribe, within).then(([message]) => message);

/** Every message the bus delivers until the test ends. */
function inbox(t: TestContext, bus: EventBus): BusMessage[] {
  const messages: BusMessage[] = [];
  atTestEnd(
    t,
    bus.subscribe((message) => messages.push(message)),
  );
  return messages;
}

function busContract(name: string, open: (t: TestContext, logger?: Logger) => Promise<EventBus>) {
  describe(`event bus contract on ${name}`, () => {
    test("delivers each message once to the publishing instance's own subscribers", async (t) => {
      const bus = await open(t);
      const messages = inbox(t, bus);
      const marker = admitted('marker');
      const arrived = nextCall<[BusMessage]>(
        (listener) => bus.subscribe((message) => message.key === 'marker' && listener(message)),
        1_000,
      );
      await bus.publish(admitted('guest-1'));
      await bus.publish(marker);
      await arrived;
      assert.deepEqual(messages, [admitted('guest-1'), marker]);
    });

    test('an unsubscribed listener hears nothing more', async (t) => {
      const bus = await open(t);
      const heard: BusMessage[] = [];
      const stop = bus.subscribe((message) => heard.push(message));
      const first = nextMessage(bus);
      await bus.publish(admitted('guest-1'));
      await first;
      stop();
      const second = nextMessage(bus);
      await bus.publish(admitted('guest-2'));
      await second;
      assert.deepEqual(heard, [admitted('guest-1')]);
    });

    test('a subscriber that throws does not keep the message from the others', async (t) => {
      const { logger, lines } = capturedLogger();
      const bus = await open(t, logger);
      atTestEnd(
        t,
        bus.subscribe(() => {
          throw new Error('a broken stream');
        }),
      );
      const arrived = nextMessage(bus);
      await bus.publish(admitted('guest-1'));
      assert.deepEqual(await arrived, admitted('guest-1'));
      assert.deepEqual(
        lines.map((line) => [line.level, line.msg, (line.err as { message?: string } | undefined)?.message]),
        [['error', 'a bus listener failed', 'a broken stream']],
      );
    });
  });
}

busContract('in-process', async (t, logger) => {
  const bus = createInProcessBus(logger);
  atTestEnd(t, () => bus.close());
  return bus;
});

/** A PostgreSQL bus on the database, closed when the test ends. */
async function postgresBus(t: TestContext, url: string, logger?: Logger) {
  const bus = await createPostgresBus(url, { logger });
  atTestEnd(t, () => bus.close());
  return bus;
}

/**
 * A PostgreSQL bus whose connections go through a TCP proxy the test can silence, with the given liveness;
 * the proxy closes first when the test ends, so closing the bus never waits on a silenced connection.
 */
async function busThroughProxy(t: TestContext, url: string, liveness: Liveness) {
  const proxy = await startCuttingProxy(url);
  const through = new URL(url);
  through.host = `127.0.0.1:${new URL(proxy.url).port}`;
  const bus = await createPostgresBus(through.href, { liveness });
  atTestEnd(t, async () => {
    await proxy.close();
    await bus.close();
  });
  return { bus, proxy };
}

busContract('PostgreSQL', async (t, logger) => postgresBus(t, await freshPostgresDatabase(t), logger));

describe('PostgreSQL event bus', () => {
  test('a message published on one instance reaches the subscribers of another within a second', async (t) => {
    const url = await freshPostgresDatabase(t);
    const [a, b, c] = [await postgresBus(t, url), await postgresBus(t, url), await postgresBus(t, url)];
    const onB = nextMessage(b);
    const onC = nextMessage(c);
    await a.publish(admitted('guest-1'));
    assert.deepEqual(await onB, admitted('guest-1'));
    assert.deepEqual(await onC, admitted('guest-1'));
  });

  test('a message too large for NOTIFY arrives as a resync of its topic and key', async (t) => {
    const url = await freshPostgresDatabase(t);
    const [a, b] = [await postgresBus(t, url), await postgresBus(t, url)];
    const large: BusMessage = {
      topic: 'room',
      key: '42',
      event: 'guest',
      data: 'x'.repeat(MAX_PAYLOAD_BYTES),
    };
    const onB = nextMessage(b);
    await a.publish(large);
    assert.deepEqual(await onB, { topic: 'room', key: '42', event: 'resync', data: null });
    const fitting: BusMessage = { ...large, data: 'x'.repeat(MAX_PAYLOAD_BYTES - 100) };
    const again = nextMessage(b);
    await a.publish(fitting);
    assert.deepEqual(await again, fitting);
  });

  test('after its listening connection is terminated a bus resyncs and still receives', async (t) => {
    const url = await freshPostgresDatabase(t);
    const victim = await postgresBus(t, url);
    let resyncs = 0;
    atTestEnd(
      t,
      victim.onResync(() => resyncs++),
    );
    const [listening] = await onDatabase<{ pid: number }>(
      url,
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'",
    );
    assert.ok(listening);
    const publisher = await postgresBus(t, url);
    assert.equal(resyncs, 0, 'the first connect is no resync');
    const resynced = nextCall(victim.onResync, 5_000);
    await onDatabase(url, 'SELECT pg_terminate_backend($1)', [listening.pid]);
    await resynced;
    const arrived = nextMessage(victim);
    await publisher.publish(admitted('guest-1'));
    assert.deepEqual(await arrived, admitted('guest-1'));
    assert.equal(resyncs, 1);
  });

  test('a listening connection gone silent (a NAT or balancer forgot it) is noticed: the bus listens again and resyncs', async (t) => {
    const url = await freshPostgresDatabase(t);
    const { bus: victim, proxy } = await busThroughProxy(t, url, { everyMs: 200, timeoutMs: 300 });
    const publisher = await postgresBus(t, url);
    const resynced = nextCall(victim.onResync, 5_000);
    proxy.silence();
    await resynced;
    const arrived = nextMessage(victim);
    await publisher.publish(admitted('guest-1'));
    assert.deepEqual(await arrived, admitted('guest-1'));
  });

  test('a publishing connection gone silent is dropped, and the message goes out on a fresh one', async (t) => {
    const url = await freshPostgresDatabase(t);
    const { bus: publisher, proxy } = await busThroughProxy(t, url, { everyMs: 60_000, timeoutMs: 300 });
    const receiver = await postgresBus(t, url);
    const first = nextMessage(receiver);
    await publisher.publish(admitted('guest-1'));
    assert.deepEqual(await first, admitted('guest-1'));
    proxy.silence(); // the publishing connection (and the listening one) now swallow everything
    const second = nextMessage(receiver, 3_000);
    await publisher.publish(admitted('guest-2'));
    assert.deepEqual(await second, admitted('guest-2'));
  });

  test('a NOTIFY on the channel that is not a message is logged and skipped', async (t) => {
    const url = await freshPostgresDatabase(t);
    const { logger, lines } = capturedLogger();
    const bus = await postgresBus(t, url, logger);
    const arrived = nextMessage(bus);
    await onDatabase(url, 'SELECT pg_notify($1, $2)', [BUS_CHANNEL, 'not json']);
    await (await postgresBus(t, url)).publish(admitted('guest-1'));
    assert.deepEqual(await arrived, admitted('guest-1'));
    assert.deepEqual(
      lines.map((line) => [line.level, line.msg]),
      [['error', 'ignored an unreadable bus message']],
    );
  });

  test('a bus on a server that does not answer fails with StoreUnavailableError', async () => {
    await assert.rejects(createPostgresBus('postgres://postgres@127.0.0.1:1/none'), isStoreUnavailable);
  });
});
