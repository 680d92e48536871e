// Issue 14, item 11: the supported Node versions are stated once (package.json `engines`), match what the
// runtime dependencies need, are named in the README, and the command line refuses any other in one line.
// Nothing of an engine: it runs once, in the SQLite pass.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { packageInfo, satisfiesEngines } from '../../api/package-info.ts';

/** The CLI under a Node that reports `version` (process.versions patched before anything loads). */
const cliUnder = (version: string) =>
  new Promise<{ code: number; stderr: string; stdout: string }>((settle) => {
    const patch = `Object.defineProperty(process.versions, 'node', { value: '${version}' });`;
    execFile(
      process.execPath,
      [
        '--import',
        `data:text/javascript,${encodeURIComponent(patch)}`,
        '--import',
        'tsx',
        'api/cli.ts',
        '--help',
      ],
      (error, stdout, stderr) => settle({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });

test('node versions: engines matches the dependencies, the README names them, the CLI refuses others (item 11)', async () => {
  const engines = packageInfo.engines.node;
  assert.equal(engines, '^20.0.0 || >=22.0.0');
  // better-sqlite3 ships builds for 20.x and 22.x and later, not for 21 (and Node 18 lacks isWellFormed).
  const sqlite = JSON.parse(readFileSync('node_modules/better-sqlite3/package.json', 'utf8')).engines.node;
  assert.match(sqlite, /\b20\.x\b/);
  assert.doesNotMatch(sqlite, /\b21\.x\b/);
  for (const version of ['20.0.0', '20.19.1', '22.12.0', '24.1.0', '26.0.0'])
    assert.ok(satisfiesEngines(version, engines), version);
  for (const version of ['18.20.4', '19.9.0', '21.7.3', '16.0.0'])
    assert.ok(!satisfiesEngines(version, engines), version);
  assert.ok(satisfiesEngines(process.versions.node, engines), 'the tests run on a supported Node');

  const readme = readFileSync('README.md', 'utf8');
  assert.match(readme, /Node\.js 20, 22 or 24/);
  assert.ok(readme.includes(`\`${engines}\``), 'the README quotes the engines range');

  const refused = await cliUnder('18.19.0');
  assert.equal(refused.code, 2);
  assert.equal(refused.stdout, '');
  assert.equal(
    refused.stderr,
    `guest-access: Node.js 18.19.0 is not supported; use a version in ${engines} (see the README).\n`,
  );
  assert.match((await cliUnder('21.7.3')).stderr, /^guest-access: Node\.js 21\.7\.3 is not supported/);
  assert.equal((await cliUnder('22.12.0')).code, 0, 'a supported version runs');
});
