// <guest-access-manager>: the waiting room follows the room's event stream and lets a moderator decide.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import type { GuestAccess, HostGuest } from '../../widget/internal/api-client.ts';
import {
  allByRole,
  byRole,
  callApi,
  linkRows,
  openManager,
  queryByRole,
  type Room,
  redeem,
  setupRoom,
} from './guest-access-manager.helpers.ts';

const waitingGuests = (element: GuestAccessManager) =>
  allByRole(byRole(element, 'heading', 'Waiting room').closest('section') as HTMLElement, 'listitem');

async function statusOf(room: Room, guestId: string): Promise<string | undefined> {
  const result = await callApi({ path: `/v1/rooms/${room.roomId}/guests`, token: room.hostToken });
  return (result.body as { guests: HostGuest[] }).guests.find((guest) => guest.id === guestId)?.status;
}

describe('<guest-access-manager> waiting room', () => {
  it('lists a guest within a second of redeeming a link, with email, link and wait, and counts the use', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Guest speakers', maxUses: 5 }] });
    const element = await openManager(room);
    expect(element.shadowRoot?.textContent).to.include('No guests are waiting.');

    await redeem(room, 0, 'Ana Lopez');

    await waitUntil(() => waitingGuests(element).length === 1, 'guest not listed', { timeout: 1000 });
    const text = waitingGuests(element)[0].textContent?.replace(/\s+/g, ' ');
    expect(text).to.include('Ana Lopez');
    expect(text).to.include('ana.lopez@example.com');
    expect(text).to.include('via “Guest speakers”');
    expect(text).to.match(/arrived (now|\d+ seconds? ago)/);
    await waitUntil(() => linkRows(element)[0][2] === '1 of 5 used', 'use not counted live', {
      timeout: 1000,
    });
    await waitUntil(
      () => byRole(element, 'status').textContent?.includes('Ana Lopez is waiting to be admitted'),
      'arrival not announced',
    );
  });

  it("shows the waiting guests right under the section's heading, before its settings", async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    await redeem(room, 0, 'Ana Lopez');
    await waitUntil(() => waitingGuests(element).length === 1, 'guest not listed', { timeout: 2000 });
    const section = byRole(element, 'heading', 'Waiting room').closest('section') as HTMLElement;
    const guest = waitingGuests(element)[0] as HTMLElement;
    const settings = [
      byRole(section, 'switch', 'Guests wait for a moderator to admit them'),
      byRole(section, 'textbox', 'Message to waiting guests'),
    ];
    for (const setting of settings) {
      expect(
        guest.compareDocumentPosition(setting) & Node.DOCUMENT_POSITION_FOLLOWING,
        `${setting.getAttribute('part')} comes after the guest`,
      ).to.not.equal(0);
    }
  });

  it('admits one guest, fires guest-admit and takes them off the list', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const ana = await redeem(room, 0, 'Ana');
    await redeem(room, 0, 'Bea');
    const element = await openManager(room);
    expect(waitingGuests(element)).to.have.length(2);

    const admitted = oneEvent(element, 'guest-admit');
    byRole(element, 'button', 'Admit Ana').click();

    expect((await admitted).detail.guestIds).to.deep.equal([ana.id]);
    await waitUntil(() => waitingGuests(element).length === 1, 'still listed');
    expect(waitingGuests(element)[0].textContent).to.include('Bea');
    expect(await statusOf(room, ana.id)).to.equal('admitted');
  });

  it('denies a guest', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const ana = await redeem(room, 0, 'Ana');
    const element = await openManager(room);

    byRole(element, 'button', 'Deny Ana').click();

    await waitUntil(() => waitingGuests(element).length === 0, 'still listed');
    expect(await statusOf(room, ana.id)).to.equal('denied');
    expect(element.shadowRoot?.textContent).to.include('No guests are waiting.');
  });

  it('admits every waiting guest with Admit all', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const guests = [await redeem(room, 0, 'Ana'), await redeem(room, 0, 'Bea'), await redeem(room, 0, 'Cem')];
    const element = await openManager(room);

    const admitted = oneEvent(element, 'guest-admit');
    byRole(element, 'button', 'Admit all').click();

    expect((await admitted).detail.guestIds).to.have.members(guests.map((guest) => guest.id));
    await waitUntil(() => waitingGuests(element).length === 0, 'still listed');
    for (const guest of guests) expect(await statusOf(room, guest.id)).to.equal('admitted');
    expect(queryByRole(element, 'button', 'Admit all')).to.be.undefined;
  });

  it("keeps keyboard focus in the list when a decided guest's row goes away", async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    await redeem(room, 0, 'Ana');
    await redeem(room, 0, 'Bea');
    const element = await openManager(room);
    const focused = () => element.shadowRoot?.activeElement as HTMLElement | null;

    byRole(element, 'button', 'Deny Ana').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => waitingGuests(element).length === 1, 'still listed');
    await waitUntil(() => focused()?.getAttribute('aria-label') === 'Admit Bea', 'focus not on the next row');

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => waitingGuests(element).length === 0, 'still listed');
    await waitUntil(() => focused()?.textContent === 'Waiting room', 'focus not on the heading');
  });

  it('removes a guest admitted by another moderator from the list', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const ana = await redeem(room, 0, 'Ana');
    const element = await openManager(room);

    await callApi({
      method: 'POST',
      path: `/v1/rooms/${room.roomId}/guests/${ana.id}/admit`,
      token: room.hostToken,
    });

    await waitUntil(() => waitingGuests(element).length === 0, 'still listed', { timeout: 1000 });
  });

  it('switches the admission policy: "Guests wait for a moderator to admit them" off admits on submit', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    const policy = byRole<HTMLInputElement>(element, 'switch', 'Guests wait for a moderator to admit them');
    expect(policy.checked).to.be.true;

    const changed = oneEvent(element, 'guest-access-change');
    policy.click();

    expect((await changed).detail).to.deep.equal({ enabled: true, admission: 'auto', lobbyMessage: null });
    const access = await callApi({ path: `/v1/rooms/${room.roomId}/guest-access`, token: room.hostToken });
    expect((access.body as GuestAccess).admission).to.equal('auto');
    const guest = await redeem(room, 0, 'Ana');
    expect(await statusOf(room, guest.id)).to.equal('admitted');
    expect(element.shadowRoot?.textContent).to.include(
      'Guests join as soon as they enter their name and email.',
    );
  });
});
