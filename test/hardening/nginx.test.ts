// Three `serve` instances on one database behind nginx running docs/deploy/nginx.conf: round-robin, event
// streams passed on unbuffered, the client's address trusted only from the proxy, JSON when nobody answers.
// The database follows the test pass (a temporary SQLite file, or PostgreSQL with GUEST_ACCESS_TEST_ENGINE=postgres);
// on PostgreSQL, the changes a stream shows go through nginx too, so they reach the stream from another instance.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { test } from 'node:test';
import { openEvents } from '../api/helpers.ts';
import { type CallInput, call } from '../support/api-fixture.ts';
import { freePort, NGINX_TEMPLATE, startNginx } from '../support/nginx.ts';
import { TEST_ENGINE } from '../support/test-database.ts';
import { type Instances, roomWithLinks, startInstances, testDatabase } from './child-server.ts';

/** Link previews each instance allows a client address per minute. */
const RATE_LIMIT = 4;
/** The address nginx connects from, and so the one proxy the instances trust. */
const NGINX_ADDRESS = '127.0.0.1';

/** A GET from a chosen local address (any of 127.0.0.0/8 works on Linux), so tests can pose as several clients. */
function statusFrom(url: string, localAddress: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const outgoing = request(url, { localAddress, headers, agent: false }, (answer) => {
      answer.resume();
      answer.once('end', () => resolve(answer.statusCode ?? 0));
    });
    outgoing.once('error', reject).end();
  });
}

const instanceOf = (headers: Headers, instances: Instances) => {
  const name = headers.get('guest-access-instance');
  const server = instances.servers.find((candidate) => candidate.name === name);
  assert.ok(server, `answered by a known instance, not ${name}`);
  return server;
};

