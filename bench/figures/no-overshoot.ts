// Figure 5: 2,000 simultaneous redemptions on a link with 100 uses left → exactly 100 accepted (201), every
// other one 410, in every run — against one server, and against two server processes sharing one database
// file (BEGIN IMMEDIATE keeps SQLITE_BUSY from escaping as a 5xx). The database is then checked directly.
import Database from 'better-sqlite3';
import type { Figure, Row } from '../lib/figure.ts';
import { seedRoom, tempFolder } from '../lib/fixture.ts';
import { request } from '../lib/http.ts';
import { formatStatusCodes } from '../lib/load.ts';
import { type ServerProcess, startProduct } from '../lib/processes.ts';

const SUBMITS = 2000;
const USES_LEFT = 100;
/** Three runs per setting, one link each (a room holds at most three). */
const RUNS = 3;

interface Run {
  statusCodes: Record<string, number>;
  uses: number;
  guests: number;
}

/** All submits at once, each on its own connection, spread over the servers in turn. */
async function storm(servers: ServerProcess[], linkToken: string): Promise<Record<string, number>> {
  const answers = await Promise.all(
    Array.from({ length: SUBMITS }, (_, index) =>
      request(`${servers[index % servers.length]?.url}/v1/links/${linkToken}/guests`, {
        method: 'POST',
        body: { name: `Storm ${index}`, email: `storm${index}@example.com` },
      }).then(
        (answer) => String(answer.status),
        () => 'connection error',
      ),
    ),
  );
  const counts: Record<string, number> = {};
  for (const status of answers) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

async function runSetting(serverCount: number, context: Parameters<Figure['measure']>[0]): Promise<Run[]> {
  const folder = tempFolder();
  const servers: ServerProcess[] = [];
  try {
    const dbFile = folder.file('overshoot.db');
    const room = await seedRoom(dbFile, {
      links: Array.from({ length: RUNS }, () => ({ maxUses: USES_LEFT })),
    });
    for (let index = 0; index < serverCount; index++)
      servers.push(await startProduct(context.servers.product, dbFile, { profileDir: context.profileDir }));
    const runs: Run[] = [];
    for (const link of room.links) {
      const statusCodes = await storm(servers, link.token);
      const db = new Database(dbFile, { readonly: true });
      const uses = db.prepare('SELECT uses FROM links WHERE id = ?').pluck().get(link.id) as number;
      const guests = db
        .prepare('SELECT count(*) FROM guests WHERE link_id = ?')
        .pluck()
        .get(link.id) as number;
      db.close();
      runs.push({ statusCodes, uses, guests });
    }
    return runs;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    folder.remove();
  }
}

const exact = (run: Run) =>
  run.statusCodes['201'] === USES_LEFT &&
  run.statusCodes['410'] === SUBMITS - USES_LEFT &&
  run.uses === USES_LEFT &&
  run.guests === USES_LEFT;

export const noOvershoot: Figure = {
  id: 'no-overshoot',
  title: 'No overshoot',
  async measure(context) {
    const rows: Row[] = [];
    const notes: string[] = [];
    for (const serverCount of [1, 2]) {
      const runs = await runSetting(serverCount, context);
      const setting = serverCount === 1 ? 'one server' : 'two servers, one database file';
      rows.push({
        figure: `5. No overshoot, ${setting} (${SUBMITS.toLocaleString('en-US')} at once, ${USES_LEFT} left, ${RUNS} runs)`,
        ours: runs.map((run) => `${run.statusCodes['201'] ?? 0} accepted`).join(', '),
        baseline: '—',
        ratio: '—',
        target: `exactly ${USES_LEFT}, rest 410, no 5xx`,
        met: runs.every(exact),
      });
      notes.push(
        `No overshoot, ${setting}: ${runs
          .map(
            (run) => `[${formatStatusCodes(run.statusCodes)}; uses ${run.uses}, guests stored ${run.guests}]`,
          )
          .join(' ')}.`,
      );
    }
    return { rows, notes };
  },
};
