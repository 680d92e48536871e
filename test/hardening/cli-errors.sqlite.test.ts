// Issue 14, item 5: every refusal of the command line is one line on stderr and an exit code, never a stack,
// and each command accepts its own options only.
// It uses SQLite files only (tempDbFile) and nothing of an engine, so it runs once, in the SQLite pass.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { type CliResult, runCli, tempDbFile } from './child-server.ts';

/** One line, prefixed, and nothing that looks like a stack trace or Node's own error dump. */
function assertOneLine(result: CliResult, pattern: RegExp, code: number, what: string) {
  assert.equal(result.code, code, `${what}: ${result.stderr}`);
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  assert.equal(lines.length, 1, `${what}: one line, not:\n${result.stderr}`);
  assert.match(lines[0] ?? '', /^guest-access: /);
  assert.match(lines[0] ?? '', pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at |node:internal|ERR_[A-Z_]+|Error:/);
  assert.equal(result.stdout, '', 'nothing on stdout');
}

test('every CLI error is one line and an exit code, never a stack (item 5)', async (t) => {
  const db = tempDbFile(t);
  const folder = dirname(db);
  const file = join(folder, 'a-file');
  writeFileSync(file, 'not a folder');
  mkdirSync(join(folder, 'other'));
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  t.after(() => blocker.close());
  const { port } = blocker.address() as { port: number };

  const cases: Array<[args: string[], env: Record<string, string>, line: RegExp, code: number]> = [
    // Options are per command: one command's option is refused by another.
    [
      ['tenant', 'create', '--name', 'Acme', '--port', '1', '--db', db],
      {},
      /tenant create takes no option --port \(it takes --name, --origin, --db\)\. Usage: guest-access tenant create/,
      2,
    ],
    [['serve', '--name', 'x', '--db', db], {}, /serve takes no option --name/, 2],
    [['token', '--frobnicate', '--db', db], {}, /token takes no option --frobnicate/, 2],
    [['tenant', 'create', '--name'], {}, /--name needs a value/, 2],
    [['room', 'put', 'extra'], {}, /unexpected argument "extra"/, 2],
    [['frobnicate'], {}, /unknown command "frobnicate"; see guest-access --help/, 2],
    // A group without its command, or with one it does not have: its commands, and where its usage is.
    [
      ['tenant'],
      {},
      /^guest-access: tenant needs a command: create, update, show, rotate-secret; see guest-access tenant --help$/,
      2,
    ],
    [['room', '--tenant', 't_x'], {}, /room needs a command: put, list; see guest-access room --help$/, 2],
    [
      ['tenant', 'frobnicate'],
      {},
      /tenant has no command "frobnicate" \(it has create, update, show, rotate-secret\); see guest-access tenant --help$/,
      2,
    ],
    // A token the API would refuse (401: longer than host tokens may live) is never minted.
    [
      ['token', '--tenant', 't_x', '--room', 'r1', '--user', 'u', '--ttl', '48h', '--db', db],
      {},
      /--ttl 48h is too long: host tokens may live at most 24h \(86400 seconds\).*Usage: guest-access token/,
      2,
    ],
    [
      ['token', '--tenant', 't_x', '--room', 'r1', '--user', 'u', '--ttl', '86401', '--db', db],
      {},
      /--ttl 86401 is too long/,
      2,
    ],
    [
      ['token', '--tenant', 't_x', '--room', 'r1', '--user', 'Ann\tLee', '--db', db],
      {},
      /--user must be text of at most 256 characters, without control characters/,
      2,
    ],
    // The name rule of tenant update.
    [
      ['tenant', 'create', '--name', 'Ann\tLee', '--db', db],
      {},
      /--name "Ann\\tLee": Name must not contain/,
      2,
    ],
    // The port is in use.
    [
      ['serve', '--port', String(port), '--db', db],
      {},
      new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`),
      2,
    ],
    // The database path is a folder, or lies under a file.
    [['serve', '--db', folder], {}, /The database path .* is a folder/, 2],
    [
      ['tenant', 'create', '--name', 'Acme', '--db', join(file, 'guest-access.db')],
      {},
      /The database path .* lies under a file, not a folder/,
      2,
    ],
    // The server secret is too short; settings that are not valid.
    [
      ['tenant', 'create', '--name', 'Acme', '--db', join(folder, 'other', 'x.db')],
      { GUEST_ACCESS_SECRET: 'short' },
      /GUEST_ACCESS_SECRET must be at least 32 characters/,
      2,
    ],
    [['serve', '--db', db], { LOG_LEVEL: 'loud' }, /LOG_LEVEL is one of/, 2],
    [
      ['serve', '--db', db],
      { GUEST_ACCESS_METRICS_TOKEN: 'short' },
      /GUEST_ACCESS_METRICS_TOKEN is 16 to 200 printable characters/,
      2,
    ],
  ];
  // In parallel: each is a process start.
  const results = await Promise.all(cases.map(([args, env]) => runCli(args, env)));
  for (const [index, [args, , line, code]] of cases.entries()) {
    assertOneLine(results[index] as CliResult, line, code, args.join(' '));
  }
});

test('a group with --help prints its commands’ usage and exits 0', async () => {
  for (const help of ['--help', '-h']) {
    const result = await runCli(['tenant', help]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('guest-access '));
    assert.deepEqual(
      lines.map((line) => line.split(/\s+/).slice(0, 3).join(' ')),
      [
        'guest-access tenant create',
        'guest-access tenant update',
        'guest-access tenant show',
        'guest-access tenant rotate-secret',
      ],
      result.stdout,
    );
  }
  const room = await runCli(['room', '--help']);
  assert.equal(room.code, 0, room.stderr);
  assert.match(room.stdout, /^guest-access room put --tenant ID[\s\S]*^guest-access room list --tenant ID/m);
});
