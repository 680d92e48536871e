// The pattern of the throughput figures: servers (the baseline and ours, or ours in several settings) run
// side by side and take the same load in alternating slices. The machine is shared and its load swings
// within seconds, so each slice of ours is divided by the adjacent slice of the baseline, and the median of
// those ratios is the figure; a ratio of two separate 10-s runs moved by ±50% between runs here. Each slice's
// CPU time is booked to the side that took the load, so the result says how the cores were shared.
import { type CpuShare, cpuMeter, formatShare } from './cpu.ts';
import type { BenchContext } from './figure.ts';
import { type RoomOptions, type SeededRoom, seedRoom, type TempFolder, tempFolder } from './fixture.ts';
import type { LoadOptions, LoadResult } from './load.ts';
import {
  averageStates,
  type BackendSampling,
  type BackendStates,
  BENCH_DATABASE_PREFIX,
  createBenchDatabase,
  sampleBackends,
} from './postgres.ts';
import {
  type ProductOptions,
  type ServerProcess,
  startBaseline,
  startPostgresBaseline,
  startProduct,
} from './processes.ts';
import { percentile } from './stats.ts';

export interface StartedContender {
  servers: ServerProcess[];
  load: LoadOptions;
  /** What to remove once its servers have stopped (a PostgreSQL database). */
  cleanUp?(): Promise<void>;
  /** Its PostgreSQL database, whose backends are sampled while it takes the load. */
  database?: string;
}

export interface Contender {
  /** Starts the server(s) (on a database in `folder`, or a fresh PostgreSQL database) and says what load they take. */
  start(folder: TempFolder, name: string): Promise<StartedContender>;
}

export const baselineContender = (
  context: BenchContext,
  loadFor: (url: string) => LoadOptions,
): Contender => ({
  async start(folder, name) {
    const server = await startBaseline(context.servers.baseline, folder.file(`${name}.db`));
    return { servers: [server], load: loadFor(server.url) };
  },
});

/** The bare JSON route behind the product's first `layers` middleware (bench/layered-server.ts). */
export const layeredContender = (
  context: BenchContext,
  layers: number,
  env: Record<string, string> = {},
): Contender => ({
  async start(folder, name) {
    const server = await startBaseline(context.servers.layered, folder.file(`${name}.db`), {
      BASELINE_LAYERS: String(layers),
      ...env,
    });
    return { servers: [server], load: { url: `${server.url}/json` } };
  },
});

export const productContender = (
  context: BenchContext,
  loadFor: (url: string, room: SeededRoom) => LoadOptions,
  options: ProductOptions & { room?: RoomOptions; prepare?: (dbFile: string, room: SeededRoom) => void } = {},
): Contender => ({
  async start(folder, name) {
    const dbFile = folder.file(`${name}.db`);
    const room = await seedRoom(dbFile, options.room);
    options.prepare?.(dbFile, room);
    const server = await startProduct(context.servers.product, dbFile, {
      profileDir: context.profileDir,
      ...options,
    });
    return { servers: [server], load: loadFor(server.url, room) };
  },
});

/** The bare Hono + node-postgres app on a fresh database of its own. */
export const postgresBaselineContender = (
  context: BenchContext,
  loadFor: (url: string) => LoadOptions,
): Contender => ({
  async start() {
    const database = await createBenchDatabase();
    try {
      const server = await startPostgresBaseline(context.servers.baselinePostgres, database.url);
      return {
        servers: [server],
        load: loadFor(server.url),
        cleanUp: database.drop,
        database: database.name,
      };
    } catch (error) {
      await database.drop();
      throw error;
    }
  },
});

/** `instances` product servers on one fresh PostgreSQL database; `loadFor` spreads the load over their URLs. */
export const postgresProductContender = (
  context: BenchContext,
  instances: number,
  loadFor: (urls: string[], room: SeededRoom) => LoadOptions,
  options: { room?: RoomOptions } = {},
): Contender => ({
  async start() {
    const database = await createBenchDatabase();
    const servers: ServerProcess[] = [];
    try {
      const room = await seedRoom(database.url, options.room);
      for (let index = 0; index < instances; index++)
        servers.push(
          await startProduct(context.servers.product, database.url, { profileDir: context.profileDir }),
        );
      return {
        servers,
        load: loadFor(
          servers.map((server) => server.url),
          room,
        ),
        cleanUp: database.drop,
        database: database.name,
      };
    } catch (error) {
      await Promise.all(servers.map((server) => server.stop()));
      await database.drop();
      throw error;
    }
  },
});

export interface SideResult {
  result: LoadResult;
  /** Median over the slices of this side's rps / the baseline's. */
  ratio: number;
  /** Each slice's ratio, to show how much the machine moved. */
  sliceRatios: number[];
  /** Cores per process group while this side took the load. */
  cpu: CpuShare | undefined;
  /** On PostgreSQL: how many of its database's backends were in each state, on average. */
  backends?: BackendStates;
}

export interface Comparison {
  ours: LoadResult;
  baseline: LoadResult;
  /** Median over the slices of ours.rps / baseline.rps. */
  ratio: number;
  /** Each slice's ratio, to show how much the machine moved. */
  sliceRatios: number[];
  cpu: { ours: CpuShare | undefined; baseline: CpuShare | undefined };
}

