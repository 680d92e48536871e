// Issue 10, item 14: two server processes on one database file. A guest leaving on one while a host denies
// on the other ends as whichever was acknowledged: the leave never overwrites a decision it did not see.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTenantIn, roomWithLinks, startChildServer, testDatabase } from './child-server.ts';

const RACES = 200;
const AT_ONCE = 10;

test(`keeps every acknowledged denial denied when the guest leaves on another process (${RACES} races)`, async (t) => {
  const dbFile = await testDatabase(t);
  const tenant = await createTenantIn(dbFile);
  const [first, second] = [await startChildServer(t, dbFile), await startChildServer(t, dbFile)];
  const { hostToken, links } = await roomWithLinks(first, tenant, [{ name: 'Open' }]);

  const guests: Array<{ id: string; session: string }> = [];
  for (let i = 0; i < RACES; i += AT_ONCE) {
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, j) =>
        first.request({
          method: 'POST',
          path: `/v1/links/${links[0]?.token}/guests`,
          body: { name: `Guest ${i + j}`, email: `g${i + j}@example.com` },
        }),
      ),
    );
    for (const answer of answers) {
      assert.equal(answer.status, 201);
      const body = answer.body as { guest: { id: string }; session: string };
      guests.push({ id: body.guest.id, session: body.session });
    }
  }

  const outcomes: Array<{ id: string; deny: number; leave: number }> = [];
  for (let i = 0; i < RACES; i += AT_ONCE) {
    const races = guests.slice(i, i + AT_ONCE).map(async (guest, j) => {
      // Each process plays each part in turn.
      const [denying, leaving] = (i + j) % 2 === 0 ? [first, second] : [second, first];
      const [deny, leave] = await Promise.all([
        denying.request({ method: 'POST', path: `/v1/rooms/r1/guests/${guest.id}/deny`, token: hostToken }),
        leaving.request({ method: 'DELETE', path: '/v1/guest/session', token: guest.session }),
      ]);
      return { id: guest.id, deny: deny.status, leave: leave.status };
    });
    outcomes.push(...(await Promise.all(races)));
  }

  const list = await first.request({ path: '/v1/rooms/r1/guests', token: hostToken });
  const statusOf = new Map(
    (list.body as { guests: Array<{ id: string; status: string }> }).guests.map((g) => [g.id, g.status]),
  );
  const wrong = outcomes.filter(({ id, deny, leave }) => {
    // A 409 on the denial acknowledges the leave that came first.
    const expected = deny === 200 ? 'denied' : deny === 409 ? 'left' : `deny answered ${deny}`;
    return leave !== 204 || statusOf.get(id) !== expected;
  });
  assert.deepEqual(
    wrong.map(({ id, deny }) => ({ deny, status: statusOf.get(id) })),
    [],
    `${wrong.length} of ${RACES} races ended other than acknowledged`,
  );
});
