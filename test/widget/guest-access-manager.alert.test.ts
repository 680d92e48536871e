// <guest-access-manager> tells a host with the window closed that someone knocked (issue 12): the
// non-modal alert with Admit and View, the title badge, the chime's rate limit, browser notifications
// only after opting in and only while the tab is hidden, and the question before admission turns
// automatic while guests wait.
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import { deepActiveElement } from '../../widget/guest-access-manager/modal-dialog.ts';
import {
  alertOf,
  byRole,
  callApi,
  closedManager,
  fakeNotifications,
  optInToNotifications,
  queryByRole,
  type Room,
  redeem,
  setupRoom,
} from './guest-access-manager.helpers.ts';

const textOf = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * Checked with axe once the alert's entrance (a 0.2 s fade) has ended: mid-fade its colours are not yet its
 * own. Endless animations (a spinner) are not waited for.
 */
async function expectAccessible(element: GuestAccessManager) {
  const animations = (element.shadowRoot as ShadowRoot)
    .getAnimations()
    .filter((animation) => animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY);
  await Promise.all(animations.map((animation) => animation.finished.catch(() => undefined)));
  await expect(element).to.be.accessible();
}

/** A control on the page before the element, focused (where the host was when a guest knocked). */
function focusedPageControl(element: GuestAccessManager): HTMLButtonElement {
  const control = document.createElement('button');
  control.textContent = 'Page control';
  element.before(control);
  control.focus();
  return control;
}

/** A page's Share button that opened the window once (the host then closed it): the window's opener. */
async function openedOnceByShare(element: GuestAccessManager): Promise<HTMLButtonElement> {
  const share = document.createElement('button');
  share.textContent = 'Share';
  share.addEventListener('click', () => void element.show());
  element.before(share);
  share.focus();
  share.click();
  await waitUntil(() => element.shadowRoot?.querySelector('dialog.main-window[open]'), 'not opened');
  element.close();
  return share;
}

async function guestsWith(room: Room, status: string): Promise<string[]> {
  const listed = await callApi({
    path: `/v1/rooms/${room.roomId}/guests?status=${status}`,
    token: room.hostToken,
  });
  return (listed.body as { guests: Array<{ name: string }> }).guests.map((guest) => guest.name);
}

const admission = async (room: Room) =>
  (
    (await callApi({ path: `/v1/rooms/${room.roomId}/guest-access`, token: room.hostToken })).body as {
      admission: string;
    }
  ).admission;

