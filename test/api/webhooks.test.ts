// Signed webhooks (issue 15, item 10): endpoints set by the admin API, every event type delivered to a real
// receiver that verifies the Standard Webhooks signature, retries with backoff, giving up after the window,
// SSRF refusals, and the deliveries list. Runs on SQLite, and on PostgreSQL with GUEST_ACCESS_TEST_ENGINE=postgres.
import assert from 'node:assert/strict';
import { lookup } from 'node:dns/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { type TestContext, test } from 'node:test';
import { environmentSettings } from '../../api/server.ts';
import { WEBHOOK_EVENT_TYPES } from '../../api/store/types.ts';
import { DEFAULT_WEBHOOK_CONFIG, type WebhookConfig } from '../../api/webhooks/deliver.ts';
import { recordWebhookEvent } from '../../api/webhooks/record.ts';
import { isPrivateAddress } from '../../api/webhooks/targets.ts';
import { startTestApi } from '../support/api-fixture.ts';
import {
  type Api,
  errorCode,
  freshApi,
  host,
  type Room,
  redeem,
  renewHostToken,
  roomWith,
} from './helpers.ts';
import { type Received, type Receiver, startReceiver } from './webhook-receiver.ts';

const FAST: Partial<WebhookConfig> = { allowPrivate: true, pollMs: 50, retryBaseMs: 50 };

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  secret: string;
}

const putWebhooks = (room: Pick<Room, 'api' | 'apiKey'>, body: unknown) =>
  room.api.request({ method: 'PUT', path: '/v1/admin/webhooks', token: room.apiKey, body });

