// The SQLite store keeps links, tenants and rooms between requests (api/store/sqlite/read-cache.ts): what it
// answers must still follow every change at once, made by this server or by another process on the file.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { CLI } from '../support/cli.ts';
import { roomWith } from './helpers.ts';

const run = promisify(execFile);
const TEST_SERVER_SECRET = 'test-server-secret-of-at-least-32-characters';

const linkPage = async (room: Awaited<ReturnType<typeof roomWith>>) =>
  (await room.api.request({ path: `/v1/links/${room.tokens[0]}` })).status;

test("another process's commit is seen by the next request", async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Team' }] });
  const other = new Database(room.api.database);
  t.after(() => other.close());
  assert.equal(await linkPage(room), 200);
  assert.equal(await linkPage(room), 200, 'answered from the cache');

  other.prepare('UPDATE links SET paused = 1').run();
  assert.equal(await linkPage(room), 410, 'the pause made by the other connection');
  other.prepare('UPDATE links SET paused = 0').run();
  other.prepare('UPDATE rooms SET guest_access_enabled = 0').run();
  assert.equal(await linkPage(room), 410, 'guest access turned off by the other connection');
});

test("this server's own changes are seen at once, and a host token stops working when its secret is rotated", async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Team' }] });
  const hostList = () => room.api.request({ path: `/v1/rooms/${room.roomId}/guests`, token: room.hostToken });
  assert.equal((await hostList()).status, 200);
  assert.equal(await linkPage(room), 200);

  const off = await room.api.request({
    method: 'PATCH',
    path: `/v1/rooms/${room.roomId}/guest-access`,
    token: room.hostToken,
    body: { enabled: false },
  });
  assert.equal(off.status, 200);
  assert.equal(await linkPage(room), 410);

  // Two rotations by the command line, another process: the token's secret is no longer even the previous one.
  const rotate = () =>
    run(
      process.execPath,
      [...CLI, 'tenant', 'rotate-secret', '--tenant', room.tenantId, '--db', room.api.database],
      {
        env: { ...process.env, GUEST_ACCESS_SECRET: TEST_SERVER_SECRET },
      },
    );
  await rotate();
  assert.equal((await hostList()).status, 200, 'the previous secret still counts after one rotation');
  await rotate();
  assert.equal((await hostList()).status, 401);
});
