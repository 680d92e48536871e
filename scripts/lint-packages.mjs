// `npm run lint`, the packages' part: builds and packs both packages locally (no registry involved), then
// publint on both tarballs and Are the Types Wrong on the elements' (the server has no importable entry,
// only its `bin`). Exits non-zero on any finding.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packPackages } from './pack.mjs';

const run = promisify(execFile);
await run(process.execPath, ['build.mjs', '--packages'], { env: { ...process.env, BUILD_QUIET: '1' } });

const folder = mkdtempSync(join(tmpdir(), 'guest-access-lint-'));
let failed = false;
try {
  const packed = await packPackages(folder);
  for (const [kind, { tarball }] of Object.entries(packed)) {
    const { messages, pkg } = await publint({
      pack: { tarball: readFileSync(tarball).buffer },
      level: 'suggestion',
      strict: true,
    });
    for (const message of messages) console.error(`publint ${kind}: ${formatMessage(message, pkg)}`);
    failed ||= messages.length > 0;
  }
  // esm-only: the elements are ES modules for browsers and bundlers, never required from CommonJS.
  // No DefinitelyTyped lookup: that would ask the registry.
  const attw = await run(
    process.execPath,
    [
      'node_modules/@arethetypeswrong/cli/dist/index.js',
      packed.elements.tarball,
      '--profile',
      'esm-only',
      '--no-definitely-typed',
      '--format',
      'ascii',
      '--no-color',
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  ).catch((error) => {
    console.error(error.stdout, error.stderr);
    failed = true;
  });
  if (attw && process.env.LINT_VERBOSE) console.log(attw.stdout);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log('publint and attw: both packages clean');
