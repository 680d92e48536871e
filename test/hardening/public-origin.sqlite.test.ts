// GUEST_ACCESS_PUBLIC_ORIGIN is the origin of every link URL: a trailing "/" as an address bar shows it is read
// as the origin, anything with a path, query or fragment stops the start in one line; behind a proxy (a trusted
// one is set) `serve` warns when it is unset, loopback or not, since the proxy's view would shape the links.
// It uses SQLite files only, so it runs once, in the SQLite pass (hence .sqlite.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OperatorError } from '../../api/errors.ts';
import { environmentSettings } from '../../api/server.ts';
import { createTenantIn, roomWithLinks, runCli, startChildServer, tempDbFile } from './child-server.ts';

test('reads a public origin with a trailing slash as the origin, normalised as browsers send it', () => {
  assert.equal(
    environmentSettings({ GUEST_ACCESS_PUBLIC_ORIGIN: 'https://ga.example.com/' }).publicOrigin,
    'https://ga.example.com',
  );
  assert.equal(
    environmentSettings({ GUEST_ACCESS_PUBLIC_ORIGIN: 'HTTPS://GA.Example.com:443' }).publicOrigin,
    'https://ga.example.com',
  );
  assert.equal(environmentSettings({}).publicOrigin, undefined);
});

test('refuses a public origin with a path, a query or a fragment', () => {
  for (const value of [
    'https://x.example/guest-access',
    'https://x.example//',
    'https://x.example/?a=1',
    'https://x.example#top',
    'x.example',
    'ftp://x.example',
  ]) {
    assert.throws(
      () => environmentSettings({ GUEST_ACCESS_PUBLIC_ORIGIN: value }),
      (error: Error) =>
        error instanceof OperatorError && /^GUEST_ACCESS_PUBLIC_ORIGIN is an origin like/.test(error.message),
      value,
    );
  }
});

test('serve refuses a public origin with a path in one line, exit code 2', async (t) => {
  const result = await runCli(['serve', '--port', '0', '--db', tempDbFile(t)], {
    GUEST_ACCESS_PUBLIC_ORIGIN: 'https://x.example/guest-access',
  });
  assert.equal(result.code, 2, result.stderr);
  assert.match(
    result.stderr,
    /^guest-access: GUEST_ACCESS_PUBLIC_ORIGIN is an origin like .*not "https:\/\/x\.example\/guest-access"\n$/,
  );
});

test('links of a server whose public origin ends in "/" have one slash before g/', async (t) => {
  const dbFile = tempDbFile(t);
  const tenant = await createTenantIn(dbFile);
  const server = await startChildServer(t, dbFile, { GUEST_ACCESS_PUBLIC_ORIGIN: 'https://ga.example.com/' });
  const { hostToken } = await roomWithLinks(server, tenant, [{ name: 'One' }]);
  const answer = await server.request({ method: 'GET', path: '/v1/rooms/r1/guest-access', token: hostToken });
  const [link] = (answer.body as { links: Array<{ url: string }> }).links;
  assert.match(link?.url ?? '', /^https:\/\/ga\.example\.com\/g\/[^/]+$/);
});

test('warns at start behind a trusted proxy without a public origin, also on loopback', async (t) => {
  const warning = /"level":"warn".*GUEST_ACCESS_PUBLIC_ORIGIN is unset/;
  const behindProxy = await startChildServer(t, tempDbFile(t), { GUEST_ACCESS_TRUST_PROXY: 'loopback' });
  assert.match(behindProxy.output(), warning);
  assert.match(behindProxy.output(), /behind a proxy link URLs need it/);
  const direct = await startChildServer(t, tempDbFile(t), { GUEST_ACCESS_TRUST_PROXY: '' });
  assert.doesNotMatch(direct.output(), warning, 'alone on loopback, no warning');
  const configured = await startChildServer(t, tempDbFile(t), {
    GUEST_ACCESS_TRUST_PROXY: 'loopback',
    GUEST_ACCESS_PUBLIC_ORIGIN: 'https://ga.example.com',
  });
  assert.doesNotMatch(configured.output(), warning, 'set, no warning');
});
