// Bundles the server (api/cli.ts) and the baseline once per run, the way build.mjs builds the server that
// `npm start` runs: plain JavaScript, packages external. A child then starts in under a second instead of
// the ~3 s tsx needs, and both sides of every ratio run compiled the same way.
import { join } from 'node:path';
import * as esbuild from 'esbuild';

// Under node_modules so the bundles' external imports resolve from the project's node_modules.
const OUT_DIR = join(process.cwd(), 'node_modules/.cache/guest-access-bench');

export interface BuiltServers {
  product: string;
  /** The SQLite baselines. */
  baseline: string;
  /** The PostgreSQL baselines. */
  baselinePostgres: string;
  /** The bare JSON route behind the product's middleware, layer by layer (the floor figure). */
  layered: string;
}

export async function buildServers(): Promise<BuiltServers> {
  await esbuild.build({
    entryPoints: {
      product: 'api/cli.ts',
      baseline: 'bench/baseline-server.ts',
      baselinePostgres: 'bench/baseline-postgres-server.ts',
      layered: 'bench/layered-server.ts',
    },
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  return {
    product: join(OUT_DIR, 'product.js'),
    baseline: join(OUT_DIR, 'baseline.js'),
    baselinePostgres: join(OUT_DIR, 'baselinePostgres.js'),
    layered: join(OUT_DIR, 'layered.js'),
  };
}
