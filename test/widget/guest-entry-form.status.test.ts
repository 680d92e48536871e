// One status template (issue 13, item 7): every state after the form shows an icon, a title, one
// sentence and at most one action — on the entry page, and (demo test) on the demo's media page.
import { expect, waitUntil } from '@open-wc/testing';
import { canGo } from '../../widget/guest-entry-form/guest-session.ts';
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

/** The template's parts in a rendered status view. */
function anatomy(element: HTMLElement) {
  const root = shadow(element as never);
  const status = root.querySelector('[part=status]') as HTMLElement;
  return {
    icon: status.querySelector('[part=status-icon] svg'),
    title: status.querySelector('[part=status-title]')?.textContent?.trim(),
    message: status.querySelector('[part=message]')?.textContent?.trim(),
    actions: [...status.querySelectorAll(':scope > button')].map((button) => button.textContent?.trim()),
  };
}

describe('<guest-entry-form> status template', () => {
  it('denied, then asked again and waiting, then left: icon, title, sentence, one action each', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await join(element, 'Ana Lima');
    await viewShown(element, 'waiting');
    expect(anatomy(element)).to.deep.include({ title: 'Waiting to be admitted', actions: ['Leave'] });
    await decide(room, 'deny');
    await viewShown(element, 'denied');
    await waitUntil(() => anatomy(element).actions.length === 1, 'no Ask again');
    const denied = anatomy(element);
    expect(denied.icon).to.exist;
    expect(denied).to.deep.include({
      title: 'You were not admitted',
      message: 'The host did not let you into this session.',
      actions: ['Ask again'],
    });
    find(element, '[part=ask-again-button]').click();
    await viewShown(element, 'waiting');
    find(element, '[part=leave-button]').click();
    await viewShown(element, 'left');
    const left = anatomy(element);
    expect(left.icon).to.exist;
    expect(left).to.deep.include({
      title: 'You left the waiting room',
      message: 'The host no longer sees you in the waiting room.',
      actions: ['Join again'],
    });
    await expect(element).to.be.accessible();
  });

  it('removed and link unavailable: icon, title, sentence, no action', async () => {
    const room = await setupRoom({ admission: 'auto' });
    const element = await entryForm(room, room.tokens[0] as string);
    await join(element);
    await viewShown(element, 'admitted');
    expect(anatomy(element).title).to.equal("You're in");
    await decide(room, 'remove');
    await viewShown(element, 'removed');
    expect(anatomy(element)).to.deep.include({
      title: 'You were removed',
      message: 'A moderator removed you from the session.',
      actions: [],
    });
    await callApi({
      method: 'PATCH',
      path: `/v1/rooms/${room.roomId}/guest-access`,
      token: room.hostToken,
      body: { enabled: false },
    });
    sessionStorage.clear(); // another guest, on the same link
    const closed = await entryForm(room, room.tokens[0] as string);
    await viewShown(closed, 'unavailable');
    const unavailable = anatomy(closed);
    expect(unavailable.icon).to.exist;
    expect(unavailable).to.deep.include({ title: 'Link unavailable', actions: [] });
    // Below the room's own title, the status title is a second-level heading.
    expect(find(closed, '[part=status-title]').tagName).to.equal('H2');
    await expect(closed).to.be.accessible();
  });

  it('server unreachable: a title, a sentence and Try again, which starts over', async () => {
    const room = await setupRoom();
    const element = await entryForm({ url: 'http://127.0.0.1:9' }, room.tokens[0] as string);
    await viewShown(element, 'offline');
    expect(anatomy(element)).to.deep.include({
      title: "Can't reach the server",
      message: 'Check your connection, then try again.',
      actions: ['Try again'],
    });
    element.api = room.url;
    await element.updateComplete;
    await viewShown(element, 'form');
  });
});

describe('guest session states', () => {
  it('allows only the transitions of the table', () => {
    expect(canGo('form', 'waiting')).to.equal(true);
    expect(canGo('waiting', 'admitted')).to.equal(true);
    expect(canGo('denied', 'waiting')).to.equal(true);
    // A late decision cannot reopen an end state, nor skip the lobby.
    expect(canGo('removed', 'waiting')).to.equal(false);
    expect(canGo('left', 'admitted')).to.equal(false);
    expect(canGo('form', 'denied')).to.equal(false);
    // Every state can start over, and every step can be refused or cut off.
    for (const state of ['form', 'waiting', 'admitted', 'denied', 'removed', 'left'] as const) {
      expect(canGo(state, 'loading'), state).to.equal(true);
      expect(canGo(state, 'offline'), state).to.equal(true);
    }
  });
});
