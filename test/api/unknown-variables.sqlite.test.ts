// `serve` warns, one line each, about GUEST_ACCESS_ variables it does not read: a guessed
// GUEST_ACCESS_ALLOWED_ORIGINS would otherwise be ignored without a word while CORS refuses the page.
// It starts SQLite servers only, so it runs once, in the SQLite pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { environmentSettings, unknownVariableWarnings } from '../../api/server.ts';
import { startChildServer, tempDbFile } from '../hardening/child-server.ts';

test('warns at start about a GUEST_ACCESS_ variable it does not read, pointing allowed origins at the tenant', async (t) => {
  const server = await startChildServer(t, tempDbFile(t), {
    GUEST_ACCESS_ALLOWED_ORIGINS: 'https://media.example.com',
    GUEST_ACCESS_API_KEY: 'gak_kept-by-the-backend',
    // The README's webhook receiver and test suite read these, beside the server.
    GUEST_ACCESS_WEBHOOK_SECRET: 'whsec_kept-by-the-receiver',
    GUEST_ACCESS_TEST_PG: 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  const warnings = server
    .output()
    .split('\n')
    .filter((line) => line.includes('"level":"warn"'));
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(
    warnings[0] ?? '',
    /GUEST_ACCESS_ALLOWED_ORIGINS is not a guest-access setting and is ignored/,
  );
  assert.match(warnings[0] ?? '', /guest-access tenant update --add-origin/);
});

test('never warns about a GUEST_ACCESS_ variable that environmentSettings reads', () => {
  const read = new Set<string>();
  // An environment that notes every variable asked for, and holds none (so each setting takes its default).
  const environment = new Proxy<NodeJS.ProcessEnv>(
    {},
    {
      get(_, name) {
        if (typeof name === 'string') read.add(name);
        return undefined;
      },
    },
  );
  environmentSettings(environment);
  const settings = [...read].filter((name) => name.startsWith('GUEST_ACCESS_'));
  assert.ok(settings.includes('GUEST_ACCESS_DB'), [...read].join(', '));
  assert.deepEqual(unknownVariableWarnings(Object.fromEntries(settings.map((name) => [name, '1']))), []);
});
