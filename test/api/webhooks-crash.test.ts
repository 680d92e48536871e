// At least once across a crash: an event committed with its change while the receiver is down survives a
// SIGKILL of the server and is delivered, with the same webhook-id, after a restart once the receiver is up.
// The real server runs as a child process (test/hardening/child-server.ts) on SQLite or PostgreSQL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type ChildServer,
  createTenantIn,
  roomWithLinks,
  startChildServer,
  testDatabase,
} from '../hardening/child-server.ts';
import { freePort, startReceiver } from './webhook-receiver.ts';

const ENV = { GUEST_ACCESS_WEBHOOK_ALLOW_PRIVATE: '1', GUEST_ACCESS_WEBHOOK_RETRY_BASE_MS: '100' };

interface DeliveryView {
  messageId: string;
  type: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

async function deliveryWhere(server: ChildServer, apiKey: string, match: (d: DeliveryView) => boolean) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await server.request({ path: '/v1/admin/webhooks/deliveries', token: apiKey });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const found = (answer.body as { deliveries: DeliveryView[] }).deliveries.find(match);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`no matching delivery within 60 s: ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('delivers an event committed while the receiver was down, after a SIGKILL and a restart', async (t) => {
  const dbFile = await testDatabase(t);
  const tenant = await createTenantIn(dbFile);
  const port = await freePort();
  const first = await startChildServer(t, dbFile, ENV);
  const { links } = await roomWithLinks(first, tenant, [{ name: 'Public' }]);
  const put = await first.request({
    method: 'PUT',
    path: '/v1/admin/webhooks',
    token: tenant.apiKey,
    body: { endpoints: [{ url: `http://127.0.0.1:${port}/hooks`, events: ['guest.waiting'] }] },
  });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  const { secret } = (put.body as { endpoints: Array<{ secret: string }> }).endpoints[0] as {
    secret: string;
  };

  const redeemed = await first.request({
    method: 'POST',
    path: `/v1/links/${links[0]?.token}/guests`,
    body: { name: 'Ada', email: 'ada@example.com' },
  });
  assert.equal(redeemed.status, 201);
  const guestId = (redeemed.body as { guest: { id: string } }).guest.id;
  // The receiver is down: the attempts so far failed, and the event waits in the outbox.
  const pending = await deliveryWhere(first, tenant.apiKey, (d) => d.attempts >= 1);
  assert.equal(pending.status, 'pending');
  assert.match(pending.lastError ?? '', /ECONNREFUSED/);
  first.child.kill('SIGKILL');
  assert.equal((await first.exited).signal, 'SIGKILL');

  const receiver = await startReceiver(t, port);
  receiver.secret = secret;
  const second = await startChildServer(t, dbFile, ENV);
  const [delivered] = await receiver.waitFor((item) => item.type === 'guest.waiting', 1, 60_000);
  assert.ok(delivered);
  assert.equal((delivered.data.guest as { id: string }).id, guestId);
  assert.equal(delivered.id, pending.messageId);
  assert.equal(receiver.unverified, 0);
  const listed = await deliveryWhere(second, tenant.apiKey, (d) => d.status === 'delivered');
  assert.equal(listed.messageId, pending.messageId);
});
