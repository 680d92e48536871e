// Issue 10, item 15c: the host's guest list pages past 1,000 guests with a cursor instead of cutting them off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorCode, host, type Room, redeem, roomWith } from './helpers.ts';

interface Page {
  guests: Array<{ id: string; createdAt: string }>;
  nextCursor: string | null;
}

async function redeemMany(room: Room, count: number, atOnce = 50) {
  const ids: string[] = [];
  for (let done = 0; done < count; done += atOnce) {
    const answers = await Promise.all(
      Array.from({ length: Math.min(atOnce, count - done) }, () => redeem(room)),
    );
    for (const answer of answers) {
      assert.equal(answer.status, 201);
      ids.push((answer.body as { guest: { id: string } }).guest.id);
    }
  }
  return ids;
}

const page = async (room: Room, query: string) => {
  const answer = await host(room, 'GET', `/guests${query}`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body as Page;
};

test('pages through 1,050 guests with a cursor, newest first, none repeated or lost while more arrive', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Open' }] });
  const ids = await redeemMany(room, 1050);

  const first = await page(room, '');
  assert.equal(first.guests.length, 1000);
  assert.ok(first.nextCursor);
  // Guests arriving between pages are newer than every listed one: they shift nothing.
  const late = await redeemMany(room, 5);
  const second = await page(room, `?cursor=${encodeURIComponent(first.nextCursor)}`);
  assert.equal(second.nextCursor, null);

  const listed = [...first.guests, ...second.guests];
  assert.equal(new Set(listed.map((guest) => guest.id)).size, listed.length, 'no guest twice');
  assert.deepEqual(new Set(listed.map((guest) => guest.id)), new Set(ids), 'every guest once');
  assert.ok(!listed.some((guest) => late.includes(guest.id)));
  const times = listed.map((guest) => Date.parse(guest.createdAt));
  assert.ok(
    times.every((time, index) => index === 0 || time <= (times[index - 1] as number)),
    'newest first',
  );
  // The status filter pages the same way.
  const waiting = await page(room, `?status=waiting&cursor=${encodeURIComponent(first.nextCursor)}`);
  assert.deepEqual(
    waiting.guests.map((guest) => guest.id),
    second.guests.map((guest) => guest.id),
  );

  const unknown = await host(room, 'GET', '/guests?cursor=no-such-guest');
  assert.deepEqual([unknown.status, errorCode(unknown.body)], [400, 'validation_failed']);
});
