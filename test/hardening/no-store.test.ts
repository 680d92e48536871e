// Issue 10, item 15a: every answer that carries a session token, a link URL or a guest's email tells caches
// not to keep it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { host, redeem, roomWith } from '../api/helpers.ts';

/** The Cache-Control of a stream's answer; the stream itself is dropped at once. */
async function streamCacheControl(url: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  controller.abort();
  assert.equal(response.status, 200, url);
  return response.headers.get('cache-control');
}

test('sends Cache-Control: no-store on every answer with a session token, a link URL or a guest’s email', async (t) => {
  const room = await roomWith(t, { links: [{ name: 'Panel' }] });
  const redeemed = await Promise.all([1, 2, 3, 4].map(() => redeem(room)));
  const [first, second, third, fourth] = redeemed.map(
    (answer) => answer.body as { guest: { id: string }; session: string },
  ) as Array<{ guest: { id: string }; session: string }>;
  const guest = (method: string, session: string) =>
    room.api.request({ method, path: '/v1/guest/session', token: session });

  const answers = {
    'redemption 201': redeemed[0],
    'guest session': await guest('GET', first.session),
    'host list': await host(room, 'GET', '/guest-access'),
    'link create': await host(room, 'POST', '/links', { name: 'Second' }),
    'guests list': await host(room, 'GET', '/guests'),
    admit: await host(room, 'POST', `/guests/${first.guest.id}/admit`),
    deny: await host(room, 'POST', `/guests/${second.guest.id}/deny`),
    remove: await host(room, 'POST', `/guests/${first.guest.id}/remove`),
    'admit all': await host(room, 'POST', '/guests/admit-all'),
    leave: await guest('DELETE', fourth.session),
  };
  for (const [what, answer] of Object.entries(answers)) {
    assert.ok(answer && answer.status < 300, `${what}: ${answer?.status}`);
    assert.equal(answer.headers['cache-control'], 'no-store', what);
  }
  const base = room.api.url;
  assert.equal(
    await streamCacheControl(`${base}/v1/rooms/${room.roomId}/events`, room.hostToken),
    'no-store',
  );
  assert.equal(await streamCacheControl(`${base}/v1/guest/events`, third.session), 'no-store');
});
