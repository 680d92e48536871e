// An instance's log through a PostgreSQL outage of a few seconds: the work it repeats on a timer (the webhook
// sweep every second, the presence heartbeat three times a second here) logs its first failure as a warning and
// its recovery once, not a line at every run of the outage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { privatePostgres } from '../support/private-postgres.ts';
import { startInstances } from './child-server.ts';

interface LogLine {
  level: string;
  msg: string;
  failedRuns?: number;
}

test('an outage logs one warning per repeated task and one line when it works again', async (t) => {
  const postgres = await privatePostgres(t);
  // A 1 s lobby grace makes presence leases 1 s long, renewed every 1/3 s.
  const { servers } = await startInstances(t, postgres.url, 1, { GUEST_ACCESS_LOBBY_GRACE_S: '1' });
  const [server] = servers;
  assert.ok(server);
  const lines = () =>
    server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  const tasks = [
    { failed: 'webhook delivery failed', recovered: 'webhook delivery works again' },
    {
      failed: 'presence leases not renewed; the next heartbeat tries again',
      recovered: 'presence leases renewed again',
    },
  ];

  await sleep(1_200);
  await postgres.stop();
  await sleep(3_500); // about 3 webhook sweeps and 10 heartbeats fail
  await postgres.start();
  const recoveredAll = () => tasks.every((task) => lines().some((line) => line.msg === task.recovered));
  for (const deadline = Date.now() + 10_000; Date.now() < deadline && !recoveredAll(); await sleep(100));

  for (const task of tasks) {
    const failed = lines().filter((line) => line.msg === task.failed);
    assert.deepEqual(
      failed.map((line) => line.level),
      ['warn'],
      `"${task.failed}" logged:\n${server.output()}`,
    );
    const recovered = lines().filter((line) => line.msg === task.recovered);
    assert.equal(recovered.length, 1, `"${task.recovered}" logged ${recovered.length} times`);
    assert.equal(recovered[0]?.level, 'info');
    assert.ok((recovered[0]?.failedRuns ?? 0) >= 2, `failedRuns ${recovered[0]?.failedRuns}`);
  }
});