test('three instances behind nginx', async (t) => {
  const db = await testDatabase(t);
  const instances = await startInstances(t, db, 3, {
    GUEST_ACCESS_TRUST_PROXY: NGINX_ADDRESS,
    GUEST_ACCESS_RATE_LIMIT: String(RATE_LIMIT),
  });
  const [first] = instances.servers;
  assert.ok(first);
  const room = await roomWithLinks(first, instances.tenant, [{ name: 'Guests' }]);
  const linkToken = room.links[0]?.token as string;
  const nginx = await startNginx(
    t,
    instances.servers.map((server) => server.url),
  );

  /**
   * Makes a change an open stream is to show. On PostgreSQL through nginx, whose round-robin hands it to the
   * instance after the stream's: the event crosses instances behind the balancer. On SQLite events do not
   * cross processes, so the change goes to the stream's own instance.
   */
  const changeFor = async (streaming: Instances['servers'][number], input: CallInput) => {
    if (TEST_ENGINE === 'sqlite') return streaming.request(input);
    const answer = await call(nginx.url, input);
    assert.notEqual(answer.headers['guest-access-instance'], streaming.name, 'made on another instance');
    return answer;
  };

  await t.test('spreads requests round-robin over the three instances', async () => {
    const names = [];
    for (let i = 0; i < 9; i++) {
      const answer = await fetch(`${nginx.url}/healthz`);
      assert.equal(answer.status, 200);
      await answer.body?.cancel();
      names.push(answer.headers.get('guest-access-instance'));
    }
    for (let i = 0; i + 3 <= names.length; i++) {
      assert.equal(
        new Set(names.slice(i, i + 3)).size,
        3,
        `any three in a row meet every instance: ${names}`,
      );
    }
  });

  await t.test('passes a host event through nginx within 1 s of the change', async (t) => {
    // Buffered, nginx holds back even the headers until the first bytes of the body: the heartbeat, 15 s on.
    const opening = performance.now();
    const events = await openEvents(`${nginx.url}/v1/rooms/r1/events`, room.hostToken);
    t.after(() => events.close());
    assert.ok(performance.now() - opening < 1000, 'the stream opened within 1 s');
    const streaming = instanceOf(events.headers, instances);
    const changed = await changeFor(streaming, {
      method: 'PATCH',
      path: '/v1/rooms/r1/guest-access',
      token: room.hostToken,
      body: { lobbyMessage: 'Through nginx' },
    });
    assert.equal(changed.status, 200);
    assert.deepEqual(await events.next('guest-access', 1000), {
      enabled: true,
      admission: 'moderator',
      lobbyMessage: 'Through nginx',
    });
  });

  await t.test('passes a guest’s status through nginx at once and the admission within 1 s', async (t) => {
    const redeemed = await fetch(`${nginx.url}/v1/links/${linkToken}/guests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Grace', email: 'grace@example.com' }),
    });
    assert.equal(redeemed.status, 201);
    const { guest, session } = (await redeemed.json()) as { guest: { id: string }; session: string };
    const events = await openEvents(`${nginx.url}/v1/guest/events`, session);
    t.after(() => events.close());
    assert.deepEqual(await events.next('status', 1000), { status: 'waiting' });
    const streaming = instanceOf(events.headers, instances);
    const admitted = await changeFor(streaming, {
      method: 'POST',
      path: `/v1/rooms/r1/guests/${guest.id}/admit`,
      token: room.hostToken,
    });
    assert.equal(admitted.status, 200);
    assert.deepEqual(await events.next('status', 1000), { status: 'admitted' });
  });

  await t.test('counts a client by the address nginx forwards and ignores one it forges', async (t) => {
    // One instance behind its own nginx, so every request meets the same rate limiter.
    const single = await startNginx(t, [first.url]);
    const link = `${single.url}/v1/links/${linkToken}`;
    const forged = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}` });
    const statuses = [];
    for (let i = 0; i <= RATE_LIMIT; i++) statuses.push(await statusFrom(link, '127.0.0.5', forged(i)));
    assert.deepEqual(statuses, [...Array(RATE_LIMIT).fill(200), 429], 'all counted against 127.0.0.5');
    assert.equal(await statusFrom(link, '127.0.0.6'), 200, 'another client is not limited by the first');
  });

  await t.test('ignores X-Forwarded-For sent to an instance by anyone but the proxy', async () => {
    const link = `${first.url}/v1/links/${linkToken}`;
    const statuses = [];
    for (let i = 0; i <= RATE_LIMIT; i++) {
      statuses.push(await statusFrom(link, '127.0.0.7', { 'x-forwarded-for': `198.51.100.${i}` }));
    }
    assert.deepEqual(statuses, [...Array(RATE_LIMIT).fill(200), 429], 'all counted against the peer');
  });

  await t.test(
    'answers a body over its limit with the JSON payload_too_large, not its HTML page',
    async () => {
      const answer = await fetch(`${nginx.url}/v1/links/${linkToken}/guests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'x'.repeat(100_000), email: 'ada@example.com' }),
      });
      assert.equal(answer.status, 413);
      assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(((await answer.json()) as { error: { code: string } }).error.code, 'payload_too_large');
    },
  );

  await t.test('passes the Host with its port: links name the address the host used', async () => {
    const answer = await call(nginx.url, {
      method: 'GET',
      path: '/v1/rooms/r1/guest-access',
      token: room.hostToken,
    });
    const [link] = (answer.body as { links: Array<{ url: string }> }).links;
    assert.ok(link?.url.startsWith(`${nginx.url}/g/`), `${link?.url} starts with ${nginx.url}/g/`);
  });

  await t.test('answers 503 JSON with Retry-After when no instance answers', async (t) => {
    const nobody = await startNginx(t, [`http://127.0.0.1:${await freePort()}`]);
    const answer = await fetch(`${nobody.url}/v1/links/${linkToken}`);
    assert.equal(answer.status, 503);
    assert.equal(answer.headers.get('retry-after'), '5');
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(((await answer.json()) as { error: { code: string } }).error.code, 'unavailable');
  });
});

test("the README's nginx essentials are lines of docs/deploy/nginx.conf and define each named location they use", () => {
  const readme = readFileSync('README.md', 'utf8');
  const block = /^```nginx\n([\s\S]*?)^```$/m.exec(readme)?.[1];
  assert.ok(block, 'README.md has an nginx block');
  const directives = (text: string) =>
    text
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim().replace(/\s+/g, ' '))
      .filter((line) => line !== '' && line !== '}');
  const full = new Set(directives(readFileSync(NGINX_TEMPLATE, 'utf8')));
  const upstreamServer = /^server \S+ max_fails=1 fail_timeout=10s;$/;
  for (const line of directives(block)) {
    if (upstreamServer.test(line) || line === 'server {') continue;
    assert.ok(full.has(line), `"${line}" is in docs/deploy/nginx.conf`);
  }
  for (const [, name] of block.matchAll(/= (@\w+);/g))
    assert.ok(block.includes(`location ${name} {`), `the block defines location ${name}`);
  // Copied alone, the block must answer outages and oversized bodies as JSON, as the full file does.
  assert.match(block, /error_page 413 = @payload_too_large;/);
  assert.match(block, /error_page 502 504 = @unavailable;/);
});
