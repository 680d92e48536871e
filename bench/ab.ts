// `node --import tsx bench/ab.ts REF [REF ...] [--only redemption,link-page,host-list]`: the product at each git
// REF and the working tree, side by side in one run, for a change's before/after row in bench/RESULTS.md. Each side takes
// the same load in alternating slices; reported per side: req/s, p99 and the server's CPU time per request
// (CPU time is what a change saves; req/s also moves with whatever else the machine runs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { redemptionLoad } from './figures/redemption.ts';
import { processTicks } from './lib/cpu.ts';
import { seedRoom, tempFolder } from './lib/fixture.ts';
import { type LoadOptions, startLoadGenerator } from './lib/load.ts';
import { killAllServers, startProduct } from './lib/processes.ts';
import { percentile } from './lib/stats.ts';

const LOADS = {
  redemption: (url, room) => redemptionLoad(url, room),
  'link-page': (url, room) => ({ url: `${url}/v1/links/${room.links[0]?.token}` }),
  'host-list': (url, room) => ({
    url: `${url}/v1/rooms/${room.roomId}/guest-access`,
    headers: { authorization: `Bearer ${room.hostToken}` },
  }),
} satisfies Record<string, (url: string, room: Awaited<ReturnType<typeof seedRoom>>) => LoadOptions>;
type LoadName = keyof typeof LOADS;

const { values, positionals: refs } = parseArgs({
  options: { only: { type: 'string' } },
  allowPositionals: true,
});
const names = values.only?.split(',') ?? Object.keys(LOADS);
if (refs.length === 0 || names.some((name) => !(name in LOADS))) {
  console.error(`usage: bench/ab.ts REF [REF ...] [--only ${Object.keys(LOADS).join(',')}]`);
  process.exit(2);
}
const figures = names as LoadName[];

/** The server bundled from `root` the way bench/lib/build.ts bundles it, under node_modules so packages resolve. */
async function bundle(root: string, name: string): Promise<string> {
  const outfile = join(process.cwd(), 'node_modules/.cache/guest-access-ab', `${name}.js`);
  await esbuild.build({
    entryPoints: [join(root, 'api/cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

// Each ref checked out with `git archive` and bundled; the working tree last, as "working tree".
const checkouts: string[] = [];
const sides: Array<{ name: string; script: string }> = [];
for (const [index, ref] of refs.entries()) {
  const checkout = mkdtempSync(join(tmpdir(), 'guest-access-ab-'));
  checkouts.push(checkout);
  execFileSync('sh', ['-c', `git archive ${ref} api widget package.json | tar -x -C ${checkout}`]);
  sides.push({ name: ref, script: await bundle(checkout, `side-${index}`) });
}
sides.push({ name: 'working tree', script: await bundle(process.cwd(), 'working-tree') });
const load = startLoadGenerator();
const folder = tempFolder();

try {
  for (const figure of figures) {
    const started = [];
    for (const [index, side] of sides.entries()) {
      const db = folder.file(`${figure}-${index}.db`);
      // As the bench's figures seed them: the host list with a full room of three links.
      const room = await seedRoom(
        db,
        figure === 'host-list' ? { links: [{}, { maxUses: 100 }, { maxUses: 1000 }] } : {},
      );
      const server = await startProduct(side.script, db);
      started.push({
        server,
        load: LOADS[figure](server.url, room),
        rps: [] as number[],
        p99: [] as number[],
        cpu: [] as number[],
      });
    }
    for (const side of started) await load.run(side.load, 1);
    for (let slice = 0; slice < 4; slice++) {
      for (const side of started) {
        const before = processTicks(side.server.pid);
        const result = await load.run(side.load, 3);
        side.rps.push(result.rps);
        side.p99.push(result.p99);
        side.cpu.push(((processTicks(side.server.pid) - before) * 10_000) / result.requests);
      }
    }
    const median = (samples: number[]) => percentile(samples, 50);
    const first = started[0] as (typeof started)[0];
    console.log(`${figure} (median of 4 slices of 3 s; × against ${sides[0]?.name}):`);
    for (const [index, side] of started.entries()) {
      console.log(
        `  ${sides[index]?.name}: ${Math.round(median(side.rps))} req/s (×${(median(side.rps) / median(first.rps)).toFixed(2)}), ` +
          `p99 ${median(side.p99)} ms, ${median(side.cpu).toFixed(0)} µs CPU/req (×${(median(side.cpu) / median(first.cpu)).toFixed(2)})`,
      );
    }
    await Promise.all(started.map((side) => side.server.stop()));
  }
} finally {
  load.stop();
  killAllServers();
  folder.remove();
  for (const checkout of checkouts) rmSync(checkout, { recursive: true, force: true });
}
