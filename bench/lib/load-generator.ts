// The load generator's own process (forked by load.ts): autocannon here takes none of the bench process's
// event loop and shows up in the CPU accounting under its own pid. One message in, one result out.
import autocannon from 'autocannon';
import type { LoadOptions, LoadResult } from './load.ts';

export interface LoadRequest {
  id: number;
  options: LoadOptions;
  seconds: number;
}

export type LoadReply = { id: number; result: LoadResult } | { id: number; error: string };

function run({ options, seconds }: LoadRequest): Promise<LoadResult> {
  const settings: autocannon.Options = {
    url: '',
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    requests: options.requests,
    connections: options.connections ?? 50,
    duration: seconds,
    overallRate: options.rate,
  };
  // autocannon spreads connections round-robin over several URLs; its type declaration admits one string.
  Object.assign(settings, { url: options.url });
  return new Promise((resolve, reject) =>
    autocannon(settings, (error, result) => {
      if (error) return reject(error);
      const statusCodes: Record<string, number> = {};
      for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
        statusCodes[code] = stat.count ?? 0;
      resolve({
        rps: result.requests.total / result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        mean: result.latency.average,
        requests: result.requests.total,
        seconds: result.duration,
        errors: result.errors,
        statusCodes,
      });
    }),
  );
}

process.on('message', (message: LoadRequest) => {
  run(message).then(
    (result) => process.send?.({ id: message.id, result } satisfies LoadReply),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) } satisfies LoadReply),
  );
});
// The bench process gone (finished or crashed): nothing left to load for.
process.on('disconnect', () => process.exit(0));
