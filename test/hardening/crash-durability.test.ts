// Crash durability (docs/durability.md): a server killed with SIGKILL in the middle of redemptions loses
// none it answered 201, never lets a use count pass its limit, and leaves a sound database file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openRawDatabase } from '../support/raw-database.ts';
import { TEST_ENGINE } from '../support/test-database.ts';
import { createTenantIn, roomWithLinks, startChildServer, testDatabase } from './child-server.ts';

const CYCLES = 3;
/** Redemptions answered 201 in a cycle before the kill; more are in flight when it lands. */
const ACCEPTED_BEFORE_KILL = 15;
const WORKERS = 8;

/** Reads the database the way the next start will (SQLite: WAL recovery first), then the checks. */
async function inspect(location: string, accepted: Set<string>) {
  const db = openRawDatabase(location);
  try {
    const stored = new Set((await db.all<{ id: string }>('SELECT id FROM guests')).map((row) => row.id));
    const lost = [...accepted].filter((id) => !stored.has(id));
    const overLimit = await db.all('SELECT id, uses, max_uses FROM links WHERE uses > max_uses');
    // A use and its guest are written in one transaction: after any crash they still agree.
    const drift = await db.all(
      `SELECT l.id, l.uses, count(g.id) AS guests FROM links l LEFT JOIN guests g ON g.link_id = l.id
       GROUP BY l.id HAVING l.uses != count(g.id)`,
    );
    const integrity =
      TEST_ENGINE === 'sqlite'
        ? (await db.all<{ integrity_check: string }>('PRAGMA integrity_check'))[0]?.integrity_check
        : 'ok';
    return { lost, overLimit, drift, integrity };
  } finally {
    await db.close();
  }
}

test(`keeps every redemption answered 201 through ${CYCLES} SIGKILLs mid-load, within limits, with a sound file`, async (t) => {
  const dbFile = await testDatabase(t);
  const tenant = await createTenantIn(dbFile);
  const accepted = new Set<string>();
  let links: Array<{ id: string; token: string }> = [];
  let refusedAsUsedUp = 0;
  let cutOff = 0;

  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const server = await startChildServer(t, dbFile);
    if (cycle === 1) {
      // A limit that runs out during the cycles, so the limit is also checked across crashes.
      ({ links } = await roomWithLinks(server, tenant, [{ name: 'Limited', maxUses: 12 }, { name: 'Open' }]));
    }
    let acceptedThisCycle = 0;
    let killed = false;
    const worker = async (index: number) => {
      for (let i = 0; !killed; i++) {
        const link = links[(index + i) % links.length] as { token: string };
        try {
          const answer = await server.request({
            method: 'POST',
            path: `/v1/links/${link.token}/guests`,
            body: { name: `Guest ${cycle}-${index}-${i}`, email: `g${cycle}.${index}.${i}@example.com` },
          });
          if (answer.status === 201) {
            accepted.add((answer.body as { guest: { id: string } }).guest.id);
            acceptedThisCycle += 1;
          } else if (answer.status === 410) refusedAsUsedUp += 1;
          else assert.fail(`unexpected ${answer.status} ${JSON.stringify(answer.body)}`);
        } catch (error) {
          if (!killed) throw error; // only the kill may cut a request off
          cutOff += 1;
        }
        if (acceptedThisCycle >= ACCEPTED_BEFORE_KILL && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
    assert.equal((await server.exited).signal, 'SIGKILL');

    const found = await inspect(dbFile, accepted);
    assert.deepEqual(found.lost, [], `cycle ${cycle}: redemptions answered 201 but not stored`);
    assert.deepEqual(found.overLimit, [], `cycle ${cycle}: a use count passed its limit`);
    assert.deepEqual(found.drift, [], `cycle ${cycle}: use counts disagree with the guests stored`);
    assert.equal(found.integrity, 'ok', `cycle ${cycle}: integrity_check`);
  }
  assert.ok(accepted.size >= CYCLES * ACCEPTED_BEFORE_KILL);
  assert.ok(refusedAsUsedUp > 0, 'the limited link ran out during the cycles');
  assert.ok(cutOff > 0, 'the kills landed while requests were in flight');

  // And the file still serves: a last start answers, then stops cleanly.
  const last = await startChildServer(t, dbFile);
  assert.equal((await last.request({ path: `/v1/links/${links[1]?.token}` })).status, 200);
  last.child.kill('SIGTERM');
  assert.equal((await last.exited).code, 0);
});
