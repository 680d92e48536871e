// `npm run bench [-- --only id,id] [--profile DIR]`: runs each figure in order and writes bench/RESULTS.md.
// A benchmark reports; it exits 0 however slow a figure is, and non-zero only when the bench itself broke.
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { commitCost } from './figures/commit-cost.ts';
import { crashDurability } from './figures/crash-durability.ts';
import { dbGrowth } from './figures/db-growth.ts';
import { entryPageLoad } from './figures/entry-page-load.ts';
import { floor } from './figures/floor.ts';
import { hostList } from './figures/host-list.ts';
import { linkPage } from './figures/link-page.ts';
import { managerRoomLoad } from './figures/manager-room-load.ts';
import { noOvershoot } from './figures/no-overshoot.ts';
import { postgresPushLatency } from './figures/postgres-push-latency.ts';
import { postgresHostList, postgresRedemption } from './figures/postgres-throughput.ts';
import { pushLatency } from './figures/push-latency.ts';
import { redemption } from './figures/redemption.ts';
import { soak } from './figures/soak.ts';
import { synchronousCost } from './figures/synchronous-cost.ts';
import { widgetSize } from './figures/widget-size.ts';
import { buildServers } from './lib/build.ts';
import type { Figure, FigureResult } from './lib/figure.ts';
import { startLoadGenerator } from './lib/load.ts';
import { killAllServers } from './lib/processes.ts';
import { writeResults } from './lib/report.ts';

// The seven figures of issue 6 (with issue 16's commit cost after redemption and middleware floor after the host
// list), the bench items of issue 7, then PostgreSQL with several instances (issue 11).
const FIGURES: Figure[] = [
  redemption,
  commitCost,
  linkPage,
  hostList,
  floor,
  pushLatency,
  noOvershoot,
  widgetSize,
  entryPageLoad,
  managerRoomLoad,
  dbGrowth,
  crashDurability,
  synchronousCost,
  soak,
  postgresRedemption,
  postgresHostList,
  postgresPushLatency,
];

const { values } = parseArgs({
  options: { only: { type: 'string' }, profile: { type: 'string' }, out: { type: 'string' } },
});
const only = values.only?.split(',');
const selected = only ? FIGURES.filter((figure) => only.includes(figure.id)) : FIGURES;
if (only && selected.length !== only.length) {
  console.error(`unknown figure; choose from ${FIGURES.map((figure) => figure.id).join(', ')}`);
  process.exit(2);
}

process.once('exit', killAllServers);
const startedAt = new Date();
const log = (message: string) =>
  console.log(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)}s] ${message}`);
if (values.profile) mkdirSync(values.profile, { recursive: true });
const load = startLoadGenerator();
const context = { servers: await buildServers(), profileDir: values.profile, load, log };

const results: Array<{ figure: Figure; result: FigureResult | Error }> = [];
let crashed = false;
for (const figure of selected) {
  log(`${figure.title}…`);
  try {
    const result = await figure.measure(context);
    for (const row of result.rows)
      log(`  ${row.figure}: ${row.ours} / ${row.baseline} = ${row.ratio} (target ${row.target})`);
    results.push({ figure, result });
  } catch (error) {
    crashed = true;
    console.error(error);
    results.push({ figure, result: error instanceof Error ? error : new Error(String(error)) });
  }
}

const args = process.argv.slice(2);
const command = args.length ? `npm run bench -- ${args.join(' ')}` : 'npm run bench';
const file = values.out ?? 'bench/RESULTS.md';
writeResults(file, { command, startedAt, seconds: (Date.now() - startedAt.getTime()) / 1000, results });
log(`wrote ${file}`);
load.stop();
process.exitCode = crashed ? 1 : 0;
