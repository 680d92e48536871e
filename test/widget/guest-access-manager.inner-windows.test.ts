// <guest-access-manager>'s windows opened from inside the "Manage guest access" window (Create, Edit,
// History): their title bar sits above their content, not over it, and each fits the screen with its
// buttons in reach, scrolling inside itself when the screen is short.
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import {
  byRole,
  callApi,
  openManager,
  openWindow,
  queryByRole,
  redeem,
  setupRoom,
} from './guest-access-manager.helpers.ts';

const longName = 'Maximiliana Alexandra Konstantinopoulou-Vanderbilt-Richardson';

/**
 * The manager opened as the demo opens it (a modal window), with two links and a guest history: one guest
 * admitted, then `more` guests waiting.
 */
async function shownManager(lang = 'en', more = 0): Promise<GuestAccessManager> {
  const room = await setupRoom({ enabled: true, links: [{ name: longName, maxUses: 5 }, { name: 'Press' }] });
  const guest = await redeem(room, 0, longName);
  await callApi({
    method: 'POST',
    path: `/v1/rooms/${room.roomId}/guests/${guest.id}/admit`,
    token: room.hostToken,
  });
  for (let n = 1; n <= more; n += 1) await redeem(room, 1, `Guest Number ${n}`);
  const element = await openManager(room, { lang });
  await element.show();
  return element;
}

const headOf = (dialog: HTMLElement) => dialog.querySelector('.window-head') as HTMLElement;

/** The window lies inside the screen, top and bottom. */
function expectOnScreen(dialog: HTMLElement) {
  const box = dialog.getBoundingClientRect();
  expect(box.top, 'the window’s top').to.be.at.least(0);
  expect(box.bottom, 'the window’s bottom').to.be.at.most(innerHeight);
}

/** `button` is on the screen, inside its window, and the topmost thing where a click lands on it. */
function expectReachable(element: GuestAccessManager, dialog: HTMLElement, button: HTMLElement) {
  const box = button.getBoundingClientRect();
  const frame = dialog.getBoundingClientRect();
  expect(box.top, button.textContent ?? '').to.be.at.least(frame.top);
  expect(box.bottom, button.textContent ?? '').to.be.at.most(Math.min(frame.bottom, innerHeight));
  const hit = (element.shadowRoot as ShadowRoot).elementFromPoint(
    box.left + box.width / 2,
    box.top + box.height / 2,
  );
  expect(button.contains(hit), `${button.textContent} is covered by ${hit?.outerHTML}`).to.be.true;
}

/** Scrolled part-way, the head still starts at the window's top edge: no gap for the content to show through. */
function expectHeadAtTopWhenScrolled(dialog: HTMLElement) {
  dialog.scrollTop = 40;
  const head = headOf(dialog).getBoundingClientRect();
  expect(dialog.scrollTop, 'the window scrolls').to.be.greaterThan(0);
  expect(head.top - dialog.getBoundingClientRect().top, 'gap above the head').to.be.at.most(1.5);
  dialog.scrollTop = 0;
}

const screens = [
  { width: 1280, height: 800 },
  { width: 375, height: 740 },
  { width: 1280, height: 600 },
];

