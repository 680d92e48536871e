// The waiting guest across a dropped connection (a phone changing networks): the entry form reconnects by
// itself and misses nothing that happened while it was away.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  callApi,
  decide,
  entryForm,
  guestsOf,
  join,
  setupRoom,
  shadow,
  usesOf,
  viewShown,
} from './guest-entry-form.helpers.ts';

/** The API through a proxy the test can cut. */
const viaProxy = () => executeServerCommand<{ url: string }, unknown>('ga:proxy', {});
/** Drops every connection through the proxy, refusing new ones for `refuseMs`. */
const cut = (refuseMs: number) => executeServerCommand('ga:proxy-cut', { refuseMs });

const text = (element: HTMLElement) => shadow(element as never).textContent?.replace(/\s+/g, ' ') ?? '';

describe('<guest-entry-form> across a dropped connection', () => {
  it('goes on to the session when a moderator admits the guest while the connection is down', async () => {
    const room = await setupRoom();
    const element = await entryForm(await viaProxy(), room.tokens[0] as string);
    await join(element, 'Ana Lima');
    await viewShown(element, 'waiting');
    const admitted = oneEvent(element, 'guest-admitted');
    await cut(1500);
    // Straight to the API, not through the proxy: the guest cannot hear it as it happens.
    await decide(room, 'admit');
    const event = await admitted;
    expect(event.detail.guest).to.include({ name: 'Ana Lima', status: 'admitted' });
    await viewShown(element, 'admitted');
  });

  it('keeps its place without a new use, and hears the room live again once back', async () => {
    const room = await setupRoom();
    const element = await entryForm(await viaProxy(), room.tokens[0] as string);
    await join(element, 'Ana Lima');
    await viewShown(element, 'waiting');
    await cut(1500);
    // While it is away the guest is told so, and that their place is kept.
    await waitUntil(() => text(element).includes('Connection lost — reconnecting.'), 'the drop is not shown');
    expect(shadow(element).querySelector('[part="connection"]')?.getAttribute('role')).to.equal('status');
    await callApi({
      method: 'PATCH',
      path: `/v1/rooms/${room.roomId}/guest-access`,
      token: room.hostToken,
      body: { lobbyMessage: 'Back in five minutes.' },
    });
    // Set while the guest was away: it shows once the stream is back, and the guest is still the one waiting.
    await waitUntil(() => text(element).includes('Back in five minutes.'), 'the message set meanwhile', {
      timeout: 10_000,
    });
    expect(text(element)).to.contain("You're next in line.");
    expect(text(element)).not.to.contain('Connection lost');
    const guests = await guestsOf(room);
    expect(guests.map((guest) => guest.name)).to.deep.equal(['Ana Lima']);
    await waitUntil(async () => (await guestsOf(room))[0]?.online, 'the host does not see the guest here');
    expect(await usesOf(room)).to.equal(1);
  });

  it('tells the guest at once when the browser goes offline, and clears it once back', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await join(element, 'Ana Lima');
    await viewShown(element, 'waiting');
    // The lobby stream is open once the host sees the guest here.
    await waitUntil(async () => (await guestsOf(room))[0]?.online, 'the lobby stream did not open');
    // Said again until heard: the stream's listener comes with its answer, just after the server counts it.
    await waitUntil(() => {
      window.dispatchEvent(new Event('offline'));
      return text(element).includes('Connection lost — reconnecting.');
    }, 'going offline not shown');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => !text(element).includes('Connection lost'), 'the notice stayed once back');
    await decide(room, 'admit');
    await viewShown(element, 'admitted');
  });
});
