// Issue 11: redemption and host-list throughput on PostgreSQL, with one product instance and with three on one
// database (the load generator spreads its connections round-robin over them), each divided by a bare Hono +
// node-postgres route measured in the same alternating slices. Target for both: one instance ≥ 50% of the bare
// route.
// The CPU time of each side's slices says how the two cores were shared.

import os from 'node:os';
import {
  compareMany,
  postgresBaselineContender,
  postgresProductContender,
  type SideResult,
} from '../lib/compare.ts';
import { type CpuShare, formatShare } from '../lib/cpu.ts';
import type { BenchContext, Figure, FigureResult } from '../lib/figure.ts';
import type { RoomOptions, SeededRoom } from '../lib/fixture.ts';
import { formatStatusCodes, type LoadOptions } from '../lib/load.ts';
import { formatStates } from '../lib/postgres.ts';
import { fixed, ms, percent, percents, rps } from '../lib/stats.ts';
import { redemptionLoad } from './redemption.ts';

export const POSTGRES_SECTION = 'PostgreSQL and several instances';
const INSTANCES = 3;

interface Measured {
  bare: SideResult;
  one: SideResult;
  three: SideResult;
}

async function measureInstances(
  context: BenchContext,
  bareLoad: (url: string) => LoadOptions,
  productLoad: (urls: string[], room: SeededRoom) => LoadOptions,
  room: RoomOptions,
): Promise<Measured> {
  const { baseline, others } = await compareMany(
    context,
    postgresBaselineContender(context, bareLoad),
    [
      postgresProductContender(context, 1, productLoad, { room }),
      postgresProductContender(context, INSTANCES, productLoad, { room }),
    ],
    { slices: 4, sliceSeconds: 2 },
  );
  return { bare: baseline, one: others[0] as SideResult, three: others[1] as SideResult };
}

const withP99 = (side: SideResult) => `${rps(side.result.rps)}, p99 ${ms(side.result.p99)}`;
const cores = (value: number | undefined) => fixed(value ?? Number.NaN, 2);
/** Cores taken by the bench's own processes (servers, load generator, bench, PostgreSQL). */
const ownCores = (share: CpuShare | undefined) =>
  share
    ? share.servers + share['idle servers'] + share['load generator'] + share.bench + share.PostgreSQL
    : 0;
const sharing = (share: CpuShare | undefined, instances: string) =>
  `${instances} ${cores(share?.servers)}, PostgreSQL ${cores(share?.PostgreSQL)}, load generator ` +
  `${cores(share?.['load generator'])}, other work on the machine ${cores(share?.other)}, idle ${cores(share?.idle)}`;
/** Average backends of the side's database waiting on a lock. */
const lockWaits = (side: SideResult) =>
  Object.entries(side.backends ?? {}).reduce(
    (total, [state, average]) => total + (state.startsWith('waiting on a lock') ? average : 0),
    0,
  );
const inTransaction = (side: SideResult) =>
  side.backends?.['in a transaction, waiting for its instance'] ?? 0;

/** Why the three instances gave what they gave, from what was measured. */
function explain(one: SideResult, three: SideResult): string {
  const scaling = three.result.rps / one.result.rps;
  const trend =
    scaling > 1.1
      ? `${fixed(scaling, 2)}× one instance`
      : scaling < 0.9
        ? `fewer than one instance (${fixed(scaling, 2)}×)`
        : `about as many as one instance (${fixed(scaling, 2)}×)`;
  const idle = three.cpu?.idle ?? Number.NaN;
  const saturated = idle < 0.15 * os.availableParallelism();
  const parts = [
    `${INSTANCES} instances answered ${trend}.`,
    saturated
      ? `The cores were busy throughout (${cores(idle)} idle of ${os.availableParallelism()}): ${INSTANCES} Node processes, ` +
        `their ${INSTANCES}×10 PostgreSQL backends and the load generator took turns on the same cores, so a second and third ` +
        'instance added event loops and connections to schedule but no CPU to run them.'
      : `The cores were not saturated (${cores(idle)} of ${os.availableParallelism()} idle): the limit was elsewhere.`,
  ];
  // CPU milliseconds per answered request: what each extra process costs on the same work.
  const perRequest = (side: SideResult, group: 'servers' | 'PostgreSQL') =>
    fixed(((side.cpu?.[group] ?? Number.NaN) / side.result.rps) * 1000, 2);
  parts.push(
    `Per request the instances spent ${perRequest(one, 'servers')} ms of CPU with one instance and ` +
      `${perRequest(three, 'servers')} ms with ${INSTANCES}; PostgreSQL ${perRequest(one, 'PostgreSQL')} and ` +
      `${perRequest(three, 'PostgreSQL')} ms.`,
  );
  if ((three.cpu?.other ?? 0) > 0.3)
    parts.push(
      `Other work on this shared machine took ${cores(three.cpu?.other)} cores meanwhile, leaving ${cores(ownCores(three.cpu))} to the bench's processes.`,
    );
  if (lockWaits(one) >= 1 || lockWaits(three) >= 1)
    parts.push(
      `PostgreSQL's backends were mostly waiting on a lock (on average ${fixed(lockWaits(one), 1)} of the product's ` +
        `backends with one instance, ${fixed(lockWaits(three), 1)} with ${INSTANCES}; ${fixed(inTransaction(one), 1)} and ` +
        `${fixed(inTransaction(three), 1)} sat inside a transaction waiting for their instance's next statement): ` +
        "every redemption on the bench's one link adds to that link's `uses` and holds the row's lock until COMMIT, " +
        "so redemptions on one link run one at a time, each for its transaction's round trips and its commit; more " +
        'instances only lengthen that queue.',
    );
  return parts.join(' ');
}

