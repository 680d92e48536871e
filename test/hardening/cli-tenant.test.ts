// Issue 14, item 6: tenants can be changed from the command line (`tenant update`, `tenant show`) and rooms
// listed (`room list`), on either engine; origins go through the admin API's own validator and are normalised
// as it stores them, and the running server sees the same tenant.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, startChildServer, testDatabase } from './child-server.ts';

test('tenant update, tenant show and room list change and read what the admin API does (item 6)', async (t) => {
  const db = await testDatabase(t);
  // On PostgreSQL every process shares the server secret (test-database.ts sets it); SQLite uses its key file.
  const env = { GUEST_ACCESS_SECRET: process.env.GUEST_ACCESS_SECRET };
  const cli = async (...args: string[]) => {
    const result = await runCli([...args, '--db', db], env);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout);
  };
  const refused = async (...args: string[]) => {
    const result = await runCli([...args, '--db', db], env);
    assert.equal(result.code, 2, result.stdout);
    return result.stderr.trim();
  };

  const { id, apiKey } = await cli('tenant', 'create', '--name', 'Acme', '--origin', 'https://a.example');
  const updated = await cli(
    'tenant',
    'update',
    '--tenant',
    id,
    '--name',
    'Acme Media',
    '--origin',
    'HTTPS://Media.Example:443',
    '--origin',
    'http://localhost:5173',
    '--invite-to-media',
    'off',
    '--accent-color',
    '#1a2b3c',
    '--logo-url',
    'https://cdn.example/logo.png',
    '--guest-url-template',
    'https://media.example/guest/{token}',
  );
  assert.deepEqual(updated, {
    id,
    name: 'Acme Media',
    allowedOrigins: ['http://localhost:5173', 'https://media.example'],
    modules: { inviteToMedia: false, theming: { mediaPage: true } },
    branding: { logoUrl: 'https://cdn.example/logo.png', accentColor: '#1a2b3c' },
    guestUrlTemplate: 'https://media.example/guest/{token}',
  });

  // Adding and removing keep the rest; `none` resets; modules switch back on.
  const changed = await cli(
    'tenant',
    'update',
    '--tenant',
    id,
    '--add-origin',
    'https://b.example',
    '--remove-origin',
    'http://localhost:5173',
    '--invite-to-media',
    'on',
    '--logo-url',
    'none',
    '--guest-url-template',
    'none',
  );
  assert.deepEqual(changed.allowedOrigins, ['https://b.example', 'https://media.example']);
  assert.deepEqual(changed.modules, { inviteToMedia: true, theming: { mediaPage: true } });
  assert.deepEqual(changed.branding, { logoUrl: null, accentColor: '#1a2b3c' });
  assert.equal(changed.guestUrlTemplate, null);

  // Refusals name the option and the value, and change nothing.
  assert.match(
    await refused('tenant', 'update', '--tenant', id, '--add-origin', 'https://c.example/page'),
    /^guest-access: --add-origin "https:\/\/c\.example\/page": Origin must look like https:\/\/example\.com/,
  );
  assert.match(
    await refused('tenant', 'update', '--tenant', id, '--guest-url-template', 'https://x.example/g'),
    /^guest-access: --guest-url-template "https:\/\/x\.example\/g": The guest URL template must contain \{token\}/,
  );
  assert.match(await refused('tenant', 'update', '--tenant', id, '--media-page', 'maybe'), /on or off/);
  assert.match(await refused('tenant', 'update', '--tenant', id), /name at least one change/);
  assert.match(await refused('tenant', 'show', '--tenant', 'nobody'), /^guest-access: no tenant nobody$/);
  const shown = await cli('tenant', 'show', '--tenant', id);
  assert.deepEqual(shown, changed);

  await cli('room', 'put', '--tenant', id, '--id', 'live', '--title', 'Live', '--type', 'channel');
  await cli('room', 'put', '--tenant', id, '--id', 'launch', '--title', 'Launch');
  const server = await startChildServer(t, db, env as Record<string, string>);
  const removed = await server.request({ method: 'DELETE', path: '/v1/admin/rooms/live', token: apiKey });
  assert.equal(removed.status, 204);
  // The running server reads the same tenant.
  const read = await server.request({ method: 'GET', path: '/v1/admin/tenant', token: apiKey });
  assert.deepEqual(read.body, shown);

  const rooms = await cli('room', 'list', '--tenant', id);
  assert.deepEqual(
    rooms.map((room: { id: string; type: string; available: boolean }) => [
      room.id,
      room.type,
      room.available,
    ]),
    [
      ['launch', 'room', true],
      ['live', 'channel', false],
    ],
  );
  assert.deepEqual(rooms[0].guestAccess, { enabled: false, admission: 'moderator' });
});
