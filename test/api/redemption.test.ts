// Redemption under concurrency and retries (rules 8 and 9), over a real listening server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeadlockError } from '../../api/store/contract.ts';
import { errorCode, host, redeem, roomWith } from './helpers.ts';

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

test('refuses an Idempotency-Key replayed with a different body (422 idempotency_key_reused) and reveals nothing', async (t) => {
  const room = await roomWith(t, { admission: 'auto', links: [{ name: 'a', maxUses: 5 }] });
  const submit = (body: { name: string; email: string }) =>
    room.api.request({
      method: 'POST',
      path: `/v1/links/${room.tokens[0]}/guests`,
      body,
      headers: { 'idempotency-key': 'shared-key' },
    });
  const alice = await submit({ name: 'Alice', email: 'alice@example.com' });
  assert.equal(alice.status, 201);
  const { session } = alice.body as { session: string };

  for (const body of [
    { name: 'Mallory', email: 'alice@example.com' },
    { name: 'Alice', email: 'mallory@example.com' },
  ]) {
    const mallory = await submit(body);
    assert.equal(mallory.status, 422, JSON.stringify(body));
    assert.equal(errorCode(mallory.body), 'idempotency_key_reused');
    const text = JSON.stringify(mallory.body);
    for (const secret of [session, 'Alice', 'alice@example.com', 'joinUrl', 'guest']) {
      assert.ok(!text.includes(secret), `the refusal reveals ${secret}`);
    }
  }
  // The same body, even with other surrounding whitespace, is the same request: the first answer again.
  const again = await submit({ name: '  Alice ', email: 'alice@example.com ' });
  assert.equal(again.status, 201);
  assert.deepEqual(again.body, alice.body);
  const view = (await host(room, 'GET', '/guest-access')).body as { links: Array<{ uses: number }> };
  assert.equal(view.links[0]?.uses, 1, 'the refused replays counted no use');
});

test('a redemption still deadlocked after its retries answers 503 with Retry-After, and counts nothing', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'a', maxUses: 3 }] });
  // What PostgreSQL does to one of two transactions waiting on each other, here on every attempt.
  const { store } = room.api.server.deps;
  const batched = store.batchedTransaction;
  let attempts = 0;
  store.batchedTransaction = () => {
    attempts += 1;
    return Promise.reject(new DeadlockError('deadlock detected'));
  };
  const answer = await redeem(room).finally(() => {
    store.batchedTransaction = batched;
  });
  assert.equal(attempts, 3, 'a deadlock is run again twice');
  assert.equal(answer.status, 503);
  assert.equal(errorCode(answer.body), 'unavailable');
  assert.ok(Number(answer.headers['retry-after']) > 0, 'no Retry-After');
  const view = (await host(room, 'GET', '/guest-access')).body as { links: Array<{ uses: number }> };
  assert.equal(view.links[0]?.uses, 0);
  assert.equal((await redeem(room)).status, 201, 'the next submit, without the deadlock, goes in');
});
