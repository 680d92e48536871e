// Crash durability (docs/durability.md): a server killed with SIGKILL in the middle of redemptions loses
// none it answered 201, never lets a use count pass its limit, and leaves a sound database file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { createTenantIn, roomWithLinks, startChildServer, tempDbFile } from './child-server.ts';

const CYCLES = 3;
/** Redemptions answered 201 in a cycle before the kill; more are in flight when it lands. */
const ACCEPTED_BEFORE_KILL = 15;
const WORKERS = 8;

/** Reads the file the way the next start will: WAL recovery first, then the checks. */
function inspect(dbFile: string, accepted: Set<string>) {
  const db = new Database(dbFile);
  try {
    const stored = new Set(db.prepare('SELECT id FROM guests').pluck().all() as string[]);
    const lost = [...accepted].filter((id) => !stored.has(id));
    const overLimit = db.prepare('SELECT id, uses, max_uses FROM links WHERE uses > max_uses').all();
    // A use and its guest are written in one transaction: after any crash they still agree.
    const drift = db
      .prepare(
        `SELECT l.id, l.uses, count(g.id) AS guests FROM links l LEFT JOIN guests g ON g.link_id = l.id
         GROUP BY l.id HAVING l.uses != count(g.id)`,
      )
      .all();
    return { lost, overLimit, drift, integrity: db.pragma('integrity_check', { simple: true }) };
  } finally {
    db.close();
  }
}

test(`keeps every redemption answered 201 through ${CYCLES} SIGKILLs mid-load, within limits, with a sound file`, async (t) => {
  const dbFile = tempDbFile(t);
  const tenant = createTenantIn(dbFile);
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

    const found = inspect(dbFile, accepted);
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
