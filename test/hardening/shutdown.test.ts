// Graceful shutdown of `guest-access serve` (test/api/cli.test.ts covers a plain SIGTERM): with event
// streams open and a request still uploading its body, SIGTERM ends the streams, answers the request,
// refuses new connections, and exits 0 within 5 s with the WAL checkpointed.
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { test } from 'node:test';
import { openEvents } from '../api/helpers.ts';
import { atTestEnd } from '../support/cleanup.ts';
import { openRawDatabase } from '../support/raw-database.ts';
import { TEST_ENGINE } from '../support/test-database.ts';
import { createTenantIn, roomWithLinks, startChildServer, testDatabase } from './child-server.ts';

test('on SIGTERM ends event streams, finishes the request in flight, and exits within 5 s with every answered write stored (SQLite: the WAL checkpointed)', async (t) => {
  const dbFile = await testDatabase(t);
  const tenant = await createTenantIn(dbFile);
  const server = await startChildServer(t, dbFile);
  const room = await roomWithLinks(server, tenant, [{ name: 'Guests' }]);
  const token = room.links[0]?.token as string;
  const guest = await server.request({
    method: 'POST',
    path: `/v1/links/${token}/guests`,
    body: { name: 'Ada', email: 'ada@example.com' },
  });
  const session = (guest.body as { session: string }).session;
  const hostStream = await openEvents(`${server.url}/v1/rooms/r1/events`, room.hostToken);
  const guestStream = await openEvents(`${server.url}/v1/guest/events`, session);
  await guestStream.next('status');

  // A redemption whose body is only half sent when the signal arrives.
  const body = JSON.stringify({ name: 'Late Grace', email: 'grace@example.com' });
  const inFlight = httpRequest(`${server.url}/v1/links/${token}/guests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
    inFlight.on('response', (response) => {
      let text = '';
      response.on('data', (chunk) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    inFlight.on('error', reject);
  });
  inFlight.write(body.slice(0, 10));
  await new Promise((resolve) => setTimeout(resolve, 200));

  const signalledAt = Date.now();
  server.child.kill('SIGTERM');
  await Promise.all([hostStream.ended, guestStream.ended]);
  // A fresh connection (fetch would reuse a kept-alive one, which the server may still answer).
  const refused = await new Promise<string>((resolve) =>
    httpRequest(`${server.url}/healthz`, { agent: false }, () => resolve('answered'))
      .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
      .end(),
  );
  assert.equal(refused, 'ECONNREFUSED', 'no new connections once shutting down');
  inFlight.end(body.slice(10));
  const late = await answered;
  assert.equal(late.status, 201, late.text);

  const { code } = await server.exited;
  assert.equal(code, 0);
  assert.ok(Date.now() - signalledAt < 5000, 'exits within 5 s');
  if (TEST_ENGINE === 'sqlite') {
    assert.equal(
      existsSync(`${dbFile}-wal`) ? statSync(`${dbFile}-wal`).size : 0,
      0,
      'the WAL is checkpointed',
    );
  }
  const db = openRawDatabase(dbFile);
  atTestEnd(t, () => db.close());
  assert.deepEqual(await db.all("SELECT name FROM guests WHERE name = 'Late Grace'"), [
    { name: 'Late Grace' },
  ]);
});
