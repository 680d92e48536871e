// <guest-access-manager>: the guests in the session, each of whom a moderator can remove (SPEC rule 6),
// following the room's event stream like the waiting room (SPEC rule 10).
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import {
  allByRole,
  byRole,
  callApi,
  openManager,
  type Room,
  redeem,
  setupRoom,
} from './guest-access-manager.helpers.ts';

const section = (element: GuestAccessManager, title: string) =>
  byRole(element, 'heading', title).closest('section') as HTMLElement;
const inSession = (element: GuestAccessManager) => allByRole(section(element, 'In the session'), 'listitem');
const waiting = (element: GuestAccessManager) => allByRole(section(element, 'Waiting room'), 'listitem');
const text = (item: HTMLElement) => item.textContent?.replace(/\s+/g, ' ') ?? '';

/** A guest redeems the room's first link; returns the guest and their guest-session token. */
async function enter(room: Room, name: string): Promise<{ id: string; session: string }> {
  const result = await callApi({
    method: 'POST',
    path: `/v1/links/${room.tokens[0]}/guests`,
    body: { name, email: `${name.toLowerCase()}@example.com` },
    headers: { 'Idempotency-Key': `in-session-${name}-${Date.now()}` },
  });
  const body = result.body as { guest: { id: string }; session: string };
  return { id: body.guest.id, session: body.session };
}

const admitThroughApi = (room: Room, guestId: string) =>
  callApi({
    method: 'POST',
    path: `/v1/rooms/${room.roomId}/guests/${guestId}/admit`,
    token: room.hostToken,
  });

describe('<guest-access-manager> guests in the session', () => {
  it('SPEC rule 6: a guest whom a moderator removes is disconnected at once (Remove in "In the session")', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const ana = await enter(room, 'Ana');
    await admitThroughApi(room, ana.id);
    const element = await openManager(room);

    expect(inSession(element)).to.have.length(1);
    const row = text(inSession(element)[0]);
    expect(row).to.include('Ana');
    expect(row).to.include('ana@example.com');
    expect(row).to.include('via “Press”');
    expect(row).to.match(/joined (now|\d+ seconds? ago)/);

    const removed = oneEvent(element, 'guest-remove');
    byRole(element, 'button', 'Remove Ana').click();

    expect((await removed).detail.guestIds).to.deep.equal([ana.id]);
    await waitUntil(() => inSession(element).length === 0, 'still listed in the session');
    expect(section(element, 'In the session').textContent).to.include('No guests are in the session.');
    const session = await callApi({ path: '/v1/guest/session', token: ana.session });
    expect((session.body as { guest: { status: string } }).guest.status).to.equal('removed');
    await waitUntil(
      () => byRole(element, 'status').textContent?.includes('Ana removed from the session'),
      'removal not announced',
    );
  });

  it('SPEC rule 10: the list follows the room live — another moderator admits a guest, a guest leaves', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const bea = await enter(room, 'Bea');
    const element = await openManager(room);
    expect(waiting(element)).to.have.length(1);
    expect(inSession(element)).to.have.length(0);

    await admitThroughApi(room, bea.id);

    await waitUntil(() => inSession(element).length === 1, 'admitted guest not listed live', {
      timeout: 1000,
    });
    expect(text(inSession(element)[0])).to.include('Bea');
    expect(waiting(element)).to.have.length(0);

    await callApi({ method: 'DELETE', path: '/v1/guest/session', token: bea.session });
    await waitUntil(() => inSession(element).length === 0, 'departed guest still listed', { timeout: 1000 });
  });

  it('moves a guest the host admits from the waiting room into the session', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    await redeem(room, 0, 'Cem');
    const element = await openManager(room);

    byRole(element, 'button', 'Admit Cem').click();

    await waitUntil(() => inSession(element).length === 1, 'not in the session');
    expect(waiting(element)).to.have.length(0);
  });

  it('Remove works from the keyboard, and axe-core finds no violations with guests in the session', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const dan = await enter(room, 'Dan');
    await admitThroughApi(room, dan.id);
    await enter(room, 'Eva');
    const element = await openManager(room);
    await expect(element).to.be.accessible();

    const remove = byRole(element, 'button', 'Remove Dan');
    for (let i = 0; i < 20 && element.shadowRoot?.activeElement !== remove; i++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(element.shadowRoot?.activeElement).to.equal(remove);
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => inSession(element).length === 0, 'not removed');
    const session = await callApi({ path: '/v1/guest/session', token: dan.session });
    expect((session.body as { guest: { status: string } }).guest.status).to.equal('removed');
  });

  it('speaks Hebrew and Spanish in the session list', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const ana = await enter(room, 'Ana');
    await admitThroughApi(room, ana.id);
    const element = await openManager(room, { lang: 'he' });
    await waitUntil(() => element.shadowRoot?.textContent?.includes('בסשן'), 'not Hebrew');
    expect(byRole(element, 'button', 'הסרה של Ana')).to.exist;

    element.lang = 'es';
    await waitUntil(() => element.shadowRoot?.textContent?.includes('En la sesión'), 'not Spanish');
    expect(byRole(element, 'button', 'Quitar a Ana')).to.exist;
  });
});
