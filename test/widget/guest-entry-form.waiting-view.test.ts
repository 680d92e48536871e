// The waiting view tells the truth (issue 12): who is joining, whether a host is here, the host's message,
// the place in line, the time waited, across a refresh; the denied view offers Ask again.
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import {
  callApi,
  decide,
  entryForm,
  find,
  join,
  setupRoom,
  shadow,
  viewShown,
} from './guest-entry-form.helpers.ts';

afterEach(() => sessionStorage.clear());

const text = (element: HTMLElement) =>
  (element.shadowRoot as ShadowRoot).textContent?.replace(/\s+/g, ' ') ?? '';

describe('<guest-entry-form> waiting view', () => {
  it('shows who is joining, the host absent then present, the message and the place in line, live', async () => {
    const room = await setupRoom();
    await callApi({
      method: 'PATCH',
      path: `/v1/rooms/${room.roomId}/guest-access`,
      token: room.hostToken,
      body: { lobbyMessage: 'We start at 10:05.' },
    });
    const element = await entryForm(room, room.tokens[0] as string);
    await join(element, 'Ana Lima');
    await viewShown(element, 'waiting');
    await waitUntil(() => text(element).includes("The host hasn't joined yet"), 'host absence not shown');
    expect(text(element)).to.contain('Joining as Ana Lima');
    expect(text(element)).to.contain('We start at 10:05.');
    expect(text(element)).to.contain("You're next in line.");
    expect(text(element)).to.contain('Waiting for less than a minute.');
    await expect(element).to.be.accessible();

    // A host who can admit opens the room's stream: the guest hears it within a second.
    const controller = new AbortController();
    void fetch(`${room.url}/v1/rooms/${room.roomId}/events`, {
      headers: { authorization: `Bearer ${room.hostToken}` },
      signal: controller.signal,
    }).catch(() => undefined);
    try {
      await waitUntil(
        () => text(element).includes('The host has been notified.'),
        'host presence not shown',
        {
          timeout: 2000,
        },
      );
    } finally {
      controller.abort();
    }
    await waitUntil(() => text(element).includes("The host hasn't joined yet"), 'host leaving not shown', {
      timeout: 2000,
    });

    // A refresh resumes the same view.
    fixtureCleanup();
    const again = await entryForm(room, room.tokens[0] as string);
    await viewShown(again, 'waiting');
    await waitUntil(() => text(again).includes('Joining as Ana Lima'), 'the refresh lost the waiting view');
    expect(text(again)).to.contain('We start at 10:05.');

    // Not you? leaves.
    find(again, '[part=not-you-button]').click();
    await viewShown(again, 'left');
  });

  it('keeps "Not you?" on the line of a long name, with no gap above it', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    element.style.inlineSize = '20rem';
    await join(element, 'Maximiliana Alexandra Konstantinopoulou-Vanderbilt-Richardson');
    await viewShown(element, 'waiting');
    const joiningAs = shadow(element).querySelector('.joining-as') as HTMLElement;
    const lineHeight = Number.parseFloat(getComputedStyle(joiningAs).lineHeight);
    const lines = joiningAs.getBoundingClientRect().height / lineHeight;
    // Wrapped over whole lines: a button set apart by a margin of its own adds part of a line.
    expect(lines).to.be.at.least(2);
    expect(Math.abs(lines - Math.round(lines)), `${lines} lines`).to.be.below(0.1);
  });

  it('offers Ask again when denied, then holds it with the seconds left', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await join(element, 'Ana Lima');
    await viewShown(element, 'waiting');
    await decide(room, 'deny');
    await viewShown(element, 'denied');
    await waitUntil(() => shadow(element).querySelector('[part=ask-again-button]'), 'no Ask again');
    await expect(element).to.be.accessible();
    find(element, '[part=ask-again-button]').click();
    await viewShown(element, 'waiting');
    await decide(room, 'deny');
    await viewShown(element, 'denied');
    await waitUntil(
      () => find(element, '[part=ask-again-button]').getAttribute('aria-disabled') === 'true',
      'Ask again was not held',
    );
    expect(text(element)).to.match(/Ask again in \d+ s/);
  });
});
