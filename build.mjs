// Builds what the product ships: the widget bundles for a script tag (both elements, and one per
// element; other languages split into chunks loaded on demand), and the server for `npm start`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const widgetEntries = {
  'guest-access': 'widget/index.ts',
  'guest-access-manager': 'widget/guest-access-manager/define.ts',
  'guest-entry-form': 'widget/guest-entry-form/define.ts',
};

const common = { bundle: true, minify: true, sourcemap: true, logLevel: 'warning', metafile: true };

// One build per bundle, so each carries Lit exactly once and no bundle needs another's chunks.
const widgetBuilds = Object.entries(widgetEntries).map(([name, entry]) =>
  esbuild.build({
    ...common,
    entryPoints: { [name]: entry },
    outdir: 'dist',
    format: 'esm',
    splitting: true,
    chunkNames: `chunks/${name}-[name]-[hash]`,
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    legalComments: 'none',
  }),
);

const serverBuild = esbuild.build({
  ...common,
  minify: false,
  entryPoints: { cli: 'api/cli.ts' },
  outdir: 'dist/server',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
});

const results = await Promise.all([...widgetBuilds, serverBuild]);

// Size report: raw and gzip of every widget file (entries and their locale chunks).
const rows = results
  .slice(0, widgetBuilds.length)
  .flatMap((result) => Object.keys(result.metafile.outputs))
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const bytes = readFileSync(file);
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
if (!process.env.BUILD_QUIET) {
  for (const { file, raw, gzip } of rows) {
    console.log(
      `${file.padEnd(52)} ${(raw / 1024).toFixed(1).padStart(7)} KB  ${(gzip / 1024).toFixed(1).padStart(6)} KB gzip`,
    );
  }
}
