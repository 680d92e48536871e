// <guest-access-manager> shows who is really there (issue 12): online/offline, "asked again (N)", and Admit
// disabled with the reason while guest access is off.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import { allByRole, byRole, callApi, openManager, setupRoom } from './guest-access-manager.helpers.ts';

const waitingGuests = (element: GuestAccessManager) =>
  allByRole(byRole(element, 'heading', 'Waiting room').closest('section') as HTMLElement, 'listitem');
const textOf = (element: HTMLElement) => element.textContent?.replace(/\s+/g, ' ') ?? '';

describe('<guest-access-manager> presence', () => {
  it('shows a waiting guest online while their stream is open, offline after, and how often they asked again', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const redeemed = await callApi({
      method: 'POST',
      path: `/v1/links/${room.tokens[0]}/guests`,
      body: { name: 'Ana Lima', email: 'ana@example.com' },
    });
    const { guest, session } = redeemed.body as { guest: { id: string }; session: string };
    const element = await openManager(room);
    await waitUntil(() => waitingGuests(element).length === 1, 'guest not listed');
    expect(textOf(waitingGuests(element)[0])).to.include('offline');

    const stream = new AbortController();
    void fetch(`${room.url}/v1/guest/events`, {
      headers: { authorization: `Bearer ${session}` },
      signal: stream.signal,
    }).catch(() => undefined);
    await waitUntil(() => textOf(waitingGuests(element)[0]).includes('online'), 'never online', {
      timeout: 2000,
    });
    stream.abort();
    await waitUntil(() => textOf(waitingGuests(element)[0]).includes('offline since'), 'never offline', {
      timeout: 2000,
    });

    const deny = `/v1/rooms/${room.roomId}/guests/${guest.id}/deny`;
    await callApi({ method: 'POST', path: deny, token: room.hostToken });
    await callApi({ method: 'POST', path: '/v1/guest/session/knock', token: session });
    await waitUntil(
      () =>
        waitingGuests(element).length === 1 && textOf(waitingGuests(element)[0]).includes('asked again (1)'),
      'the knock is not shown',
      { timeout: 2000 },
    );
    await expect(element).to.be.accessible();
  });

  it('disables Admit with the reason while guest access is off', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    await callApi({
      method: 'POST',
      path: `/v1/links/${room.tokens[0]}/guests`,
      body: { name: 'Ana Lima', email: 'ana@example.com' },
    });
    await callApi({
      method: 'PATCH',
      path: `/v1/rooms/${room.roomId}/guest-access`,
      token: room.hostToken,
      body: { enabled: false },
    });
    const element = await openManager(room);
    await waitUntil(() => waitingGuests(element).length === 1, 'guest not listed');
    const admit = byRole(element, 'button', 'Admit Ana Lima') as HTMLButtonElement;
    expect(admit.disabled).to.equal(true);
    expect(textOf(element.shadowRoot as unknown as HTMLElement)).to.include('Turn on guest access to admit');
    await expect(element).to.be.accessible();
  });
});

describe('<guest-access-manager> waiting count', () => {
  it('counts waiting guests (waiting-count) and fires guest-waiting for each arrival and knock, window closed', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    // show() is never called: the modal window stays closed, the element still follows the room.
    expect(element.waitingCount).to.equal(0);
    expect(element.getAttribute('waiting-count')).to.equal('0');

    const arrival = oneEvent(element, 'guest-waiting');
    const redeemed = await callApi({
      method: 'POST',
      path: `/v1/links/${room.tokens[0]}/guests`,
      body: { name: 'Ana Lima', email: 'ana@example.com' },
    });
    const { guest, session } = redeemed.body as { guest: { id: string }; session: string };
    expect((await arrival).detail.guest).to.include({ id: guest.id, name: 'Ana Lima', status: 'waiting' });
    await waitUntil(() => element.getAttribute('waiting-count') === '1', 'count not reflected');

    await callApi({
      method: 'POST',
      path: `/v1/rooms/${room.roomId}/guests/${guest.id}/deny`,
      token: room.hostToken,
    });
    await waitUntil(() => element.waitingCount === 0, 'denial not counted');
    const knock = oneEvent(element, 'guest-waiting');
    await callApi({ method: 'POST', path: '/v1/guest/session/knock', token: session });
    expect((await knock).detail.guest).to.include({ id: guest.id, knocks: 1 });
    await waitUntil(() => element.getAttribute('waiting-count') === '1', 'knock not counted');
  });
});

describe('<guest-access-manager> lobby message', () => {
  it('saves the message waiting guests see', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    const field = byRole(element, 'textbox', 'Message to waiting guests') as HTMLTextAreaElement;
    field.value = 'We start at 10:05.';
    const changed = oneEvent(element, 'guest-access-change');
    byRole(element, 'button', 'Save message').click();
    expect((await changed).detail.lobbyMessage).to.equal('We start at 10:05.');
    const access = await callApi({ path: `/v1/rooms/${room.roomId}/guest-access`, token: room.hostToken });
    expect((access.body as { lobbyMessage: string }).lobbyMessage).to.equal('We start at 10:05.');
    await expect(element).to.be.accessible();
  });
});
