// Redemption under concurrency and retries (rules 8 and 9), over a real listening server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { host, redeem, roomWith } from './helpers.ts';

test('accepts exactly 10 of 200 simultaneous submits on a link with 10 uses left', async (t) => {
  const room = await roomWith(t, { admission: 'auto', links: [{ name: 'crowd', maxUses: 15 }] });
  for (let i = 0; i < 5; i++) assert.equal((await redeem(room)).status, 201);
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      redeem(room, room.tokens[0], { name: `Guest ${i}`, email: `g${i}@example.com` }),
    ),
  );
  const statuses = answers.map((answer) => answer.status);
  assert.equal(statuses.filter((status) => status === 201).length, 10);
  assert.equal(statuses.filter((status) => status === 410).length, 190);
  const view = (await host(room, 'GET', '/guest-access')).body as {
    links: Array<{ uses: number; status: string }>;
  };
  assert.deepEqual([view.links[0]?.uses, view.links[0]?.status], [15, 'used_up']);
  const guests = (await host(room, 'GET', '/guests')).body as { guests: unknown[] };
  assert.equal(guests.guests.length, 15);
});

test('counts simultaneous retries of one submit once and answers each with the same guest', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a', maxUses: 3 }] });
  const submit = () =>
    room.api.request({
      method: 'POST',
      path: `/v1/links/${room.tokens[0]}/guests`,
      body: { name: 'Grace', email: 'grace@example.com' },
      headers: { 'idempotency-key': 'same-click' },
    });
  const answers = await Promise.all(Array.from({ length: 20 }, submit));
  assert.ok(answers.every((answer) => answer.status === 201));
  const ids = new Set(answers.map((answer) => (answer.body as { guest: { id: string } }).guest.id));
  const sessions = new Set(answers.map((answer) => (answer.body as { session: string }).session));
  assert.deepEqual([ids.size, sessions.size], [1, 1]);
  const view = (await host(room, 'GET', '/guest-access')).body as { links: Array<{ uses: number }> };
  assert.equal(view.links[0]?.uses, 1);
});

test('rejects an invalid Idempotency-Key', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a' }] });
  const answer = await room.api.request({
    method: 'POST',
    path: `/v1/links/${room.tokens[0]}/guests`,
    body: { name: 'Grace', email: 'grace@example.com' },
    headers: { 'idempotency-key': 'x'.repeat(201) },
  });
  assert.equal(answer.status, 400);
});
