// <guest-entry-form> after the form: the waiting room, the moderator's decisions arriving by server
// push, the hand-off, leaving, and a refresh resuming the session — against the real API.
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { GuestEntryForm } from '../../widget/guest-entry-form/guest-entry-form.ts';
import {
  callApi,
  decide,
  entryForm,
  find,
  guestsOf,
  join,
  setupRoom,
  shadow,
  usesOf,
  viewShown,
} from './guest-entry-form.helpers.ts';

afterEach(() => sessionStorage.clear());

/** A refresh of the entry page: the element goes away and a new one opens the same link. */
async function refresh(room: Parameters<typeof entryForm>[0], token: string) {
  fixtureCleanup();
  return entryForm(room, token);
}

describe('<guest-entry-form> lobby', () => {
  it('waits for the moderator, then fires guest-admitted with the session and the join URL', async () => {
    const room = await setupRoom({ joinUrl: 'https://media.example/rooms/town-hall' });
    const element = await entryForm(room, room.tokens[0] as string);
    await join(element);
    await viewShown(element, 'waiting');
    expect(shadow(element).textContent).to.contain('Joining as Ana Guest');
    await expect(element).to.be.accessible();

    const admitted = oneEvent(element, 'guest-admitted');
    await decide(room, 'admit');
    const event = await admitted;
    expect(event.cancelable).to.equal(true);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.guest).to.include({ name: 'Ana Guest', status: 'admitted' });
    expect(event.detail.room.joinUrl).to.equal('https://media.example/rooms/town-hall');
    expect(event.detail.session).to.be.a('string').with.length.above(20);
    const session = await callApi({ path: '/v1/guest/session', token: event.detail.session });
    expect(session.status).to.equal(200);
    await viewShown(element, 'admitted');
  });

  it("goes to the room's joinUrl with the session in the fragment unless the page handles guest-admitted", async () => {
    const joinUrl = new URL('/joined-the-session?room=1', location.origin).href;
    const room = await setupRoom({ admission: 'auto', joinUrl });
    // A page of its own (this test page keeps every hand-off): the element in a same-origin frame.
    const frame = await fixture<HTMLIFrameElement>(html`<iframe title="Entry page"></iframe>`);
    const loaded = () => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    let load = loaded();
    frame.srcdoc = `<script type="module" src="/widget/guest-entry-form/define.ts"></script>
      <guest-entry-form api="${room.url}" token="${room.tokens[0]}"></guest-entry-form>`;
    await load;
    const element = frame.contentDocument?.querySelector('guest-entry-form') as GuestEntryForm;
    await waitUntil(() => element.shadowRoot, 'the element did not start in the frame');
    load = loaded();
    await join(element);
    await load;
    const landed = new URL(frame.contentWindow?.location.href ?? '');
    expect(landed.pathname + landed.search).to.equal('/joined-the-session?room=1');
    const session = new URLSearchParams(landed.hash.slice(1)).get('session') ?? '';
    expect((await callApi({ path: '/v1/guest/session', token: session })).status).to.equal(200);
  });

  it('admits on submit under the auto policy', async () => {
    const room = await setupRoom({ admission: 'auto' });
    const element = await entryForm(room, room.tokens[0] as string);
    const admitted = oneEvent(element, 'guest-admitted');
    await join(element);
    const event = await admitted;
    expect(event.detail.guest.status).to.equal('admitted');
    expect(event.detail.room.joinUrl).to.be.a('string');
    await viewShown(element, 'admitted');
  });

  it('shows a clear page when the moderator denies entry', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await join(element);
    await viewShown(element, 'waiting');
    await decide(room, 'deny');
    await viewShown(element, 'denied');
    expect(find(element, 'h2').textContent).to.equal('You were not admitted');
    expect(shadow(element).activeElement).to.equal(find(element, 'h2'));
    await expect(element).to.be.accessible();
  });

  it('ends the session at once when a moderator removes the admitted guest', async () => {
    const room = await setupRoom({ admission: 'auto' });
    const element = await entryForm(room, room.tokens[0] as string);
    await join(element);
    await viewShown(element, 'admitted');
    await decide(room, 'remove');
    await viewShown(element, 'removed');
    expect(shadow(element).textContent).to.contain('A moderator removed you from the session.');
  });

  it('leaves the waiting room with Leave', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await join(element);
    await viewShown(element, 'waiting');
    find(element, '[part=leave-button]').click();
    await viewShown(element, 'left');
    expect((await guestsOf(room))[0]?.status).to.equal('left');
    // Joining again is a new attempt from the form.
    find(element, '[part=join-again-button]').click();
    await viewShown(element, 'form');
  });

  it('resumes waiting after a refresh without a new use, then gets admitted', async () => {
    const room = await setupRoom();
    const token = room.tokens[0] as string;
    const first = await entryForm(room, token);
    await join(first);
    await viewShown(first, 'waiting');

    const element = await refresh(room, token);
    await viewShown(element, 'waiting');
    expect(await usesOf(room)).to.equal(1);
    expect(await guestsOf(room)).to.have.length(1);

    const admitted = oneEvent(element, 'guest-admitted');
    await decide(room, 'admit');
    expect((await admitted).detail.guest.status).to.equal('admitted');
  });

  it('resumes the hand-off of an admitted guest after a refresh without a new use', async () => {
    const room = await setupRoom({ admission: 'auto' });
    const token = room.tokens[0] as string;
    const first = await entryForm(room, token);
    const admittedFirst = oneEvent(first, 'guest-admitted');
    await join(first);
    const { session } = (await admittedFirst).detail;

    const admittedAgain = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('guest-admitted', resolve as EventListener, { once: true }),
    );
    await refresh(room, token);
    expect((await admittedAgain).detail.session).to.equal(session);
    expect(await usesOf(room)).to.equal(1);
  });

  it('shows the access-removed page on refresh after the link was deleted (the session stays until then)', async () => {
    const room = await setupRoom();
    const token = room.tokens[0] as string;
    const element = await entryForm(room, token);
    await join(element);
    await viewShown(element, 'waiting');
    const linkId = room.links[0]?.id;
    await callApi({
      method: 'DELETE',
      path: `/v1/rooms/${room.roomId}/links/${linkId}`,
      token: room.hostToken,
    });

    const refreshed = await refresh(room, token);
    await viewShown(refreshed, 'unavailable');
    expect(find(refreshed, 'h1').textContent).to.equal('Make your next event a next-level event');
    expect(find(refreshed, '[part=message]').textContent).to.equal(
      'Access to this media via this link was removed. Please contact the media owner for access.',
    );
  });
});