describe('<guest-access-manager> windows opened from the main window', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('keeps the Create window’s title bar above its intro instead of over it', async () => {
    await setViewport({ width: 1280, height: 800 });
    const element = await shownManager();
    const dialog = await openWindow(element, 'Create new link');
    const head = headOf(dialog).getBoundingClientRect();
    const intro = (dialog.querySelector('.window-head + p') as HTMLElement).getBoundingClientRect();

    expect(head.top, 'the head starts inside the window').to.be.at.least(dialog.getBoundingClientRect().top);
    expect(intro.top, 'the intro starts below the head').to.be.at.least(head.bottom - 0.5);
  });

  it('keeps the History window’s title bar above its Link filter instead of over it', async () => {
    await setViewport({ width: 1280, height: 800 });
    const element = await shownManager();
    await waitUntil(() => queryByRole(element, 'button', 'History'), 'no History button');
    const dialog = await openWindow(element, 'History');
    const head = headOf(dialog).getBoundingClientRect();
    const label = (dialog.querySelector('.history-tools') as HTMLElement).getBoundingClientRect();

    expect(label.top).to.be.at.least(head.bottom - 0.5);
    expect(byRole(dialog, 'heading', 'Guest history').getBoundingClientRect().top).to.be.at.least(
      dialog.getBoundingClientRect().top,
    );
  });

  for (const screen of screens) {
    const size = `${screen.width}x${screen.height}`;

    it(`fits the Edit window on a ${size} screen, Cancel and Save in reach at either end`, async () => {
      await setViewport(screen);
      const element = await shownManager();
      byRole(element, 'button', `Edit link “${longName}”`).click();
      const opened = () =>
        element.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]:not(.main-window)');
      await waitUntil(opened, 'Edit opened no window');
      const dialog = opened() as HTMLDialogElement;
      await waitUntil(() => byRole(dialog, 'textbox', 'Link Name').matches(':focus'), 'not focused');

      expectOnScreen(dialog);
      for (const end of [0, dialog.scrollHeight]) {
        dialog.scrollTop = end;
        expectReachable(element, dialog, byRole(dialog, 'button', 'Cancel'));
        expectReachable(element, dialog, byRole(dialog, 'button', 'Save'));
      }
      if (dialog.scrollHeight > dialog.clientHeight) expectHeadAtTopWhenScrolled(dialog);
    });

    it(`fits the Create window with every field’s error on a ${size} screen`, async () => {
      await setViewport(screen);
      const element = await shownManager();
      const dialog = await openWindow(element, 'Create new link');
      byRole<HTMLInputElement>(dialog, 'spinbutton', '# of clicks').value = '-5';
      byRole<HTMLInputElement>(dialog, 'spinbutton', 'Duration').value = '400';
      byRole(dialog, 'button', 'Create').click();
      await waitUntil(() => dialog.querySelectorAll('.field-error').length === 3, 'not every error shows');

      expectOnScreen(dialog);
      expectReachable(element, dialog, byRole(dialog, 'button', 'Create'));
      dialog.scrollTop = dialog.scrollHeight;
      expectReachable(element, dialog, byRole(dialog, 'button', 'Cancel'));
      if (dialog.scrollHeight > dialog.clientHeight) expectHeadAtTopWhenScrolled(dialog);
    });

    it(`fits the History window of six guests on a ${size} screen`, async () => {
      await setViewport(screen);
      const element = await shownManager('en', 5);
      await waitUntil(() => queryByRole(element, 'button', 'History'), 'no History button');
      const dialog = await openWindow(element, 'History');
      await waitUntil(() => dialog.querySelectorAll('[part~="history-row"]').length === 6, 'no rows', {
        timeout: 5000,
      });

      expectOnScreen(dialog);
      expectReachable(element, dialog, byRole(dialog, 'button', 'Close'));
      if (dialog.scrollHeight > dialog.clientHeight) expectHeadAtTopWhenScrolled(dialog);
    });
  }

  it('draws a hairline under the head and over the foot only while content scrolls under them', async () => {
    await setViewport({ width: 375, height: 500 });
    const element = await shownManager();
    const dialog = await openWindow(element, 'Create new link');
    const foot = dialog.querySelector('.window-foot') as HTMLElement;
    const ruled = (part: HTMLElement) => {
      const shadow = getComputedStyle(part).boxShadow;
      // A transparent colour ("oklab(0 0 0 / 0)", "rgba(0, 0, 0, 0)") draws nothing either.
      return shadow !== 'none' && !/\/ 0\)|rgba\(0, 0, 0, 0\)/.test(shadow);
    };
    const scrollTo = async (top: number) => {
      dialog.scrollTop = top;
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
    };
    expect(dialog.scrollHeight, 'the window scrolls').to.be.greaterThan(dialog.clientHeight + 40);

    await scrollTo(0);
    expect([ruled(headOf(dialog)), ruled(foot)], 'at the top').to.deep.equal([false, true]);
    await scrollTo(40);
    expect([ruled(headOf(dialog)), ruled(foot)], 'in the middle').to.deep.equal([true, true]);
    await scrollTo(dialog.scrollHeight);
    expect([ruled(headOf(dialog)), ruled(foot)], 'at the end').to.deep.equal([true, false]);

    // Tall enough for it all: no scrolling, no lines.
    await setViewport({ width: 1280, height: 1000 });
    await waitUntil(() => dialog.scrollHeight <= dialog.clientHeight, 'still scrolls');
    await scrollTo(0);
    expect([ruled(headOf(dialog)), ruled(foot)], 'no scrolling').to.deep.equal([false, false]);
    dialog.close();

    // History, a container of its own for its cards, is one for its scrolling too.
    const history = await openWindow(element, 'History');
    expect(getComputedStyle(history).containerType).to.equal('inline-size scroll-state');
  });
});
