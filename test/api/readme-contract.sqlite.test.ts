// The README's HTTP contract as the API has it: every error code of api/error-codes.ts in its list of codes,
// and every route the OpenAPI document describes in its table. It reads no engine-specific behaviour, so it
// runs once, in the SQLite pass.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ERROR_CODES } from '../../api/error-codes.ts';
import { freshApi } from './helpers.ts';

/** The README's section "The HTTP contract", up to the next section. */
function contractSection() {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('\n## The HTTP contract\n');
  assert.ok(start >= 0, 'README.md has the section "The HTTP contract"');
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
}

test("every error code the API answers is in the README's list of codes, with its status", () => {
  const list = contractSection()
    .split('\n\n')
    .find((paragraph) => paragraph.startsWith('Error codes'));
  assert.ok(list, 'the section has the paragraph "Error codes …"');
  for (const code of ERROR_CODES) assert.match(list, new RegExp(`\`${code}\` \\d{3}`), code);
});

test("every route of the OpenAPI document is in the README's contract table", async (t) => {
  const api = await freshApi(t);
  const document = (await api.request({ path: '/v1/openapi.json' })).body as {
    paths: Record<string, object>;
  };
  const table = contractSection()
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .join('\n');
  for (const path of Object.keys(document.paths)) {
    const written = path.replace(/\{(\w+)\}/g, ':$1');
    // `…/:guestId/admit` · `/deny` · `/remove` share one row.
    const shared = /\/(deny|remove)$/.exec(written);
    const row = shared ? `${written.slice(0, shared.index)}/admit\` · \`/deny\` · \`/remove` : written;
    assert.ok(table.includes(row), `${path} (${written}) has a row`);
  }
});

test('every module the README names (`guest-access…/…`) is an entry point of one of the two packages', () => {
  const readme = readFileSync('README.md', 'utf8');
  const packages = ['package.json', 'packages/elements/package.json'].map(
    (file) => JSON.parse(readFileSync(file, 'utf8')) as { name: string; exports: Record<string, unknown> },
  );
  const named = [...readme.matchAll(/(?<=[`'"])(guest-access(?:-elements)?)\/([\w.-]+)(?=[`'"])/g)];
  assert.ok(named.length > 0);
  for (const [specifier, name, subpath] of named) {
    const owner = packages.find((candidate) => candidate.name === name);
    assert.ok(owner?.exports[`./${subpath}`], `${specifier} is in the exports of ${name}`);
  }
});