/** Points the tenant's one endpoint at the receiver, for `events` (default: all), and gives it the secret. */
async function subscribe(room: Room, receiver: Receiver, events: readonly string[] = WEBHOOK_EVENT_TYPES) {
  const answer = await putWebhooks(room, { endpoints: [{ url: receiver.url, events }] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const [endpoint] = (answer.body as { endpoints: Endpoint[] }).endpoints as [Endpoint];
  receiver.secret = endpoint.secret;
  return endpoint;
}

interface DeliveryView {
  id: string;
  messageId: string;
  type: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
}

async function deliveries(room: Pick<Room, 'api' | 'apiKey'>, query = '') {
  const answer = await room.api.request({
    path: `/v1/admin/webhooks/deliveries${query}`,
    token: room.apiKey,
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body as { deliveries: DeliveryView[]; nextCursor: string | null };
}

/** Polls the deliveries list until one matches (bounded generously: the machine is shared). */
async function deliveryWhere(room: Pick<Room, 'api' | 'apiKey'>, match: (d: DeliveryView) => boolean) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = (await deliveries(room)).deliveries.find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('no matching delivery within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const webhookRoom = async (t: TestContext, input: Parameters<typeof roomWith>[1] = {}, webhooks = FAST) => {
  const api: Api = await freshApi(t, { webhooks });
  return roomWith(t, input, api);
};

test('delivers every event type, signed so that standardwebhooks verifies it', async (t) => {
  const room = await webhookRoom(t, {
    links: [{ name: 'Public' }, { name: 'Once', maxUses: 1 }, { name: 'Day', durationDays: 1 }],
  });
  const receiver = await startReceiver(t);
  await subscribe(room, receiver);
  const [publicToken, onceToken] = room.tokens as [string, string, string];
  const guestOf = (answer: { body: unknown }) => answer.body as { guest: { id: string }; session: string };

  const ada = guestOf(await redeem(room, publicToken, { name: 'Ada', email: 'ada@example.com' }));
  const bob = guestOf(await redeem(room, publicToken, { name: 'Bob', email: 'bob@example.com' }));
  const cy = guestOf(await redeem(room, publicToken, { name: 'Cy', email: 'cy@example.com' }));
  const dee = guestOf(await redeem(room, onceToken, { name: 'Dee', email: 'dee@example.com' }));
  assert.equal((await host(room, 'POST', `/guests/${ada.guest.id}/admit`)).status, 200);
  assert.equal((await host(room, 'POST', `/guests/${bob.guest.id}/deny`)).status, 200);
  assert.equal((await host(room, 'POST', `/guests/${cy.guest.id}/remove`)).status, 200);
  const left = await room.api.request({ method: 'DELETE', path: '/v1/guest/session', token: dee.session });
  assert.equal(left.status, 204);
  assert.equal((await host(room, 'PATCH', '/guest-access', { admission: 'auto' })).status, 200);

  const byType = async (type: string, count = 1) =>
    (await receiver.waitFor((item) => item.type === type, count))[0] as Received;
  const guestIn = (item: Received) => item.data.guest as { id: string; name: string };
  const waiting = await byType('guest.waiting', 4);
  assert.deepEqual(
    { roomId: waiting.data.roomId, name: guestIn(waiting).name },
    { roomId: room.roomId, name: 'Ada' },
  );
  assert.equal(guestIn(await byType('guest.admitted')).id, ada.guest.id);
  assert.equal(guestIn(await byType('guest.denied')).id, bob.guest.id);
  assert.equal(guestIn(await byType('guest.removed')).id, cy.guest.id);
  assert.equal(guestIn(await byType('guest.left')).id, dee.guest.id);
  const usedUp = (await byType('link.used_up')).data.link as Record<string, unknown>;
  assert.deepEqual(usedUp, {
    id: room.links[1]?.id,
    name: 'Once',
    maxUses: 1,
    uses: 1,
    expiresAt: null,
    createdAt: usedUp.createdAt,
  });
  const changed = await byType('guest_access.changed');
  assert.deepEqual(changed.data.guestAccess, { enabled: true, admission: 'auto', lobbyMessage: null });

  // The expiry passes without anyone opening the link: the sweep announces it, once.
  room.api.clock.advance(25 * 60 * 60 * 1000);
  const expired = await byType('link.expired');
  assert.equal((expired.data.link as { name: string }).name, 'Day');
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(receiver.received.filter((item) => item.type === 'link.expired').length, 1);

  assert.equal(receiver.unverified, 0);
  const types = new Set(receiver.received.map((item) => item.type));
  assert.deepEqual(
    [...WEBHOOK_EVENT_TYPES].filter((type) => !types.has(type)),
    [],
  );
  // The headers Standard Webhooks names, a `whsec_` secret, and one webhook-id per message.
  assert.match(String(waiting.headers['webhook-signature']), /^v1,[A-Za-z0-9+/=]+$/);
  assert.match(String(waiting.headers['webhook-timestamp']), /^\d{10}$/);
  assert.match(receiver.secret, /^whsec_/);
  assert.equal(new Set(receiver.received.map((item) => item.id)).size, receiver.received.length);
});

test('sends only the events an endpoint subscribed to, and nothing to a tenant without endpoints', async (t) => {
  const room = await webhookRoom(t, { links: [{ name: 'Public' }] });
  const receiver = await startReceiver(t);
  await subscribe(room, receiver, ['guest.admitted']);
  const guest = (await redeem(room)).body as { guest: { id: string } };
  await host(room, 'POST', `/guests/${guest.guest.id}/admit`);
  await receiver.waitFor((item) => item.type === 'guest.admitted');
  const listed = await deliveries(room);
  assert.deepEqual(
    listed.deliveries.map((d) => d.type),
    ['guest.admitted'],
  );
  const other = await roomWith(t, { links: [{ name: 'Other' }] }, room.api);
  await redeem(other);
  assert.deepEqual((await deliveries(other)).deliveries, []);
});

test('a PATCH of guest access that changes nothing sends no guest_access.changed', async (t) => {
  const room = await webhookRoom(t, { links: [{ name: 'Public' }] });
  const receiver = await startReceiver(t);
  await subscribe(room, receiver, ['guest_access.changed']);
  const patch = async (body: Record<string, unknown>) =>
    assert.equal((await host(room, 'PATCH', '/guest-access', body)).status, 200);
  await patch({ admission: 'auto' });
  await patch({ admission: 'auto' });
  await patch({ enabled: true, lobbyMessage: null });
  await patch({ lobbyMessage: 'Back in five' });
  await patch({ lobbyMessage: 'Back in five', admission: 'auto' });
  const listed = (await deliveries(room)).deliveries.filter((d) => d.type === 'guest_access.changed');
  assert.equal(listed.length, 2, 'one for the policy, one for the lobby message');
  const received = await receiver.waitFor((item) => item.type === 'guest_access.changed', 2);
  // Sent side by side, so they may arrive in either order.
  assert.deepEqual(
    received
      .map((item) => item.data.guestAccess)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    [
      { enabled: true, admission: 'auto', lobbyMessage: 'Back in five' },
      { enabled: true, admission: 'auto', lobbyMessage: null },
    ],
  );
});

test('retries a receiver that fails first, with the same webhook-id, until it answers 2xx', async (t) => {
  const room = await webhookRoom(t, { links: [{ name: 'Public' }] });
  const receiver = await startReceiver(t);
  await subscribe(room, receiver, ['guest.waiting']);
  receiver.failNext = 2;
  await redeem(room);
  const [delivered] = await receiver.waitFor((item) => item.type === 'guest.waiting');
  assert.deepEqual(receiver.arrivals, [delivered?.id, delivered?.id, delivered?.id]);
  const listed = await deliveryWhere(room, (d) => d.status === 'delivered');
  assert.deepEqual(
    { attempts: listed.attempts, lastStatusCode: listed.lastStatusCode, messageId: listed.messageId },
    { attempts: 3, lastStatusCode: 204, messageId: delivered?.id },
  );
});

test('gives a delivery up once its 24 hours pass, listed as failed with the last status code', async (t) => {
  const room = await webhookRoom(t, { links: [{ name: 'Public' }] }, { ...FAST, retryBaseMs: 60_000 });
  const receiver = await startReceiver(t);
  await subscribe(room, receiver, ['guest.waiting']);
  receiver.failNext = 1000;
  await redeem(room);
  const pending = await deliveryWhere(room, (d) => d.attempts === 1);
  assert.deepEqual([pending.status, pending.lastStatusCode, pending.lastError], ['pending', 500, 'HTTP 500']);
  room.api.clock.advance(24 * 60 * 60 * 1000);
  const failed = await deliveryWhere(room, (d) => d.status === 'failed');
  assert.equal(failed.attempts, 2);
  assert.deepEqual(
    (await deliveries(room, '?status=failed')).deliveries.map((d) => d.id),
    [failed.id],
  );
  assert.deepEqual((await deliveries(room, '?status=pending')).deliveries, []);
  assert.equal(receiver.received.length, 0);
});

test('keeps an endpoint’s secret when its URL is set again, and fails the pending deliveries of one removed', async (t) => {
  const room = await webhookRoom(t, { links: [{ name: 'Public' }] }, { ...FAST, retryBaseMs: 60_000 });
  const receiver = await startReceiver(t);
  const first = await subscribe(room, receiver, ['guest.waiting']);
  const again = await subscribe(room, receiver, ['guest.waiting', 'guest.admitted']);
  assert.deepEqual([again.id, again.secret], [first.id, first.secret]);
  assert.deepEqual(again.events, ['guest.waiting', 'guest.admitted']);
  const listed = await room.api.request({ path: '/v1/admin/webhooks', token: room.apiKey });
  assert.equal(listed.headers['cache-control'], 'no-store');
  assert.deepEqual((listed.body as { endpoints: Endpoint[] }).endpoints, [again]);

  receiver.failNext = 1000;
  await redeem(room);
  await deliveryWhere(room, (d) => d.attempts === 1);
  assert.equal((await putWebhooks(room, { endpoints: [] })).status, 200);
  const removed = await deliveryWhere(room, (d) => d.status === 'failed');
  assert.equal(removed.lastError, 'endpoint removed');
  const readded = await subscribe(room, receiver, ['guest.waiting']);
  assert.notEqual(readded.secret, first.secret);
});

test('refuses bad endpoint lists with 400 naming the field, and changes nothing', async (t) => {
  const room = await webhookRoom(t);
  const receiver = await startReceiver(t);
  await subscribe(room, receiver, ['guest.waiting']);
  const before = await room.api.request({ path: '/v1/admin/webhooks', token: room.apiKey });
  const cases: Array<[unknown, string]> = [
    [{ endpoints: [{ url: receiver.url, events: ['guest.waiting'] }], extra: 1 }, 'extra'],
    [{ endpoints: [{ url: receiver.url, events: ['guest.waiting'], secret: 'x' }] }, 'endpoints.0.secret'],
    [{ endpoints: [{ url: receiver.url, events: ['guest.knocked'] }] }, 'endpoints.0.events.0'],
    [{ endpoints: [{ url: receiver.url, events: [] }] }, 'endpoints.0.events'],
    [{ endpoints: [{ url: receiver.url, events: ['guest.left', 'guest.left'] }] }, 'endpoints.0.events'],
    [{ endpoints: [{ url: 'ftp://example.com/x', events: ['guest.left'] }] }, 'endpoints.0.url'],
    [{ endpoints: [{ url: 'not a url', events: ['guest.left'] }] }, 'endpoints.0.url'],
    [{ endpoints: [{ events: ['guest.left'] }] }, 'endpoints.0.url'],
    [
      {
        endpoints: [
          { url: receiver.url, events: ['guest.left'] },
          { url: receiver.url, events: ['guest.waiting'] },
        ],
      },
      'endpoints',
    ],
    [
      {
        // The same URL as a client reads it: scheme and host in any letter case.
        endpoints: [
          { url: receiver.url, events: ['guest.left'] },
          { url: receiver.url.replace(/^http:/, 'HTTP:'), events: ['guest.waiting'] },
        ],
      },
      'endpoints',
    ],
    [{ endpoints: 'https://example.com' }, 'endpoints'],
  ];
  for (const [body, field] of cases) {
    const answer = await putWebhooks(room, body);
    assert.equal(answer.status, 400, JSON.stringify(body));
    assert.equal(errorCode(answer.body), 'validation_failed');
    assert.ok(
      field in ((answer.body as { error: { fields: object } }).error.fields ?? {}),
      `${field}: ${JSON.stringify(answer.body)}`,
    );
  }
  const deliveriesQuery = await room.api.request({
    path: '/v1/admin/webhooks/deliveries?cursor=abc',
    token: room.apiKey,
  });
  assert.equal(deliveriesQuery.status, 400);
  assert.equal((await room.api.request({ path: '/v1/admin/webhooks', token: 'wrong' })).status, 401);
  const after = await room.api.request({ path: '/v1/admin/webhooks', token: room.apiKey });
  assert.deepEqual(after.body, before.body);
});

test('refuses loopback, private, link-local, CGNAT and unique-local targets unless private targets are allowed', async (t) => {
  const room = await webhookRoom(t, { links: [{ name: 'Public' }] }, { pollMs: 50, retryBaseMs: 60_000 });
  const refused = [
    'http://127.0.0.1:9/x',
    'http://10.1.2.3/x',
    'http://172.16.0.1/x',
    'http://192.168.1.1/x',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/x',
    'http://0.0.0.0/x',
    'http://[::1]/x',
    'http://[fd00::1]/x',
    'http://[fe80::1]/x',
    'http://[::ffff:127.0.0.1]/x',
    'http://[64:ff9b::a00:1]/x',
    'http://localhost:8080/x',
    'http://localhost./x',
    'http://api.localhost/x',
    'http://2130706433/x',
  ];
  for (const url of refused) {
    const answer = await putWebhooks(room, { endpoints: [{ url, events: ['guest.waiting'] }] });
    assert.equal(answer.status, 400, url);
    assert.match(
      (answer.body as { error: { fields: Record<string, string> } }).error.fields['endpoints.0.url'] ?? '',
      /private/,
      url,
    );
  }
  assert.deepEqual(['8.8.8.8', '2606:4700::1111', '93.184.215.14'].map(isPrivateAddress), [
    false,
    false,
    false,
  ]);
  const none = await room.api.request({ path: '/v1/admin/webhooks', token: room.apiKey });
  assert.deepEqual(none.body, { endpoints: [] });

  // A name is accepted when set, and refused when it resolves to a private address at delivery.
  const name = hostname();
  const resolved = await lookup(name).catch(() => undefined);
  if (!resolved || !isPrivateAddress(resolved.address)) {
    t.diagnostic(
      `${name} does not resolve to a private address here; the delivery-time check is not exercised`,
    );
    return;
  }
  const receiver = await startReceiver(t);
  const answer = await putWebhooks(room, {
    endpoints: [{ url: `http://${name}:${receiver.port}/hooks`, events: ['guest.waiting'] }],
  });
  assert.equal(answer.status, 200);
  await redeem(room);
  const attempt = await deliveryWhere(room, (d) => d.attempts === 1);
  assert.match(attempt.lastError ?? '', /private address/);
  assert.deepEqual(receiver.arrivals, []);
});

test('lists deliveries newest first, a page of 100 at a time', async (t) => {
  const room = await webhookRoom(t, { links: [{ name: 'Public' }] }, { ...FAST, pollMs: 60_000 });
  const receiver = await startReceiver(t);
  await subscribe(room, receiver, ['guest_access.changed']);
  const { store, clock } = room.api.server.deps;
  const roomPk = (await store.rooms.get(room.tenantId, room.roomId))?.pk as number;
  await store.transaction(async (tx) => {
    for (let index = 0; index < 101; index++) {
      await recordWebhookEvent(tx, roomPk, 'guest_access.changed', { index }, clock.now());
    }
  });
  const first = await deliveries(room);
  assert.equal(first.deliveries.length, 100);
  assert.ok(first.nextCursor);
  const second = await deliveries(room, `?cursor=${first.nextCursor}`);
  assert.equal(second.deliveries.length, 1);
  assert.equal(second.nextCursor, null);
  const ids = [...first.deliveries, ...second.deliveries].map((d) => Number(d.id));
  assert.deepEqual(
    ids,
    [...ids].sort((a, b) => b - a),
  );
  assert.equal(new Set(ids).size, 101);
  // A host token of the tenant is not an API key.
  assert.equal(
    (await room.api.request({ path: '/v1/admin/webhooks/deliveries', token: await renewHostToken(room) }))
      .status,
    401,
  );
});

test('describes the webhook routes in the OpenAPI document, from the schemas', async (t) => {
  const api = await freshApi(t);
  const document = (await api.request({ path: '/v1/openapi.json' })).body as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
  };
  const put = document.paths['/v1/admin/webhooks']?.put;
  const schema = put?.requestBody?.content['application/json']?.schema as {
    properties: { endpoints: { items: { properties: { events: { items: { enum: string[] } } } } } };
  };
  assert.deepEqual(schema.properties.endpoints.items.properties.events.items.enum, [...WEBHOOK_EVENT_TYPES]);
  assert.ok(document.paths['/v1/admin/webhooks']?.get);
  assert.ok(document.paths['/v1/admin/webhooks/deliveries']?.get);
});

test('closing the server ends the worker: the send in flight is cut off, and none starts after', async (t) => {
  const api = await startTestApi({ webhooks: FAST });
  let closed = false;
  t.after(async () => {
    if (!closed) await api.close();
  });
  const room = await roomWith(t, { links: [{ name: 'Public' }] }, api);
  // A receiver that never answers: the send is still in flight when the server closes.
  const hanging = createServer(() => {});
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    hanging.closeAllConnections();
    hanging.close();
  });
  let arrivals = 0;
  hanging.on('request', () => {
    arrivals += 1;
  });
  const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hooks`;
  assert.equal((await putWebhooks(room, { endpoints: [{ url, events: ['guest.waiting'] }] })).status, 200);
  await redeem(room);
  while (arrivals === 0) await new Promise((resolve) => setTimeout(resolve, 25));
  const started = Date.now();
  await api.server.close();
  closed = true;
  // Well under the 10 s send timeout: close aborted the send rather than wait for it.
  assert.ok(Date.now() - started < 8000, `closed in ${Date.now() - started} ms`);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(arrivals, 1);
  await api.close();
});

test('reads the webhook settings from the environment, refusing values it cannot use', () => {
  assert.deepEqual(
    environmentSettings({
      GUEST_ACCESS_WEBHOOK_ALLOW_PRIVATE: '1',
      GUEST_ACCESS_WEBHOOK_RETRY_BASE_MS: '250',
    }).webhooks,
    { ...DEFAULT_WEBHOOK_CONFIG, allowPrivate: true, retryBaseMs: 250 },
  );
  assert.equal(environmentSettings({}).webhooks.allowPrivate, false);
  for (const env of [
    { GUEST_ACCESS_WEBHOOK_ALLOW_PRIVATE: 'yes' },
    { GUEST_ACCESS_WEBHOOK_RETRY_BASE_MS: '0' },
    { GUEST_ACCESS_WEBHOOK_RETRY_BASE_MS: 'soon' },
  ]) {
    assert.throws(() => environmentSettings(env), /GUEST_ACCESS_WEBHOOK_/);
  }
});
