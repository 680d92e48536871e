// HTTP load with autocannon, run in a child process of its own (load-generator.ts) so that the bench process's
// own work (SSE clients, CPU sampling) and the load generator do not share one event loop, and so that the
// load generator's CPU time can be told apart from the servers'. Status codes are kept so a 5xx never hides
// inside a throughput figure.
import { type ChildProcess, fork } from 'node:child_process';
import type autocannon from 'autocannon';
import type { LoadReply, LoadRequest } from './load-generator.ts';

export interface LoadOptions {
  /** Several URLs: autocannon spreads the connections round-robin over them (one instance each). */
  url: string | string[];
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Several requests cycled per connection (mixed traffic); overrides method/body. */
  requests?: autocannon.Request[];
  connections?: number;
  /** Requests per second in all (autocannon's overallRate); unset, as fast as the server answers. */
  rate?: number;
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

/** The load generator of this bench run, started on first use and kept for the next loads. */
export interface LoadGenerator {
  pid: number;
  run(options: LoadOptions, seconds: number): Promise<LoadResult>;
  stop(): void;
}

export function startLoadGenerator(): LoadGenerator {
  // Forked with the bench's own execArgv (`--import tsx`), so the TypeScript file runs as it is.
  const child: ChildProcess = fork(new URL('./load-generator.ts', import.meta.url), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve(result: LoadResult): void; reject(error: Error): void }>();
  let nextId = 0;
  child.on('message', (reply: LoadReply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('error' in reply) pending?.reject(new Error(`load generator: ${reply.error}`));
    else pending?.resolve(reply.result);
  });
  child.once('exit', (code) => {
    for (const pending of waiting.values()) pending.reject(new Error(`load generator exited with ${code}`));
    waiting.clear();
  });
  return {
    pid: child.pid as number,
    run: (options, seconds) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        child.send({ id, options, seconds } satisfies LoadRequest);
      }),
    stop: () => child.disconnect(),
  };
}

/** `201×5000 410×3` */
export const formatStatusCodes = (codes: Record<string, number>) =>
  Object.entries(codes)
    .map(([code, count]) => `${code}×${count}`)
    .join(' ') || 'none';

export const serverErrors = (codes: Record<string, number>) =>
  Object.entries(codes).reduce((sum, [code, count]) => sum + (Number(code) >= 500 ? count : 0), 0);
