// watchGuestSession (guest-access-elements/client) in a real browser against the real server: the admitted guest's
// page verifies the session, keeps the guest online, and learns of a removal at once.
import { expect, waitUntil } from '@open-wc/testing';
import { type GuestSessionChange, watchGuestSession } from '../../widget/internal/api-client.ts';
import { callApi, guestsOf, setupRoom } from './guest-entry-form.helpers.ts';

async function admittedGuest() {
  const room = await setupRoom({ admission: 'auto' });
  const redeemed = await callApi({
    method: 'POST',
    path: `/v1/links/${room.tokens[0]}/guests`,
    body: { name: 'Ana Lima', email: 'ana@example.com' },
  });
  return { room, session: (redeemed.body as { session: string }).session };
}

describe('watchGuestSession', () => {
  it('reports admitted, keeps the guest online, and reports removed when a moderator removes them', async () => {
    const { room, session } = await admittedGuest();
    const changes: GuestSessionChange[] = [];
    const watch = watchGuestSession({ api: room.url, session, onChange: (change) => changes.push(change) });
    try {
      await waitUntil(() => changes.length > 0, 'no first change');
      expect(changes[0]?.state).to.equal('admitted');
      await waitUntil(
        async () => (await guestsOf(room))[0]?.online === true,
        'the guest never showed online',
      );
      const [guest] = await guestsOf(room);
      await callApi({
        method: 'POST',
        path: `/v1/rooms/${room.roomId}/guests/${guest?.id}/remove`,
        token: room.hostToken,
      });
      await waitUntil(() => changes.length > 1, 'no removal reported', { timeout: 2000 });
      expect(changes[1]).to.deep.include({ state: 'removed', status: 'removed' });
      await waitUntil(async () => (await guestsOf(room))[0]?.online === false, 'the connection stayed open');
    } finally {
      watch.stop();
    }
  });

  it('goes offline on stop (the guest stays admitted), and reports access_removed on a revoked session', async () => {
    const { room, session } = await admittedGuest();
    const changes: GuestSessionChange[] = [];
    const watch = watchGuestSession({ api: room.url, session, onChange: (change) => changes.push(change) });
    await waitUntil(async () => (await guestsOf(room))[0]?.online === true, 'the guest never showed online');
    watch.stop();
    await waitUntil(async () => (await guestsOf(room))[0]?.online === false, 'stop left the connection open');
    expect((await guestsOf(room))[0]?.status).to.equal('admitted');

    await callApi({
      method: 'PATCH',
      path: `/v1/rooms/${room.roomId}/guest-access`,
      token: room.hostToken,
      body: { enabled: false },
    });
    const later: GuestSessionChange[] = [];
    const again = watchGuestSession({ api: room.url, session, onChange: (change) => later.push(change) });
    await waitUntil(() => later.length > 0, 'no change on the revoked session');
    expect(later[0]?.state).to.equal('access_removed');
    again.stop();
  });

  it('reports no_session, sending nothing, when the page was opened without a session', async () => {
    const sent: string[] = [];
    const { fetch } = window;
    window.fetch = (input, init) => {
      sent.push(String(input));
      return fetch(input, init);
    };
    try {
      for (const session of [null, '']) {
        const changes: GuestSessionChange[] = [];
        const watch = watchGuestSession({ api: location.origin, session, onChange: (c) => changes.push(c) });
        await waitUntil(() => changes.length > 0, 'no change reported');
        expect(changes).to.deep.equal([{ state: 'no_session' }]);
        await watch.leave();
      }
    } finally {
      window.fetch = fetch;
    }
    expect(sent).to.deep.equal([]);
  });

  it('leave() makes the guest left', async () => {
    const { room, session } = await admittedGuest();
    const watch = watchGuestSession({ api: room.url, session, onChange: () => {} });
    await waitUntil(async () => (await guestsOf(room))[0]?.online === true, 'the guest never showed online');
    await watch.leave();
    await waitUntil(async () => (await guestsOf(room))[0]?.status === 'left', 'leave did not take');
  });
});
