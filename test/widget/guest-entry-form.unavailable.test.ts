// <guest-entry-form> on every invalid link (SPEC rule 14): the access-removed page, with the room's
// title and schedule only where the link was real, and a language selector — against the real API.
import { expect, waitUntil } from '@open-wc/testing';
import {
  advanceClock,
  callApi,
  entryForm,
  find,
  type Room,
  setupRoom,
  shadow,
  viewShown,
} from './guest-entry-form.helpers.ts';

afterEach(() => sessionStorage.clear());

const MESSAGE = 'Access to this media via this link was removed. Please contact the media owner for access.';
const DAY_MS = 24 * 60 * 60 * 1000;

async function expectAccessRemovedPage(room: Room, token: string) {
  const element = await entryForm(room, token);
  await viewShown(element, 'unavailable');
  expect(find(element, '[part=message]').textContent).to.equal(MESSAGE);
  expect(shadow(element).querySelector('form')).to.equal(null);
  return element;
}

async function expectRoomShown(room: Room, token: string) {
  const element = await expectAccessRemovedPage(room, token);
  expect(find(element, 'h1').textContent).to.equal('Make your next event a next-level event');
  expect(find(element, '[part=schedule]').textContent).to.contain('2026');
  return element;
}

describe('<guest-entry-form> access removed', () => {
  it('shows the page with the room for an expired link', async () => {
    const room = await setupRoom({ links: [{ name: 'One day', durationDays: 1 }] });
    await advanceClock(DAY_MS + 60_000);
    await expectRoomShown(room, room.tokens[0] as string);
  });

  it('shows the page with the room for a used-up link', async () => {
    const room = await setupRoom({ links: [{ name: 'Once', maxUses: 1 }] });
    const token = room.tokens[0] as string;
    const first = await callApi({
      method: 'POST',
      path: `/v1/links/${token}/guests`,
      body: { name: 'First', email: 'first@example.com' },
    });
    expect(first.status).to.equal(201);
    await expectRoomShown(room, token);
  });

  it('shows the page with the room when guest access is off', async () => {
    const room = await setupRoom({ enabled: false });
    await expectRoomShown(room, room.tokens[0] as string);
  });

  it('shows the page with the room once the room was removed', async () => {
    const room = await setupRoom();
    const removed = await callApi({
      method: 'DELETE',
      path: `/v1/admin/rooms/${room.roomId}`,
      token: room.apiKey,
    });
    expect(removed.status).to.be.below(300);
    await expectRoomShown(room, room.tokens[0] as string);
  });

  it('shows the same page without room details for an unknown token', async () => {
    const room = await setupRoom();
    const element = await expectAccessRemovedPage(room, 'x8Qm1Yb2zkPp0aR7wT5uLc3nVd6sHe9jKf4gNiAo1Bq');
    expect(find(element, 'h1').textContent).to.equal('Link unavailable');
    expect(shadow(element).querySelector('[part=schedule]')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('shows the page, not "Cannot reach the server", for unknown tokens a mail client mangled', async () => {
    const room = await setupRoom();
    for (const token of ['x8Qm1Yb2zkPp0aR7wT5uLc3nVd6sHe9jKf4gNiAo1Bq.', 'nope=', 'nope ', 'a/b?c#d']) {
      const element = await expectAccessRemovedPage(room, token);
      expect(shadow(element).textContent, token).not.to.include('Cannot reach the server');
    }
  });

  it('opens the form for a real token with the trailing punctuation or space a mail client added', async () => {
    const room = await setupRoom();
    for (const suffix of ['.', '=', ' ', ').']) {
      const element = await entryForm(room, `${room.tokens[0]}${suffix}`);
      await viewShown(element, 'form');
      expect(find(element, 'h1').textContent).to.equal('Make your next event a next-level event');
    }
  });

  it('shows the same page without a token', async () => {
    const room = await setupRoom();
    const element = await expectAccessRemovedPage(room, '');
    expect(find(element, 'h1').textContent).to.equal('Link unavailable');
  });

  it('shows the page when the link becomes unusable between opening it and submitting', async () => {
    const room = await setupRoom();
    const token = room.tokens[0] as string;
    const element = await entryForm(room, token);
    await viewShown(element, 'form');
    await callApi({
      method: 'PATCH',
      path: `/v1/rooms/${room.roomId}/guest-access`,
      token: room.hostToken,
      body: { enabled: false },
    });
    const input = (field: string, value: string) => {
      const control = find<HTMLInputElement>(element, `#${field}`);
      control.value = value;
      control.dispatchEvent(new InputEvent('input'));
    };
    input('name', 'Late');
    input('email', 'late@example.com');
    await element.updateComplete;
    find(element, '[part=submit-button]').click();
    await viewShown(element, 'unavailable');
    expect(find(element, 'h1').textContent).to.equal('Make your next event a next-level event');
  });

  it('offers English, Spanish and Hebrew; Hebrew reads right to left', async () => {
    const room = await setupRoom({ enabled: false });
    const element = await expectRoomShown(room, room.tokens[0] as string);
    await expect(element).to.be.accessible();
    expect(find(element, '[part=language]').textContent).to.contain('EN ▾');
    const select = find<HTMLSelectElement>(element, '[part=language] select');
    select.value = 'he';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => find(element, '[part=base]').getAttribute('dir') === 'rtl', 'not right to left');
    expect(find(element, '[part=message]').textContent).to.equal(
      'הגישה למדיה זו באמצעות קישור זה הוסרה. פנו לבעלי המדיה לקבלת גישה.',
    );
    expect(find(element, '[part=schedule]').textContent).to.contain('2026');
    await expect(element).to.be.accessible();
  });
});