/** The table rows, the notes (status codes, slices, CPU, backends) and the section's paragraph for one workload. */
function report(name: string, measured: Measured, target: number): FigureResult {
  const { bare, one, three } = measured;
  return {
    rows: [
      {
        figure: `${name} on PostgreSQL, 1 instance (50 conn, 8 s)`,
        ours: withP99(one),
        baseline: `bare: ${withP99(bare)}`,
        ratio: percent(one.ratio),
        target: `≥ ${percent(target)}`,
        met: one.ratio >= target,
      },
      {
        figure: `${name} on PostgreSQL, ${INSTANCES} instances, round-robin (50 conn, 8 s)`,
        ours: withP99(three),
        baseline: `bare: ${withP99(bare)}`,
        ratio: percent(three.ratio),
        target: '(reported)',
      },
    ],
    notes: [
      `${name} on PostgreSQL: status codes bare ${formatStatusCodes(bare.result.statusCodes)}, 1 instance ${formatStatusCodes(one.result.statusCodes)}, ${INSTANCES} instances ${formatStatusCodes(three.result.statusCodes)}; connection errors ${bare.result.errors}/${one.result.errors}/${three.result.errors}. Ratio per slice: 1 instance ${percents(one.sliceRatios)}; ${INSTANCES} instances ${percents(three.sliceRatios)}.`,
      `${name} on PostgreSQL, cores used while each side took the load (CPU seconds per second, from /proc): bare route: ${formatShare(bare.cpu)}; 1 instance: ${formatShare(one.cpu)}; ${INSTANCES} instances: ${formatShare(three.cpu)}.`,
      `${name} on PostgreSQL, the database's backends on average (sampled from pg_stat_activity every 25 ms): bare route: ${formatStates(bare.backends)}; 1 instance: ${formatStates(one.backends)}; ${INSTANCES} instances: ${formatStates(three.backends)}.`,
    ],
    sections: [
      {
        title: POSTGRES_SECTION,
        paragraphs: [
          `**${name}.** Bare route ${withP99(bare)}; one instance ${withP99(one)} (${percent(one.ratio)} of the bare route); ` +
            `${INSTANCES} instances ${withP99(three)} (${percent(three.ratio)}). Cores used, of ${os.availableParallelism()}: ` +
            `bare route ${cores(bare.cpu?.servers)}, PostgreSQL ${cores(bare.cpu?.PostgreSQL)}, load generator ` +
            `${cores(bare.cpu?.['load generator'])}, idle ${cores(bare.cpu?.idle)}; ${sharing(one.cpu, 'one instance')}; ` +
            `${sharing(three.cpu, `${INSTANCES} instances`)}. ${explain(one, three)}`,
        ],
      },
    ],
  };
}

const GUEST_BODY = JSON.stringify({ name: 'Bench Guest', email: 'bench.guest@example.com' });

export const postgresRedemption: Figure = {
  id: 'postgres-redemption',
  title: 'Redemption on PostgreSQL, 1 and 3 instances',
  async measure(context) {
    const measured = await measureInstances(
      context,
      (url) => ({
        url: `${url}/guests`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: GUEST_BODY,
      }),
      (urls, room) => redemptionLoad(urls, room),
      {},
    );
    return report('Redemption', measured, 0.5);
  },
};

export const postgresHostList: Figure = {
  id: 'postgres-host-list',
  title: 'Host list on PostgreSQL, 1 and 3 instances',
  async measure(context) {
    const measured = await measureInstances(
      context,
      (url) => ({ url: `${url}/rooms/bench-room/links` }),
      (urls, room) => ({
        url: urls.map((url) => `${url}/v1/rooms/${room.roomId}/guest-access`),
        headers: { authorization: `Bearer ${room.hostToken}` },
      }),
      // A full list: the room's maximum of three links, as in the SQLite host-list figure.
      { links: [{}, { maxUses: 100 }, { maxUses: 1000 }] },
    );
    return report('Host list', measured, 0.5);
  },
};
