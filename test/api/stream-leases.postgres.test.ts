// Stream slots on PostgreSQL are leases their instance renews while the stream is open. A slot whose release
// failed (the database was away as the stream ended) must run out with its lease, not be renewed with the
// open ones for as long as the instance lives: each would hold a host's or an address's slot for good, until
// every new stream was refused with 429.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPool } from '../../api/store/postgres/connect.ts';
import { createSharedCounters } from '../../api/store/postgres/counters.ts';
import { migrate } from '../../api/store/postgres/migrate.ts';
import { privatePostgres } from '../support/private-postgres.ts';

test('a slot whose release failed while the database was away runs out; an open one stays counted', async (t) => {
  const postgres = await privatePostgres(t);
  const pool = createPool(postgres.url);
  t.after(() => pool.end());
  await migrate(pool);
  const counters = createSharedCounters(pool, { leaseMs: 1_000, renewMs: 200 });
  t.after(() => counters.close());
  const slot = [{ key: 'host:t1:u1:r1', cap: 10 }];
  const open = await counters.acquireSlot(slot, Date.now());
  const ended = await counters.acquireSlot(slot, Date.now());
  assert.ok(open && ended);

  await postgres.stop();
  await assert.rejects(counters.releaseSlot(ended), 'the release cannot reach the database');
  await postgres.start();

  // Several renewals and a lease's length later, only the open stream's slot counts.
  await sleep(2_500);
  assert.equal(await counters.countSlots(slot[0]?.key as string, Date.now()), 1);
});
