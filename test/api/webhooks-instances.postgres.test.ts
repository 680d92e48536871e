// Several instances on one PostgreSQL database share the webhook outbox: each delivery is claimed by one
// instance (FOR UPDATE SKIP LOCKED and a lease), so every event arrives, and none twice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roomWithLinks, startInstances, testDatabase } from '../hardening/child-server.ts';
import { startReceiver } from './webhook-receiver.ts';

const EVENTS = 24;

test('three instances deliver every event of a shared outbox exactly once', async (t) => {
  const db = await testDatabase(t);
  const { servers, tenant } = await startInstances(t, db, 3, { GUEST_ACCESS_WEBHOOK_ALLOW_PRIVATE: '1' });
  const [first] = servers;
  assert.ok(first);
  const { links } = await roomWithLinks(first, tenant, [{ name: 'Public' }]);
  const receiver = await startReceiver(t);
  const put = await first.request({
    method: 'PUT',
    path: '/v1/admin/webhooks',
    token: tenant.apiKey,
    body: { endpoints: [{ url: receiver.url, events: ['guest.waiting'] }] },
  });
  receiver.secret = (put.body as { endpoints: Array<{ secret: string }> }).endpoints[0]?.secret as string;
  // Redemptions spread over the instances, so each one's worker finds due rows.
  const answers = await Promise.all(
    Array.from({ length: EVENTS }, (_, index) =>
      (servers[index % servers.length] ?? first).request({
        method: 'POST',
        path: `/v1/links/${links[0]?.token}/guests`,
        body: { name: `Guest ${index}`, email: `guest${index}@example.com` },
      }),
    ),
  );
  assert.deepEqual(new Set(answers.map((answer) => answer.status)), new Set([201]));
  await receiver.waitFor((item) => item.type === 'guest.waiting', EVENTS, 60_000);
  // A little longer: a second copy of any would arrive now.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  assert.equal(receiver.arrivals.length, EVENTS);
  assert.equal(new Set(receiver.arrivals).size, EVENTS);
  assert.equal(receiver.unverified, 0);
});
