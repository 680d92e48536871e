// <guest-access-manager>: languages (Spanish, Hebrew right-to-left), light and dark, keyboard use, axe-core.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import {
  accessibleName,
  byRole,
  callApi,
  inDays,
  linkRows,
  openManager,
  openWindow,
  queryByRole,
  redeem,
  setupRoom,
} from './guest-access-manager.helpers.ts';

const base = (element: GuestAccessManager) =>
  element.shadowRoot?.querySelector('[part~="base"]') as HTMLElement;
const backgroundOf = (element: GuestAccessManager) => getComputedStyle(base(element)).backgroundColor;

/** Presses Tab until `target` has focus (or gives up). */
async function tabTo(element: GuestAccessManager, target: HTMLElement): Promise<void> {
  for (let i = 0; i < 15 && element.shadowRoot?.activeElement !== target; i++) {
    await sendKeys({ press: 'Tab' });
  }
  expect(element.shadowRoot?.activeElement).to.equal(target);
}

describe('<guest-access-manager> languages, themes and accessibility', () => {
  it('renders right-to-left in Hebrew, every string translated', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'אורחים', maxUses: 10 }] });
    const element = await openManager(room, { lang: 'he' });

    await waitUntil(() => base(element).getAttribute('dir') === 'rtl', 'not right-to-left');
    expect(getComputedStyle(base(element)).direction).to.equal('rtl');
    expect(byRole(element, 'heading', 'ניהול גישת אורחים')).to.exist;
    expect(byRole(element, 'switch', 'הפעלת גישת אורחים')).to.exist;
    expect(byRole(element, 'button', 'יצירת קישור חדש')).to.exist;
    expect(linkRows(element)[0].slice(1, 3)).to.deep.equal(['אף פעם', '0 מתוך 10 נוצלו']);
    expect(element.shadowRoot?.textContent).not.to.match(/Manage guest access|Create new link|Link name/);
  });

  it('speaks Spanish with lang="es", dates included, and follows a change of lang', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Prensa', durationDays: 7 }] });
    const element = await openManager(room, { lang: 'es' });

    await waitUntil(
      () => element.shadowRoot?.textContent?.includes('Gestionar acceso de invitados'),
      'not Spanish',
    );
    const expiresAt = room.links[0].expiresAt as string;
    const expected = new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(expiresAt),
    );
    expect(linkRows(element)[0][1]).to.equal(`${expected} ${inDays(expiresAt, 'es')}`);
    expect(byRole(element, 'button', 'Crear nuevo enlace')).to.exist;

    element.lang = 'en';
    await waitUntil(
      () => element.shadowRoot?.textContent?.includes('Manage guest access'),
      'lang change ignored',
    );
  });

  it('follows prefers-color-scheme, and the theme attribute overrides it', async () => {
    const room = await setupRoom({ enabled: true });
    const element = await openManager(room);
    try {
      await emulateMedia({ colorScheme: 'light' });
      const light = backgroundOf(element);
      await emulateMedia({ colorScheme: 'dark' });
      const dark = backgroundOf(element);
      expect(dark).not.to.equal(light);

      element.theme = 'light';
      await element.updateComplete;
      expect(backgroundOf(element)).to.equal(light);

      await emulateMedia({ colorScheme: 'light' });
      element.theme = 'dark';
      await element.updateComplete;
      expect(backgroundOf(element)).to.equal(dark);
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('lets a host create a link with the keyboard alone, focus returning to "Create new link"', async () => {
    const room = await setupRoom({ enabled: true });
    const element = await openManager(room);
    const create = byRole(element, 'button', 'Create new link');

    await tabTo(element, create);
    await sendKeys({ press: 'Enter' });
    // The window is a chunk of its own: open once it has loaded.
    await waitUntil(() => queryByRole(element, 'textbox', 'Link Name'), 'no create window');
    const name = byRole(element, 'textbox', 'Link Name');
    expect(element.shadowRoot?.activeElement).to.equal(name);
    await sendKeys({ type: 'Guest speakers' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '10' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => linkRows(element)[0]?.[2] === '0 of 10 used', 'link not created');
    // The next step is sharing it: focus goes to the new link's Copy button.
    const copy = byRole(element, 'button', 'Copy link “Guest speakers”');
    await waitUntil(() => element.shadowRoot?.activeElement === copy, 'focus not on the new link’s Copy');
  });

  it('axe-core finds no violations in the window, the create window and the confirm window', async () => {
    const room = await setupRoom({
      enabled: true,
      links: [{ name: 'Press', maxUses: 1 }, { name: 'Partners' }],
    });
    await redeem(room, 1, 'Ana');
    const element = await openManager(room);
    await waitUntil(() => element.shadowRoot?.querySelector('[part~="guest"]'), 'no waiting guest');
    await expect(element).to.be.accessible();

    await openWindow(element, 'Create new link');
    await expect(element).to.be.accessible();
    byRole(byRole(element, 'dialog', 'Create new link'), 'button', 'Cancel').click();

    await openWindow(element, 'Delete link “Press”');
    await expect(element).to.be.accessible();
  });

  it('axe-core finds no violations in dark Hebrew, as a modal window', async () => {
    const room = await setupRoom({ enabled: false, links: [{ name: 'Press' }] });
    const element = await openManager(room, { lang: 'he' });
    element.theme = 'dark';
    await element.show();
    await waitUntil(() => base(element).getAttribute('dir') === 'rtl', 'not right-to-left');

    await expect(element).to.be.accessible();
  });

  it('names each guest’s buttons in Hebrew with their visible words, so voice control can press them', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    await redeem(room, 0, 'Ana');
    const ben = await redeem(room, 0, 'Ben');
    await callApi({
      method: 'POST',
      path: `/v1/rooms/${room.roomId}/guests/${ben.id}/admit`,
      token: room.hostToken,
    });
    const element = await openManager(room, { lang: 'he' });
    await waitUntil(() => queryByRole(element, 'button', /Ben/), 'no guest in the session');

    const buttons = ['admit-button', 'deny-button', 'remove-button'].map(
      (part) => element.shadowRoot?.querySelector(`[part~="${part}"]`) as HTMLElement,
    );
    for (const button of buttons) {
      expect(accessibleName(button), button.outerHTML).to.contain((button.textContent ?? '').trim());
    }
    await expect(element).to.be.accessible();
  });
});
