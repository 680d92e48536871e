// Builds what the product ships: the widget bundles for a script tag (both elements, and one per
// element; other languages split into chunks loaded on demand), the typed API client for a script tag
// (no Lit; what a joinUrl page without a bundler imports), the demo page's script, the server for
// `npm start` (plain JavaScript, no TypeScript runtime), the guest entry page's list of files to preload,
// and a size report (raw and gzip per widget file).
// With `--packages` (as `npm run build`, `npm run lint` and `npm pack` ask) also the elements package in
// packages/elements: see scripts/elements-package.mjs.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { buildElementsPackage } from './scripts/elements-package.mjs';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

const widgetEntries = {
  'guest-access': 'widget/script-tag.ts',
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

// The typed API client on its own, served as /assets/client.js.
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

const [shipped] = await Promise.all([Promise.all([...widgetBuilds, clientBuild]), Promise.all(otherBuilds)]);
// The guest entry page (/g/:token) names ahead, as modulepreload links, the files its <guest-entry-form>
// fetches one after another: the bundle's static chunks and its content's chunk (what the form waits for),
// so the browser fetches them all at once.
const entryFormBuild = shipped[Object.keys(widgetEntries).indexOf('guest-entry-form')];
writeFileSync(
  'dist/entry-page-preload.json',
  `${JSON.stringify(entryPagePreload(entryFormBuild.metafile))}\n`,
);

/** The entry form bundle's static chunks and its content's chunk with its own, as paths under dist/. */
function entryPagePreload(metafile) {
  const outputs = Object.entries(metafile.outputs);
  const staticClosure = (file, seen = new Set()) => {
    for (const { path, kind } of metafile.outputs[file]?.imports ?? [])
      if (kind === 'import-statement' && !seen.has(path)) staticClosure(path, seen.add(path));
    return seen;
  };
  // Source paths are relative to where esbuild found them (a linked source folder's real place), outputs to here.
  const entry = 'dist/guest-entry-form.js';
  const [content] =
    outputs.find(([, output]) => output.entryPoint?.endsWith('widget/guest-entry-form/entry-view.ts')) ?? [];
  if (!metafile.outputs[entry] || !content)
    throw new Error('build.mjs: the entry form or its content chunk was not built');
  const files = new Set([...staticClosure(entry), content, ...staticClosure(content)]);
  return [...files].map((file) => file.replace(/^dist\//, ''));
}

// After the bundles: the package carries them for script tags.
if (process.argv.includes('--packages'))
  await buildElementsPackage([...Object.keys(widgetEntries), 'client']);

// Size report: raw and gzip of every file a page loads (entries, their locale chunks, the client).
const rows = shipped
  .flatMap((result) => Object.keys(result.metafile.outputs))
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const bytes = readFileSync(file);
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
if (!process.env.BUILD_QUIET) {
  const kb = (bytes) => (bytes / 1024).toFixed(2).padStart(7);
  console.log(`${'file'.padEnd(52)} ${'raw'.padStart(10)} ${'gzip'.padStart(11)}`);
  for (const { file, raw, gzip } of rows) console.log(`${file.padEnd(52)} ${kb(raw)} KB ${kb(gzip)} KB`);
}
