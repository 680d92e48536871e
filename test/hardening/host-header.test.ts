// Issue 10, item 6: with GUEST_ACCESS_PUBLIC_ORIGIN unset, a link URL takes the origin of the request that
// asks for it, so a forged Host header only ever shapes what goes back to its own sender.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
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
