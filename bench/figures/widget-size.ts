// Figure 6: gzip size of what the script tag loads (dist/guest-access.js and the chunks it imports
// statically: both elements, Lit and English), of each locale chunk loaded on demand (one per language and
// element: widget/locales/<lang>.manager.ts, <lang>.entry.ts), and of each element's own bundle. The sizes are build.mjs's own report (it builds and prints raw/gzip per file); only which file
// is which is decided here. Targets: ≤ 15 KB gzip for the script-tag bundle, ≤ 10 KB for the entry form alone,
// ≤ 2 KB gzip per other locale.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Figure, Row } from '../lib/figure.ts';

const ENTRIES = ['guest-access', 'guest-access-manager', 'guest-entry-form'];
/** Each element's bundle and the locale files it loads on demand (`<lang>.<section>.ts`; the manager's window content and windows, and the entry form's views after the form, have their own). */
const SECTIONS = [
  ['guest-access-manager', 'manager'],
  ['guest-access-manager', 'content'],
  ['guest-access-manager', 'failures'],
  ['guest-access-manager', 'windows'],
  ['guest-entry-form', 'entry'],
  ['guest-entry-form', 'status'],
] as const;
const LOCALES = readdirSync('widget/locales')
  .filter((file) => file.endsWith('.manager.ts'))
  .map((file) => basename(file, '.manager.ts'))
  .filter((locale) => locale !== 'en');

interface Size {
  raw: number;
  gzip: number;
}

/** Parses build.mjs's report lines: `dist/guest-access.js    52.1 KB    15.0 KB`. */
async function buildReport(): Promise<Map<string, Size>> {
  const { stdout } = await promisify(execFile)(process.execPath, ['build.mjs'], { maxBuffer: 1 << 20 });
  const sizes = new Map<string, Size>();
  for (const match of stdout.matchAll(/^(dist\/\S+\.js)\s+([\d.]+) KB\s+([\d.]+) KB$/gm)) {
    sizes.set(match[1] as string, { raw: Number(match[2]), gzip: Number(match[3]) });
  }
  if (sizes.size === 0) throw new Error(`build.mjs printed no size report:\n${stdout}`);
  return sizes;
}

/** The chunks an entry imports statically (`from"./chunks/…"`); `import("./chunks/…")` ones load on demand. */
/** (Paths are relative to the file: `./chunks/…` from an entry, `./…` from a chunk.) */
const staticChunks = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)].map((match) =>
    join(dirname(file), match[1] as string),
  );

export const widgetSize: Figure = {
  id: 'widget-size',
  title: 'Widget size',
  async measure() {
    const sizes = await buildReport();
    const gzipOf = (file: string) => sizes.get(file)?.gzip ?? Number.NaN;
    const loaded = (entry: string) => {
      const files = [`dist/${entry}.js`, ...staticChunks(`dist/${entry}.js`)];
      return { files, gzip: files.reduce((sum, file) => sum + gzipOf(file), 0) };
    };
    const [scriptTag, ...elements] = ENTRIES.map(loaded);
    const rows: Row[] = [
      {
        figure: '6. Script-tag bundle, gzip (both elements, Lit, English)',
        ours: `${scriptTag?.gzip.toFixed(2)} KB`,
        baseline: 'Lit alone ≈ 6 KB',
        ratio: '—',
        target: '≤ 15 KB',
        met: (scriptTag?.gzip ?? Number.POSITIVE_INFINITY) <= 15,
      },
    ];
    // A language's strings for one element: one chunk in that element's own bundle; in the script-tag
    // bundle the same chunk plus a small one with the strings both elements share. Each chunk is judged.
    const onDemand: string[] = [];
    for (const locale of LOCALES) {
      for (const [bundle, section] of SECTIONS) {
        const chunkOf = (build: string) =>
          [...sizes.keys()].find((file) => file.startsWith(`dist/chunks/${build}-${locale}.${section}-`));
        const own = chunkOf(bundle);
        const shared = chunkOf('guest-access');
        const sharedFiles = shared ? [shared, ...staticChunks(shared)] : [];
        const gzip = own ? gzipOf(own) : Number.NaN;
        const largest = Math.max(gzip, ...sharedFiles.map(gzipOf));
        rows.push({
          figure: `6. Locale "${locale}" chunk for ${bundle}${{ manager: '', content: "'s window content", failures: "'s refusals", windows: "'s windows", entry: '', status: "'s views after the form" }[section]}, gzip (loaded on demand)`,
          ours: `${gzip.toFixed(2)} KB`,
          baseline: '—',
          ratio: '—',
          target: '≤ 2 KB',
          met: largest <= 2,
        });
        onDemand.push(
          `${locale} ${section} for ${bundle}: ${own} (${gzip.toFixed(1)} KB); from the script tag ${sharedFiles
            .map((file) => `${file} (${gzipOf(file).toFixed(1)} KB)`)
            .join(' + ')}`,
        );
      }
    }
    // The entry form alone is what a guest's phone loads (target ≤ 10 KB); the manager alone is reported.
    for (const [index, element] of elements.entries()) {
      const name = ENTRIES[index + 1];
      const judged = name === 'guest-entry-form';
      rows.push({
        figure: `6. ${name} alone (with Lit), gzip`,
        ours: `${element.gzip.toFixed(2)} KB`,
        baseline: '—',
        ratio: '—',
        target: judged ? '≤ 10 KB' : '(reported)',
        ...(judged ? { met: element.gzip <= 10 } : {}),
      });
    }
    return {
      rows,
      notes: [
        `Widget size: the script tag loads ${scriptTag?.files.join(' + ')} (gzip per file, summed, from build.mjs's report).`,
        ...elements.map(
          (element, index) => `Widget size: ${ENTRIES[index + 1]} alone loads ${element.files.join(' + ')}.`,
        ),
        `Widget locale chunks, each loaded on demand: ${onDemand.join('; ')}.`,
      ],
    };
  },
};
