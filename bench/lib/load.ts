// HTTP load with autocannon's programmatic API, from the bench process. Status codes are kept so a 5xx
// never hides inside a throughput figure.
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Several requests cycled per connection (mixed traffic); overrides method/body. */
  requests?: autocannon.Request[];
  connections?: number;
}

export interface LoadResult {
  rps: number;
  /** Latencies in ms. */
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  seconds: number;
  /** Connection errors and timeouts. */
  errors: number;
  statusCodes: Record<string, number>;
}

export function load(options: LoadOptions, seconds: number): Promise<LoadResult> {
  const settings: autocannon.Options = {
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    requests: options.requests,
    connections: options.connections ?? 50,
    duration: seconds,
  };
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

/** `201×5000 410×3` */
export const formatStatusCodes = (codes: Record<string, number>) =>
  Object.entries(codes)
    .map(([code, count]) => `${code}×${count}`)
    .join(' ') || 'none';

export const serverErrors = (codes: Record<string, number>) =>
  Object.entries(codes).reduce((sum, [code, count]) => sum + (Number(code) >= 500 ? count : 0), 0);