/** Slices merged: req/s over the whole time, latency percentiles as the median of the slices'. */
function merge(slices: LoadResult[]): LoadResult {
  const sum = (pick: (slice: LoadResult) => number) =>
    slices.reduce((total, slice) => total + pick(slice), 0);
  const median = (pick: (slice: LoadResult) => number) => percentile(slices.map(pick), 50);
  const statusCodes: Record<string, number> = {};
  for (const slice of slices)
    for (const [code, count] of Object.entries(slice.statusCodes))
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
  return {
    rps: sum((slice) => slice.requests) / sum((slice) => slice.seconds),
    p50: median((slice) => slice.p50),
    p99: median((slice) => slice.p99),
    mean: median((slice) => slice.mean),
    requests: sum((slice) => slice.requests),
    seconds: sum((slice) => slice.seconds),
    errors: sum((slice) => slice.errors),
    statusCodes,
  };
}

export interface SliceOptions {
  slices?: number;
  sliceSeconds?: number;
  warmupSeconds?: number;
}

/**
 * The baseline and each of `others` take the load in turn: a warm-up each, then `slices` rounds of
 * `sliceSeconds` each (default 5 × 2 s after 1 s). Every side's servers stay up throughout.
 */
export async function compareMany(
  context: BenchContext,
  baseline: Contender,
  others: Contender[],
  { slices = 5, sliceSeconds = 2, warmupSeconds = 1 }: SliceOptions = {},
): Promise<{ baseline: SideResult; others: SideResult[] }> {
  const folder = tempFolder();
  const started: StartedContender[] = [];
  try {
    for (const [index, contender] of [baseline, ...others].entries())
      started.push(await contender.start(folder, index === 0 ? 'baseline' : `ours-${index}`));
    const meter = cpuMeter(BENCH_DATABASE_PREFIX);
    const allServers = started.flatMap((side) => side.servers);
    const samplings: BackendSampling[][] = started.map(() => []);
    const loadSide = async (index: number, seconds: number, measured: boolean) => {
      const side = started[index] as StartedContender;
      const sampler = measured && side.database ? await sampleBackends([side.database]) : undefined;
      const stop = measured
        ? meter.start(String(index), {
            servers: side.servers.map((server) => server.pid),
            idleServers: allServers.filter((server) => !side.servers.includes(server)).map((s) => s.pid),
            loadGenerator: context.load.pid,
          })
        : undefined;
      const result = await context.load.run(side.load, seconds);
      stop?.();
      if (sampler) samplings[index]?.push(await sampler.stop());
      return result;
    };
    for (const index of started.keys()) await loadSide(index, warmupSeconds, false);
    const results: LoadResult[][] = started.map(() => []);
    for (let slice = 0; slice < slices; slice++)
      for (const index of started.keys()) results[index]?.push(await loadSide(index, sliceSeconds, true));
    const [baselineSlices = [], ...otherSlices] = results;
    const side = (sideSlices: LoadResult[], index: number): SideResult => {
      const ratios = sideSlices.map((slice, at) => slice.rps / (baselineSlices[at]?.rps ?? Number.NaN));
      return {
        result: merge(sideSlices),
        ratio: percentile(ratios, 50),
        sliceRatios: ratios,
        cpu: meter.share(String(index)),
        backends: samplings[index]?.length ? averageStates(samplings[index]) : undefined,
      };
    };
    return {
      baseline: side(baselineSlices, 0),
      others: otherSlices.map((sideSlices, at) => side(sideSlices, at + 1)),
    };
  } finally {
    await Promise.all(started.flatMap((side) => side.servers.map((server) => server.stop())));
    await Promise.all(started.map((side) => side.cleanUp?.()));
    folder.remove();
  }
}

/** `compareMany` with one side of ours. */
export async function compare(
  context: BenchContext,
  baseline: Contender,
  ours: Contender,
  options: SliceOptions = {},
): Promise<Comparison> {
  const { baseline: base, others } = await compareMany(context, baseline, [ours], options);
  const side = others[0] as SideResult;
  return {
    ours: side.result,
    baseline: base.result,
    ratio: side.ratio,
    sliceRatios: side.sliceRatios,
    cpu: { ours: side.cpu, baseline: base.cpu },
  };
}

/** The servers' CPU time per request while a side took the load, e.g. "89 µs". */
export const perRequest = (share: CpuShare | undefined, result: LoadResult) =>
  share ? `${((share.servers * 1e6) / result.rps).toFixed(0)} µs` : 'not measured';

/**
 * How the two cores were shared while each side took the load, and what a request cost the server in CPU time:
 * a ratio means little if the load generator or other work starved the server.
 */
export function sharingNote(name: string, comparison: Comparison): string {
  return (
    `${name}, cores used while each side took the load (CPU seconds per second, from /proc): baseline: ` +
    `${formatShare(comparison.cpu.baseline)}; ours: ${formatShare(comparison.cpu.ours)}. Server CPU time per ` +
    `request: baseline ${perRequest(comparison.cpu.baseline, comparison.baseline)}, ours ` +
    `${perRequest(comparison.cpu.ours, comparison.ours)}. Ratio per slice: ${comparison.sliceRatios.map((ratio) => `${(ratio * 100).toFixed(0)}%`).join(' ')}.`
  );
}
