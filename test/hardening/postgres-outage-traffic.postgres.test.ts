// Two instances under traffic (redemptions, link pages, host lists, host and guest streams that reconnect as
// the elements do) while their PostgreSQL stops twice, the second time while they are still recovering: every
// answer is a success or a 503 (429 for a stream over its cap), no request goes unanswered, neither process
// ends, and once PostgreSQL is back a redemption on one instance reaches a host stream on the other.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { hostToken } from '../support/api-fixture.ts';
import { privatePostgres } from '../support/private-postgres.ts';
import { openEventsOnceListening, redeemOn, roomWithLinks, startInstances } from './child-server.ts';

test('two instances under traffic survive PostgreSQL stopping twice, and recover on their own', async (t) => {
  const postgres = await privatePostgres(t);
  const { servers, tenant } = await startInstances(t, postgres.url, 2);
  const [a, b] = servers;
  assert.ok(a && b);
  const room = await roomWithLinks(a, tenant, [{ name: 'Guests' }]);
  const linkToken = room.links[0]?.token as string;
  const first = await redeemOn(a, linkToken);
  assert.equal(first.status, 201);
  const session = (first.body as { session: string }).session;

  const answers = new Map<string, number[]>();
  const seen = (what: string, status: number) => answers.set(what, [...(answers.get(what) ?? []), status]);
  const unanswered: string[] = [];
  let running = true;
  const stopped = new AbortController();

  /** Keeps a stream open as the elements do: read it until it ends, open it again 100 ms after a refusal. */
  const follow = async (what: string, url: string, token: string) => {
    while (running) {
      try {
        const response = await fetch(url, {
          headers: { authorization: `Bearer ${token}` },
          signal: stopped.signal,
        });
        seen(what, response.status);
        if (response.status === 200 && response.body) {
          const reader = response.body.getReader();
          while (!(await reader.read()).done);
        } else await response.body?.cancel();
      } catch (error) {
        if (running) unanswered.push(`${what}: ${error}`);
      }
      await sleep(100);
    }
  };
  const ask = async (what: string, send: () => Promise<{ status: number }>) => {
    while (running) {
      try {
        seen(what, (await send()).status);
      } catch (error) {
        unanswered.push(`${what}: ${error}`);
      }
      await sleep(20);
    }
  };
  const traffic = [
    follow('host stream on a', `${a.url}/v1/rooms/r1/events`, room.hostToken),
    follow('host stream on b', `${b.url}/v1/rooms/r1/events`, room.hostToken),
    follow('guest stream on b', `${b.url}/v1/guest/events`, session),
    ask('redemption on a', () => redeemOn(a, linkToken)),
    ask('link page on b', () => b.request({ path: `/v1/links/${linkToken}` })),
    ask('host list on b', () => b.request({ path: '/v1/rooms/r1/guests', token: room.hostToken })),
  ];

  const streams = ['host stream on a', 'host stream on b', 'guest stream on b'];
  // Every stream was ended and opened again (its instance listened again), and requests succeed again.
  const recovered = () =>
    streams.every((what) => (answers.get(what)?.length ?? 0) > 1 && answers.get(what)?.at(-1) === 200) &&
    answers.get('redemption on a')?.at(-1) === 201 &&
    answers.get('host list on b')?.at(-1) === 200;

  await sleep(600);
  await postgres.stop();
  await sleep(800);
  await postgres.start();
  await sleep(300); // part-way through the instances' recovery
  await postgres.stop();
  await sleep(400);
  await postgres.start();
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(100)) {
    if (recovered()) break;
  }
  running = false;
  stopped.abort();
  await Promise.all(traffic);

  for (const server of servers) {
    assert.deepEqual(
      { code: server.child.exitCode, signal: server.child.signalCode },
      { code: null, signal: null },
      `${server.name} ended:\n${server.output()}`,
    );
  }
  assert.deepEqual(unanswered, [], 'requests that got no answer');
  for (const server of servers) {
    const unstructured = server
      .output()
      .split('\n')
      .filter((line) => line && !line.startsWith('{'));
    assert.deepEqual(unstructured.slice(0, 5), [], `${server.name} logged lines that are not JSON`);
  }
  const allowed: Record<string, number[]> = {
    'host stream on a': [200, 429, 503],
    'host stream on b': [200, 429, 503],
    'guest stream on b': [200, 429, 503],
    'redemption on a': [201, 503],
    'link page on b': [200, 503],
    'host list on b': [200, 503],
  };
  for (const [what, statuses] of answers) {
    const unexpected = statuses.filter((status) => !allowed[what]?.includes(status));
    assert.deepEqual(unexpected, [], `${what} answered ${statuses.join(' ')}`);
  }
  assert.ok(answers.get('redemption on a')?.includes(503), 'the outages were seen');
  assert.ok(recovered(), `recovered: ${JSON.stringify(Object.fromEntries(answers))}`);

  // Another host of the room (its own stream caps), on b, hears a redemption made on a.
  const other = await hostToken({ ...tenant, room: 'r1', user: 'other-host', now: Date.now() });
  const events = await openEventsOnceListening(b, other);
  t.after(() => events.close());
  const redeemed = await redeemOn(a, linkToken);
  assert.equal(redeemed.status, 201);
  const heard = (await events.next('guest', 5_000)) as { id: string };
  assert.equal(heard.id, (redeemed.body as { guest: { id: string } }).guest.id);
  t.diagnostic([...answers].map(([what, statuses]) => `${what}: ${statuses.length} answers`).join('; '));
});
