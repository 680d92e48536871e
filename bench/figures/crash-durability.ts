// Issue 7: 30 crash cycles on one database file. Each cycle starts the server, runs concurrent redemptions
// (each with its own Idempotency-Key) on an unlimited and on a limited link, kills the server with SIGKILL
// mid-load, and then checks the file directly: every redemption answered 201 is stored, no link's uses
// exceed its limit or differ from its stored guests, and `PRAGMA integrity_check` says ok.
import http from 'node:http';
import Database from 'better-sqlite3';
import type { Figure } from '../lib/figure.ts';
import { seedRoom, tempFolder } from '../lib/fixture.ts';
import { request } from '../lib/http.ts';
import { startProduct } from '../lib/processes.ts';

const CYCLES = 30;
const CONCURRENCY = 16;
/** Reached after some cycles, so later cycles also crash while refusing with 410. */
const LIMIT = 1000;

interface Check {
  acknowledged: number;
  missing: number;
  overLimit: number;
  usesMismatch: number;
  integrity: string;
  serverErrors: number;
}

/** Redeems until the server dies; returns the guest ids answered 201 and the count of 5xx answers. */
async function redeemUntilKilled(
  url: string,
  tokens: string[],
  killAfterMs: number,
  kill: () => Promise<void>,
) {
  const acknowledged: string[] = [];
  let serverErrors = 0;
  let alive = true;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const worker = async (index: number) => {
    for (let n = 0; alive; n++) {
      const token = tokens[(index + n) % tokens.length];
      try {
        const answer = await request(`${url}/v1/links/${token}/guests`, {
          method: 'POST',
          agent,
          headers: { 'idempotency-key': `w${index}-${n}-${Math.random().toString(36).slice(2)}` },
          body: { name: `Crash ${index}-${n}`, email: `crash${index}.${n}@example.com` },
        });
        if (answer.status === 201)
          acknowledged.push((JSON.parse(answer.body) as { guest: { id: string } }).guest.id);
        else if (answer.status >= 500) serverErrors++;
      } catch {
        return; // the server is gone
      }
    }
  };
  const workers = Array.from({ length: CONCURRENCY }, (_, index) => worker(index));
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  await kill();
  alive = false;
  await Promise.all(workers);
  agent.destroy();
  return { acknowledged, serverErrors };
}

function check(dbFile: string, acknowledged: string[], serverErrors: number): Check {
  const db = new Database(dbFile);
  try {
    const exists = db.prepare('SELECT 1 FROM guests WHERE id = ?').pluck();
    const links = db
      .prepare(
        'SELECT l.uses, l.max_uses AS maxUses, (SELECT count(*) FROM guests g WHERE g.link_id = l.id) AS guests FROM links l',
      )
      .all() as Array<{ uses: number; maxUses: number | null; guests: number }>;
    return {
      acknowledged: acknowledged.length,
      missing: acknowledged.filter((id) => exists.get(id) === undefined).length,
      overLimit: links.filter((link) => link.maxUses !== null && link.uses > link.maxUses).length,
      usesMismatch: links.filter((link) => link.uses !== link.guests).length,
      integrity: String(db.pragma('integrity_check', { simple: true })),
      serverErrors,
    };
  } finally {
    db.close();
  }
}

export const crashDurability: Figure = {
  id: 'crash-durability',
  title: 'Crash durability',
  async measure(context) {
    const folder = tempFolder();
    try {
      const dbFile = folder.file('crash.db');
      const room = await seedRoom(dbFile, { links: [{}, { maxUses: LIMIT }] });
      const tokens = room.links.map((link) => link.token);
      const checks: Check[] = [];
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const server = await startProduct(context.servers.product, dbFile);
        // Somewhere between 200 and 700 ms into the load, so the kill lands at varied points of a commit.
        const killAfterMs = 200 + Math.floor(Math.random() * 500);
        const { acknowledged, serverErrors } = await redeemUntilKilled(
          server.url,
          tokens,
          killAfterMs,
          server.kill,
        );
        checks.push(check(dbFile, acknowledged, serverErrors));
      }
      const sum = (pick: (entry: Check) => number) => checks.reduce((total, entry) => total + pick(entry), 0);
      const healthy = checks.filter((entry) => entry.integrity === 'ok').length;
      const lost = sum((entry) => entry.missing);
      const broken = sum((entry) => entry.overLimit + entry.usesMismatch);
      return {
        rows: [
          {
            figure: `Crash durability: ${CYCLES} SIGKILL cycles mid-load (synchronous=NORMAL)`,
            ours: `${lost} of ${sum((entry) => entry.acknowledged)} acknowledged lost; ${broken} count errors; integrity ok ${healthy}/${CYCLES}`,
            baseline: '—',
            ratio: '—',
            target: '0 lost, 0 over limit, integrity ok, no 5xx',
            met: lost === 0 && broken === 0 && healthy === CYCLES && sum((entry) => entry.serverErrors) === 0,
          },
        ],
        notes: [
          `Crash durability: per cycle, redemptions answered 201 before the kill: ${checks.map((entry) => entry.acknowledged).join(', ')}; 5xx answers: ${sum((entry) => entry.serverErrors)}.`,
        ],
      };
    } finally {
      folder.remove();
    }
  },
};
