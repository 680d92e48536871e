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

/** The manager opened as the demo opens it (a modal window), with two links and a guest history. */
async function shownManager(lang = 'en'): Promise<GuestAccessManager> {
  const room = await setupRoom({ enabled: true, links: [{ name: longName, maxUses: 5 }, { name: 'Press' }] });
  const guest = await redeem(room, 0, longName);
  await callApi({
    method: 'POST',
    path: `/v1/rooms/${room.roomId}/guests/${guest.id}/admit`,
    token: room.hostToken,
  });
  const element = await openManager(room, { lang });
  await element.show();
  return element;
}

const headOf = (dialog: HTMLElement) => dialog.querySelector('.window-head') as HTMLElement;

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
});
