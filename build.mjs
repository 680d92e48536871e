// Builds what the product ships: the widget bundles for a script tag (both elements, and one per
// element; other languages split into chunks loaded on demand), the API client for bundlers, the demo
// page's script, the server for `npm start` (plain JavaScript, no TypeScript runtime), the type
// declarations, and a size report (raw and gzip per widget file).
// The declarations (the slowest step) only with `--types`, as `npm run build` and `npm pack` ask.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

const widgetEntries = {
  'guest-access': 'widget/index.ts',
  'guest-access-manager': 'widget/guest-access-manager/define.ts',
  'guest-entry-form': 'widget/guest-entry-form/define.ts',
};

const common = { bundle: true, sourcemap: true, logLevel: 'warning', metafile: true };
const browser = {
  ...common,
  format: 'esm',
  target: 'es2022',
  tsconfig: 'tsconfig.json',
  legalComments: 'none',
};

// Chunk names carry content hashes: clear the old ones so they don't pile up.
rmSync('dist/chunks', { recursive: true, force: true });

// One build per bundle, so each carries Lit exactly once and no bundle needs another's chunks.
const widgetBuilds = Object.entries(widgetEntries).map(([name, entry]) =>
  esbuild.build({
    ...browser,
    minify: true,
    // Module scripts are always read as UTF-8: no \u escapes for the Hebrew and Spanish strings.
    charset: 'utf8',
    plugins: [minifyTemplatesPlugin],
    entryPoints: { [name]: entry },
    outdir: 'dist',
    splitting: true,
    chunkNames: `chunks/${name}-[name]-[hash]`,
  }),
);

// The typed API client on its own (no Lit), for integrators who talk to the API from their page.
const clientBuild = esbuild.build({
  ...browser,
  minify: true,
  entryPoints: { client: 'widget/internal/api-client.ts' },
  outdir: 'dist',
});

const otherBuilds = [
  // Not minified: the demo is also sample code to read in the browser's developer tools.
  esbuild.build({ ...browser, entryPoints: { main: 'demo/src/main.ts' }, outdir: 'dist/demo' }),
  esbuild.build({
    ...common,
    entryPoints: { cli: 'api/cli.ts' },
    outdir: 'dist/server',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
  }),
];

const typesBuild = process.argv.includes('--types')
  ? promisify(execFile)(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.types.json'])
  : Promise.resolve();

const [shipped] = await Promise.all([
  Promise.all([...widgetBuilds, clientBuild]),
  Promise.all(otherBuilds),
  typesBuild,
]);

// Size report: raw and gzip of every file a page loads (entries, their locale chunks, the client).
const rows = shipped
  .flatMap((result) => Object.keys(result.metafile.outputs))
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const bytes = readFileSync(file);
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
if (!process.env.BUILD_QUIET) {
  const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);
  console.log(`${'file'.padEnd(52)} ${'raw'.padStart(10)} ${'gzip'.padStart(11)}`);
  for (const { file, raw, gzip } of rows) console.log(`${file.padEnd(52)} ${kb(raw)} KB ${kb(gzip)} KB`);
}