describe('<guest-access-manager> knock alert', () => {
  it('shows "Ana Lima is waiting" while the window is closed, without taking focus, and admits from it', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await closedManager(room);
    const pageButton = focusedPageControl(element);

    await redeem(room, 0, 'Ana Lima');
    await waitUntil(() => alertOf(element), 'no alert', { timeout: 5000 });
    const alert = alertOf(element) as HTMLElement;
    expect(textOf(alert.querySelector('p'))).to.equal('Ana Lima is waiting');
    expect(alert.getAttribute('role')).to.equal(null);
    expect(document.activeElement === pageButton, 'focus stays on the page').to.equal(true);
    const status = (element.shadowRoot as ShadowRoot).querySelector('[role="status"]');
    await waitUntil(() => textOf(status) === 'Ana Lima is waiting to be admitted', 'not announced');
    await expectAccessible(element);

    byRole(alert, 'button', 'Admit Ana Lima').click();
    await waitUntil(() => !alertOf(element), 'the alert stayed after admitting', { timeout: 5000 });
    expect(await guestsWith(room, 'admitted')).to.deep.equal(['Ana Lima']);
    expect(element.waitingCount).to.equal(0);
  });

  it('gives focus to the control that opened the window when the last guest is admitted from the alert, and says so', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await closedManager(room);
    const share = await openedOnceByShare(element);
    share.blur();

    await redeem(room, 0, 'Ana Lima');
    await waitUntil(() => alertOf(element), 'no alert', { timeout: 5000 });
    const admit = byRole(alertOf(element) as HTMLElement, 'button', 'Admit Ana Lima');
    admit.focus();
    admit.click();
    await waitUntil(() => !alertOf(element), 'the alert stayed after admitting', { timeout: 5000 });
    await element.updateComplete;
    expect(deepActiveElement() === share, `focus on ${deepActiveElement()?.tagName}, not Share`).to.equal(
      true,
    );
    const status = (element.shadowRoot as ShadowRoot).querySelector('[role="status"]');
    await waitUntil(() => textOf(status) === 'Guest admitted', `announced "${textOf(status)}"`);
  });

  it('gives focus back where it came from when the alert goes away and no control opened the window', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await closedManager(room);
    const pageButton = focusedPageControl(element);

    await redeem(room, 0, 'Ana Lima');
    await waitUntil(() => alertOf(element), 'no alert', { timeout: 5000 });
    const dismiss = byRole(alertOf(element) as HTMLElement, 'button', 'Dismiss');
    dismiss.focus();
    dismiss.click();
    await waitUntil(() => !alertOf(element), 'the alert stayed after Dismiss');
    await element.updateComplete;
    expect(deepActiveElement() === pageButton, `focus on ${deepActiveElement()?.tagName}`).to.equal(true);
  });

  it('is not shown while the window is open; View opens it at the waiting room', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await closedManager(room);
    await redeem(room, 0, 'Ana Lima');
    await waitUntil(() => alertOf(element), 'no alert', { timeout: 5000 });

    byRole(alertOf(element) as HTMLElement, 'button', 'View').click();
    await waitUntil(
      () => (element.shadowRoot as ShadowRoot).activeElement?.id === 'waiting-title',
      'not focused',
    );
    expect(alertOf(element)?.outerHTML ?? null).to.equal(null);
    await redeem(room, 0, 'Ben Cohen');
    await waitUntil(() => element.waitingCount === 2, 'second knock not counted', { timeout: 5000 });
    expect(alertOf(element)?.outerHTML ?? null).to.equal(null);

    element.close();
    await waitUntil(() => alertOf(element), 'no alert after closing');
    expect(textOf(alertOf(element)?.querySelector('p') ?? null)).to.equal('2 guests are waiting');
    expect(queryByRole(alertOf(element) as HTMLElement, 'button', 'Admit all')).to.not.equal(undefined);
  });

  it('View on a phone scrolls the waiting room to just below the window head, its first guest in view', async () => {
    await setViewport({ width: 375, height: 740 });
    try {
      const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
      const element = await closedManager(room);
      for (const name of ['Ana Lima', 'Ben Cohen', 'Chen Wei']) await redeem(room, 0, name);
      await waitUntil(() => element.waitingCount === 3, 'knocks not counted', { timeout: 5000 });
      await waitUntil(() => alertOf(element), 'no alert', { timeout: 5000 });

      byRole(alertOf(element) as HTMLElement, 'button', 'View').click();
      const root = element.shadowRoot as ShadowRoot;
      await waitUntil(() => root.activeElement?.id === 'waiting-title', 'not focused');
      // The section starts below the sticky head, not under it, and its first guest's Admit is in the window.
      const expectInView = (admitFirst: string) => {
        const head = root.querySelector('.main-window .window-head') as HTMLElement;
        const window = root.querySelector('dialog.main-window') as HTMLElement;
        const section = root.querySelector('[part~="waiting-room"]') as HTMLElement;
        const below = head.getBoundingClientRect().bottom;
        expect(section.getBoundingClientRect().top, 'the section under the head').to.be.at.least(below);
        const bottom = byRole(section, 'button', admitFirst).getBoundingClientRect().bottom;
        expect(bottom, admitFirst).to.be.at.most(window.getBoundingClientRect().bottom);
      };
      expectInView('Admit Ana Lima');

      // In Spanish the window's title takes two lines: a taller head.
      element.lang = 'es';
      await waitUntil(() => queryByRole(element, 'heading', 'Sala de espera'), 'no Spanish', {
        timeout: 5000,
      });
      element.close();
      await element.viewWaitingRoom();
      expectInView('Admitir a Ana Lima');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('gives focus to the control that opened the window when the host closes a window opened with View', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await closedManager(room);
    const share = await openedOnceByShare(element);

    await redeem(room, 0, 'Ana Lima');
    await waitUntil(() => alertOf(element), 'no alert', { timeout: 5000 });
    const view = byRole(alertOf(element) as HTMLElement, 'button', 'View');
    view.focus();
    view.click();
    await waitUntil(
      () => (element.shadowRoot as ShadowRoot).activeElement?.id === 'waiting-title',
      'not at the waiting room',
    );
    element.close();
    await element.updateComplete;
    expect(deepActiveElement() === share, `focus on ${deepActiveElement()?.tagName}, not Share`).to.equal(
      true,
    );
  });

  it('summarises several guests, and alerts="off" shows no alert', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await closedManager(room);
    const silent = await closedManager(room, { alerts: 'off' });
    for (const name of ['Ana Lima', 'Ben Cohen', 'Chen Wei']) await redeem(room, 0, name);
    await waitUntil(() => element.waitingCount === 3 && silent.waitingCount === 3, 'not counted', {
      timeout: 5000,
    });
    // The count and the alert's text are two renders apart (the alert may still be loading): wait for the text.
    await waitUntil(
      () => textOf(alertOf(element)?.querySelector('p') ?? null) === '3 guests are waiting',
      'the alert does not say "3 guests are waiting"',
      { timeout: 5000 },
    );
    expect(alertOf(silent)?.outerHTML ?? null).to.equal(null);

    byRole(alertOf(element) as HTMLElement, 'button', 'Admit all').click();
    await waitUntil(() => !alertOf(element), 'the alert stayed', { timeout: 5000 });
    expect((await guestsWith(room, 'admitted')).sort()).to.deep.equal(['Ana Lima', 'Ben Cohen', 'Chen Wei']);
  });

  it('title-badge puts "(N) " before the title while guests wait and restores it exactly', async () => {
    const before = document.title;
    document.title = 'Quarterly review · Northwind';
    try {
      const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
      const element = await closedManager(room, { titleBadge: true });
      await redeem(room, 0, 'Ana Lima');
      await waitUntil(() => document.title === '(1) Quarterly review · Northwind', 'no badge', {
        timeout: 5000,
      });
      await redeem(room, 0, 'Ben Cohen');
      await waitUntil(() => document.title === '(2) Quarterly review · Northwind', 'badge not updated', {
        timeout: 5000,
      });
      await callApi({
        method: 'POST',
        path: `/v1/rooms/${room.roomId}/guests/admit-all`,
        token: room.hostToken,
      });
      await waitUntil(() => element.waitingCount === 0, 'still waiting', { timeout: 5000 });
      await element.updateComplete;
      expect(document.title).to.equal('Quarterly review · Northwind');
    } finally {
      document.title = before;
    }
  });

  it('sound plays a chime at most once per 10 s', async () => {
    const original = window.AudioContext;
    const tones: number[] = [];
    class FakeAudioContext {
      currentTime = 0;
      destination = {};
      resume = async () => undefined;
      close = async () => undefined;
      createGain() {
        return { connect() {}, gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} } };
      }
      createOscillator() {
        return {
          type: '',
          frequency: { value: 0 },
          connect() {},
          start: () => tones.push(Date.now()),
          stop() {},
        };
      }
    }
    window.AudioContext = FakeAudioContext as unknown as typeof AudioContext;
    try {
      const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
      const element = await closedManager(room, { sound: true });
      const quiet = await closedManager(room);
      await redeem(room, 0, 'Ana Lima');
      await waitUntil(() => element.waitingCount === 1 && quiet.waitingCount === 1, 'not counted', {
        timeout: 5000,
      });
      // The chime comes with the alert's code, loaded with the first knock: after the count, on a busy machine.
      await waitUntil(() => tones.length > 0, 'no chime for the first knock', { timeout: 5000 });
      const oneChime = tones.length;
      await redeem(room, 0, 'Ben Cohen');
      await waitUntil(() => element.waitingCount === 2, 'not counted', { timeout: 5000 });
      expect(tones.length, 'a second knock within 10 s is silent').to.equal(oneChime);
    } finally {
      window.AudioContext = original;
    }
  });

  it('notifies only after the host opts in, and only while the tab is hidden', async () => {
    const { shown, visibility, restore } = fakeNotifications();
    try {
      const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
      const element = await closedManager(room);
      await redeem(room, 0, 'Ana Lima');
      await waitUntil(() => element.waitingCount === 1, 'not counted', { timeout: 5000 });
      expect(shown, 'before opting in').to.deep.equal([]);

      await optInToNotifications(element);
      await expectAccessible(element);
      element.close();

      visibility.state = 'visible';
      await redeem(room, 0, 'Ben Cohen');
      await waitUntil(() => element.waitingCount === 2, 'not counted', { timeout: 5000 });
      expect(shown, 'while the tab is visible').to.deep.equal([]);

      visibility.state = 'hidden';
      await redeem(room, 0, 'Chen Wei');
      await waitUntil(() => element.waitingCount === 3, 'not counted', { timeout: 5000 });
      expect(shown).to.deep.equal(['Chen Wei is waiting to be admitted']);
    } finally {
      restore();
    }
  });

  it('asks "Admit the 2 guests waiting?" before admission turns automatic; Cancel changes nothing', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await closedManager(room);
    await redeem(room, 0, 'Ana Lima');
    await redeem(room, 0, 'Ben Cohen');
    await element.show();
    await waitUntil(() => element.waitingCount === 2, 'not counted', { timeout: 5000 });
    const moderated = () =>
      byRole<HTMLInputElement>(element, 'switch', 'Guests wait for a moderator to admit them');
    // The count comes with the live connection; the switch with the window's content, which may come later.
    await waitUntil(
      () => queryByRole(element, 'switch', 'Guests wait for a moderator to admit them'),
      'no admission switch',
    );

    moderated().click();
    await waitUntil(() => queryByRole(element, 'alertdialog'), 'no question');
    const question = byRole(element, 'alertdialog');
    expect(textOf(question.querySelector('h3'))).to.equal('Admit the 2 guests waiting?');
    await expectAccessible(element);
    byRole(question, 'button', 'Cancel').click();
    await element.updateComplete;
    expect(moderated().checked).to.equal(true);
    expect(await admission(room)).to.equal('moderator');
    expect(await guestsWith(room, 'waiting')).to.have.length(2);

    moderated().click();
    await waitUntil(() => queryByRole(element, 'alertdialog'), 'no question');
    byRole(byRole(element, 'alertdialog'), 'button', 'Admit and stop moderating').click();
    await waitUntil(() => element.waitingCount === 0, 'guests still waiting', { timeout: 5000 });
    expect(await admission(room)).to.equal('auto');
    expect((await guestsWith(room, 'admitted')).sort()).to.deep.equal(['Ana Lima', 'Ben Cohen']);
  });
});
