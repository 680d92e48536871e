// Every way an event stream ends leaves nothing behind: a client that destroys its socket, one that ends its
// side cleanly (a FIN, which the server must notice although it never writes to that stream again), and a guest
// who leaves (the server ends the stream). The soak's streams come and go these ways by the thousand. About the
// HTTP layer and the hub, not storage: it runs once, in the SQLite pass.
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';
import { freshApi, redeem, roomWith } from '../api/helpers.ts';

interface RawStream {
  /** The socket destroyed. */
  destroy(): void;
  /** The client's side ended (FIN); the server is to close its own. */
  finish(): void;
  /** Resolves when the connection has closed. */
  closed: Promise<void>;
}

/** A stream over node:http, so the test controls the socket itself (fetch can only abort). */
function openRaw(url: string, token: string): Promise<RawStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { authorization: `Bearer ${token}` } });
    req.on('error', reject);
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      res.resume();
      const closed = new Promise<void>((done) => res.once('close', () => done()));
      resolve({ destroy: () => req.destroy(), finish: () => req.socket?.end(), closed });
    });
  });
}

const within = (promise: Promise<void>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} not closed in ${ms} ms`)), ms),
    ),
  ]);

test('streams ended by socket destroy, by FIN and by leaving release their listeners and slots', async (t) => {
  // No heartbeat during the test: a stream must go when its client does, not when its next write fails.
  const api = await freshApi(t, { heartbeatMs: 60_000 });
  const room = await roomWith(t, { admission: 'moderator', links: [{ name: 'a' }] }, api);
  const { events, streamSlots } = room.api.server.deps;
  const guests = await Promise.all(
    [1, 2, 3].map(async () => ((await redeem(room)).body as { session: string }).session),
  );
  const [destroyed, finished, leaving] = await Promise.all(
    guests.map((session) => openRaw(`${room.api.url}/v1/guest/events`, session)),
  );
  const hostUrl = `${room.api.url}/v1/rooms/${room.roomId}/events`;
  const [hostDestroyed, hostFinished] = await Promise.all([
    openRaw(hostUrl, room.hostToken),
    openRaw(hostUrl, room.hostToken),
  ]);
  assert.equal(events.openStreams, 5);

  destroyed?.destroy();
  hostDestroyed?.destroy();
  finished?.finish();
  hostFinished?.finish();
  const left = await fetch(`${room.api.url}/v1/guest/session`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${guests[2]}` },
  });
  assert.equal(left.status, 204);
  // The server closes its side of a FIN'd stream and ends a leaving guest's.
  await within(finished?.closed as Promise<void>, 2000, 'guest stream after FIN');
  await within(hostFinished?.closed as Promise<void>, 2000, 'host stream after FIN');
  await within(leaving?.closed as Promise<void>, 2000, 'stream of a guest who left');

  for (let i = 0; i < 100 && events.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(events.openStreams, 0, 'no stream is still tracked');
  assert.equal(events.size, 0, 'no listener is left on the hub');
  assert.equal(await streamSlots.count('all'), 0, 'every stream slot is released');
});
