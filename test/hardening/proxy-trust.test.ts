// The client address behind a proxy (GUEST_ACCESS_TRUST_PROXY): X-Forwarded-For counts only when the
// connection comes from a trusted proxy, and then only its right-most address that no trusted proxy wrote.
// Observed through the per-address rate limit, the thing a forged address would otherwise escape.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { forwardedClient, parseTrustedProxies } from '../../api/proxy-trust.ts';
import { environmentSettings } from '../../api/server.ts';
import { CLI } from '../support/cli.ts';
import { tempDbFile } from './child-server.ts';
import { type Harness, harness } from './harness.ts';

const PROXY = '10.0.0.2';

/** Statuses of `count` link previews from one peer, each with the X-Forwarded-For `forwardedFor(i)`. */
async function previews(h: Harness, peer: string, count: number, forwardedFor: (i: number) => string) {
  const statuses = [];
  for (let i = 0; i < count; i++) {
    const answer = await h.send({
      method: 'GET',
      path: `/v1/links/${h.known.linkTokens[1]}`,
      address: peer,
      headers: { 'x-forwarded-for': forwardedFor(i) },
    });
    statuses.push(answer.status);
  }
  return statuses;
}

test('ignores X-Forwarded-For from a peer that is not a trusted proxy: a spoofed address escapes no limit', async (t) => {
  const h = await harness(t, { rateLimitPerMinute: 3 });
  const statuses = await previews(h, '192.0.2.50', 4, (i) => `198.51.100.${i + 1}`);
  assert.deepEqual(statuses, [200, 200, 200, 429], 'all four counted against the peer');
});

test('ignores X-Forwarded-For from a peer outside the trusted list', async (t) => {
  const h = await harness(t, { rateLimitPerMinute: 3, trustProxy: PROXY });
  const statuses = await previews(h, '10.0.0.3', 4, (i) => `198.51.100.${i + 1}`);
  assert.deepEqual(statuses, [200, 200, 200, 429]);
});

test('counts requests from a trusted proxy against the client it forwards, each client on its own', async (t) => {
  const h = await harness(t, { rateLimitPerMinute: 3, trustProxy: PROXY });
  assert.deepEqual(await previews(h, PROXY, 4, () => '198.51.100.1'), [200, 200, 200, 429]);
  assert.deepEqual(
    await previews(h, PROXY, 3, () => '198.51.100.2'),
    [200, 200, 200],
    'another client behind the same proxy keeps its own allowance',
  );
});

test('takes the right-most untrusted address of a forged chain from a trusted proxy', async (t) => {
  const h = await harness(t, { rateLimitPerMinute: 3, trustProxy: PROXY });
  const forged = (i: number) => `1.2.3.${i + 1}, 198.51.100.7`;
  assert.deepEqual(await previews(h, PROXY, 4, forged), [200, 200, 200, 429], 'keyed by 198.51.100.7 alone');
});

test('walks through several trusted proxies and stops at the first address that is not one', () => {
  const trusted = parseTrustedProxies('10.0.0.0/8, loopback');
  assert.equal(forwardedClient('127.0.0.1', '6.6.6.6, 203.0.113.9, 10.1.2.3', trusted), '203.0.113.9');
  assert.equal(forwardedClient('::ffff:127.0.0.1', '203.0.113.9', trusted), '203.0.113.9');
  assert.equal(
    forwardedClient('127.0.0.1', '10.0.0.5, 10.0.0.6', trusted),
    '10.0.0.5',
    'all proxies: the left-most',
  );
  assert.equal(
    forwardedClient('127.0.0.1', 'garbage, 10.0.0.6', trusted),
    '10.0.0.6',
    'a non-address is no hop',
  );
  assert.equal(forwardedClient('127.0.0.1', undefined, trusted), '127.0.0.1');
  assert.equal(
    forwardedClient('203.0.113.9', '10.0.0.5', trusted),
    '203.0.113.9',
    'an untrusted peer is the client',
  );
  assert.equal(forwardedClient('::1', '2001:db8::7', trusted), '2001:db8::7');
});

test('takes the trusted proxies from GUEST_ACCESS_TRUST_PROXY and refuses anything it cannot read', () => {
  const trusts = (setting: string | undefined, address: string) =>
    environmentSettings({ GUEST_ACCESS_TRUST_PROXY: setting }).trustProxy(address);
  assert.equal(trusts(undefined, '127.0.0.1'), false, 'nobody by default');
  assert.equal(trusts('', '127.0.0.1'), false);
  assert.equal(trusts('loopback', '127.0.0.1'), true);
  assert.equal(trusts('loopback', '::1'), true);
  assert.equal(trusts('loopback', '10.0.0.1'), false);
  assert.equal(trusts('uniquelocal', '172.20.1.1'), true);
  assert.equal(trusts('192.168.1.0/24, 2001:db8::/32', '192.168.1.200'), true);
  assert.equal(trusts('192.168.1.0/24, 2001:db8::/32', '192.168.2.1'), false);
  assert.equal(trusts('192.168.1.0/24, 2001:db8::/32', '2001:db8:ffff::1'), true);
  assert.equal(trusts('10.0.0.2', '10.0.0.3'), false);
  for (const wrong of ['nginx', '10.0.0.0/33', '10.0.0.0/8/1', '::1/129', '10.0.0.0/', '300.1.1.1']) {
    assert.throws(
      () => environmentSettings({ GUEST_ACCESS_TRUST_PROXY: wrong }),
      (error: Error) =>
        error.message.startsWith('GUEST_ACCESS_TRUST_PROXY: ') && error.message.includes(wrong),
      wrong,
    );
  }
});

test('stops `serve` with one line naming the setting when GUEST_ACCESS_TRUST_PROXY is wrong', async (t) => {
  const run = promisify(execFile);
  const failed = await run(process.execPath, [...CLI, 'serve', '--db', tempDbFile(t)], {
    env: { ...process.env, GUEST_ACCESS_TRUST_PROXY: 'loopback, proxy.internal' },
  }).then(
    () => assert.fail('serve started'),
    (error: { code: number; stderr: string }) => error,
  );
  assert.equal(failed.code, 2);
  assert.deepEqual(failed.stderr.trim().split('\n'), [
    'guest-access: GUEST_ACCESS_TRUST_PROXY: "proxy.internal" is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal',
  ]);
});
