// The pattern of the throughput figures: two servers (the baseline and ours, or ours in two settings) run
// side by side and take the same load in alternating slices. The machine is shared and its load swings
// within seconds, so each slice of ours is divided by the adjacent slice of the other, and the median of
// those ratios is the figure; a ratio of two separate 10-s runs moved by ±50% between runs here.
import type { BenchContext } from './figure.ts';
import { type RoomOptions, type SeededRoom, seedRoom, type TempFolder, tempFolder } from './fixture.ts';
import { type LoadOptions, type LoadResult, load } from './load.ts';
import { type ProductOptions, type ServerProcess, startBaseline, startProduct } from './processes.ts';
import { percentile } from './stats.ts';

export interface Contender {
  /** Starts the server (on a database in `folder`) and says what load it takes. */
  start(folder: TempFolder, name: string): Promise<{ server: ServerProcess; load: LoadOptions }>;
}

export const baselineContender = (
  context: BenchContext,
  loadFor: (url: string) => LoadOptions,
): Contender => ({
  async start(folder, name) {
    const server = await startBaseline(context.servers.baseline, folder.file(`${name}.db`));
    return { server, load: loadFor(server.url) };
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
    return { server, load: loadFor(server.url, room) };
  },
});

export interface Comparison {
  ours: LoadResult;
  baseline: LoadResult;
  /** Median over the slices of ours.rps / baseline.rps. */
  ratio: number;
  /** Each slice's ratio, to show how much the machine moved. */
  sliceRatios: number[];
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

/** 10 s of load on each side in 5 alternating slices of 2 s, after a 1-s warm-up of each. */
export async function compare(
  baseline: Contender,
  ours: Contender,
  { slices = 5, sliceSeconds = 2, warmupSeconds = 1 } = {},
): Promise<Comparison> {
  const folder = tempFolder();
  const started: ServerProcess[] = [];
  try {
    const sides = [await baseline.start(folder, 'baseline'), await ours.start(folder, 'ours')];
    started.push(...sides.map((side) => side.server));
    for (const side of sides) await load(side.load, warmupSeconds);
    const results: LoadResult[][] = [[], []];
    for (let slice = 0; slice < slices; slice++) {
      for (const [index, side] of sides.entries()) results[index]?.push(await load(side.load, sliceSeconds));
    }
    const [baselineSlices = [], ourSlices = []] = results;
    const ratios = ourSlices.map((slice, index) => slice.rps / (baselineSlices[index]?.rps ?? Number.NaN));
    return {
      baseline: merge(baselineSlices),
      ours: merge(ourSlices),
      ratio: percentile(ratios, 50),
      sliceRatios: ratios,
    };
  } finally {
    await Promise.all(started.map((server) => server.stop()));
    folder.remove();
  }
}
