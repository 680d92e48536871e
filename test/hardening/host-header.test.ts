// Issue 10, item 6: with GUEST_ACCESS_PUBLIC_ORIGIN unset, a link URL takes the origin of the request that
// asks for it, so a forged Host header only ever shapes what goes back to its own sender.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { type IncomingHttpHeaders, request } from 'node:http';
import { connect } from 'node:net';
import { test } from 'node:test';
import { host, openEvents, roomWith } from '../api/helpers.ts';
import { CLI } from '../support/cli.ts';
import { testDatabase } from './child-server.ts';

/** A redemption sent with a Host header of the sender's choosing (fetch would not let us set it). */
function redeemWithHost(base: string, token: string, hostHeader: string) {
  const body = JSON.stringify({ name: 'Mallory', email: 'mallory@example.com' });
  return new Promise<number>((resolve, reject) => {
    const sent = request(
      new URL(`/v1/links/${token}/guests`, base),
      {
        method: 'POST',
        headers: { host: hostHeader, 'content-type': 'application/json', 'content-length': body.length },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

test('a forged Host header on a redemption never reaches the host’s stream or list', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Panel' }] });
  const events = await openEvents(`${room.api.url}/v1/rooms/${room.roomId}/events`, room.hostToken);
  t.after(() => events.close());

  assert.equal(await redeemWithHost(room.api.url, room.tokens[0] as string, 'attacker.example'), 201);

  const guest = await events.next('guest');
  const link = (await events.next('link')) as { url: string; uses: number };
  assert.equal(link.uses, 1);
  assert.equal(new URL(link.url).origin, new URL(room.api.url).origin, 'the stream’s own origin');
  assert.doesNotMatch(JSON.stringify([guest, link]), /attacker\.example/);

  const list = await host(room, 'GET', '/guest-access');
  assert.doesNotMatch(JSON.stringify(list.body), /attacker\.example/);
  assert.equal((list.body as { links: Array<{ url: string }> }).links[0]?.url, link.url);
});

/** What `serve` writes (logs on stdout, refusals on stderr) from its start to a SIGTERM once it listens. */
async function serveOutput(dbFile: string, env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--db', dbFile], {
    env: { ...process.env, GUEST_ACCESS_PUBLIC_ORIGIN: undefined, ...env },
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on/.test(output)) resolve();
    });
    void exited.then(() => reject(new Error(`serve exited early: ${output}`)));
  });
  child.kill('SIGTERM');
  await exited;
  return output;
}

test('serve logs one warning when it is reachable from other machines without a public origin', async (t) => {
  const dbFile = await testDatabase(t);
  const warnings = (await serveOutput(dbFile, { HOST: '0.0.0.0' }))
    .split('\n')
    .filter((line) => /"level":"warn".*GUEST_ACCESS_PUBLIC_ORIGIN/.test(line));
  assert.equal(warnings.length, 1);
  assert.doesNotMatch(await serveOutput(dbFile, { HOST: '127.0.0.1' }), /GUEST_ACCESS_PUBLIC_ORIGIN/);
  assert.doesNotMatch(
    await serveOutput(dbFile, { HOST: '0.0.0.0', GUEST_ACCESS_PUBLIC_ORIGIN: 'https://ga.example' }),
    /GUEST_ACCESS_PUBLIC_ORIGIN/,
  );
});

/** A raw GET with a Host header and path of the sender's choosing: status, headers and body. */
function getRaw(base: string, path: string, hostHeader: string) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const sent = request({ hostname, port, path, headers: { host: hostHeader } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    sent.on('error', reject);
    sent.end();
  });
}

test('a Host header or path that makes no URL is answered with a JSON 400 that says what to send', async (t) => {
  const room = await roomWith(t);
  const authority = new URL(room.api.url).host;
  for (const [path, hostHeader] of [
    ['/healthz', 'media.example:99999'],
    ['/healthz', 'a b'],
    ['/v1/links/a\\b', authority],
  ]) {
    const answer = await getRaw(room.api.url, path as string, hostHeader as string);
    assert.equal(answer.status, 400, `${path} Host: ${hostHeader}`);
    assert.match(String(answer.headers['content-type']), /^application\/json/);
    assert.match(String(answer.headers['x-request-id']), /^[\w-]{36}$/, 'every answer carries X-Request-Id');
    const { error } = JSON.parse(answer.body) as { error: { code: string; message: string } };
    assert.equal(error.code, 'validation_failed');
    assert.match(error.message, /Host header or path is not valid .*: send a Host/);
  }
  assert.equal((await getRaw(room.api.url, '/healthz', authority)).status, 200);
});

/**
 * What the server writes back to request bytes written by hand (Node's client always sends a Host), up to its
 * close. The request must end the connection (HTTP/1.0, `Connection: close`, or a refusal): the socket stays open
 * for writing, since Node drops a request still being answered when its client ends its side.
 */
function exchangeRaw(base: string, bytes: string) {
  const { hostname, port } = new URL(base);
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

test('an HTTP/1.1 request without a Host header, or with an empty one, is answered with a JSON 400 that says Host is required', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Panel' }] });
  const authority = new URL(room.api.url).host;
  const body = '{"name":"Mallory","email":"mallory@example.com"}';
  for (const bytes of [
    'GET /healthz HTTP/1.1\r\n\r\n',
    'GET /healthz HTTP/1.1\r\nHost: \r\n\r\n',
    'GET http://media.example/healthz HTTP/1.1\r\n\r\n',
    `POST /v1/links/${room.tokens[0]}/guests HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
  ]) {
    const answer = await exchangeRaw(room.api.url, bytes);
    const [head = '', answerBody = ''] = answer.split('\r\n\r\n');
    assert.match(head, /^HTTP\/1\.1 400 /, bytes);
    assert.match(head, /^content-type: application\/json/im);
    assert.match(head, /^x-request-id: [\w-]{36}$/im, 'every answer carries X-Request-Id');
    const { error } = JSON.parse(answerBody) as { error: { code: string; message: string } };
    assert.equal(error.code, 'validation_failed');
    assert.match(error.message, /Host header is required/);
  }
  const list = await host(room, 'GET', '/guest-access');
  assert.equal((list.body as { links: Array<{ uses: number }> }).links[0]?.uses, 0, 'nothing redeemed');

  // With a Host, and in HTTP/1.0 (which has none to require), requests are served as before.
  for (const bytes of [
    `GET /healthz HTTP/1.1\r\nHost: ${authority}\r\nConnection: close\r\n\r\n`,
    'GET /healthz HTTP/1.0\r\n\r\n',
  ])
    assert.match(await exchangeRaw(room.api.url, bytes), /^HTTP\/1\.1 200 [\s\S]*\{"ok":true\}$/, bytes);
  // An HTTP/1.0 answer's link URLs name the address and port the request reached.
  const answer = await exchangeRaw(
    room.api.url,
    `GET /v1/rooms/${room.roomId}/guest-access HTTP/1.0\r\nAuthorization: Bearer ${room.hostToken}\r\n\r\n`,
  );
  const { links } = JSON.parse(answer.split('\r\n\r\n')[1] ?? '') as { links: Array<{ url: string }> };
  assert.equal(new URL(links[0]?.url ?? '').origin, room.api.url);
});
