// <guest-access-manager> at the level of a shipped product (issue 13, items 1 and 4): Copy shows it
// worked, each row shows its URL, a new link is highlighted and ready to copy, numbers and dates are
// formatted for the language, headings line up with their cells, and a disabled Create stays legible.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import {
  byRole,
  createLinkThroughWindow,
  inDays,
  linkRows,
  openManager,
  setupRoom,
} from './guest-access-manager.helpers.ts';

const shadow = (element: GuestAccessManager) => element.shadowRoot as ShadowRoot;

/** The Clipboard API answering yes, whatever the test browser's permissions say. */
async function withClipboard<T>(run: () => Promise<T>): Promise<T> {
  const original = navigator.clipboard.writeText;
  navigator.clipboard.writeText = async () => undefined;
  try {
    return await run();
  } finally {
    navigator.clipboard.writeText = original;
  }
}

/** sRGB channels 0–1 of a computed colour (`rgb(…)`, `rgba(…)` or `color(srgb …)`). */
function channels(color: string): [number, number, number] {
  const numbers = (color.match(/[\d.]+/g) ?? []).map(Number);
  const [r, g, b] = color.startsWith('color(') ? numbers : numbers.map((n) => n / 255);
  return [r, g, b];
}

function contrast(foreground: string, background: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = channels(color).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

describe('<guest-access-manager> feedback and formatting', () => {
  it('turns Copy into a check and a visible "Copied" for two seconds, and still says it politely', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Guest speakers' }] });
    const element = await openManager(room);
    const copy = byRole(element, 'button', 'Copy link “Guest speakers”');
    expect(shadow(element).querySelector('[part~="copied"]')).to.equal(null);

    await withClipboard(async () => {
      const event = oneEvent(element, 'guest-link-copy');
      copy.click();
      await event;
    });
    await element.updateComplete;

    const copied = shadow(element).querySelector<HTMLElement>('[part~="copied"]');
    expect(copied?.checkVisibility({ visibilityProperty: true })).to.be.true;
    expect(copied?.textContent?.trim()).to.equal('Copied');
    expect(copy.querySelector('.swap > :not(.off) path')?.getAttribute('d')).to.equal('M20 6 9 17l-5-5');
    expect(copy.getAttribute('aria-label')).to.equal('Copied link “Guest speakers”');
    // The button keeps its place and width: nothing in the row jumps.
    expect(copy.getBoundingClientRect().width).to.be.greaterThan(0);
    await waitUntil(() => byRole(element, 'status').textContent?.includes('Link copied'), 'not announced');

    await waitUntil(() => !shadow(element).querySelector('[part~="copied"]'), '"Copied" stayed', {
      timeout: 6000,
    });
    const label = [...copy.querySelectorAll<HTMLElement>('.swap > *')].find((each) =>
      each.checkVisibility({ visibilityProperty: true }),
    );
    expect(label?.textContent?.trim()).to.equal('Copy');
    expect(copy.getAttribute('aria-label')).to.equal('Copy link “Guest speakers”');
  });

  it('shows each link’s URL in its row, shortened to one line and selectable whole', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    const url = shadow(element).querySelector<HTMLElement>('[part~="url"]') as HTMLElement;

    expect(url.textContent).to.equal(room.links[0].url);
    expect(url.checkVisibility()).to.be.true;
    const style = getComputedStyle(url);
    expect(style.textOverflow).to.equal('ellipsis');
    expect(style.whiteSpace).to.equal('nowrap');
    expect(style.userSelect).to.equal('all');
    // Screen readers hear it with the Copy button, not before every cell of the row.
    const copy = byRole(element, 'button', 'Copy link “Press”');
    expect(copy.getAttribute('aria-describedby')).to.equal(url.id);
    expect(linkRows(element)[0][0]).to.equal('Press');
  });

  it('highlights a new link’s row and focuses its Copy button: "Link created — copy it to share"', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);

    await createLinkThroughWindow(element, { name: 'Partners' });

    const row = shadow(element).querySelector<HTMLElement>('tr.created');
    expect(row?.querySelector('.link-name')?.textContent).to.equal('Partners');
    expect(row?.textContent).to.include('Link created — copy it to share');
    expect(getComputedStyle(row as HTMLElement).backgroundColor).not.to.equal(
      getComputedStyle(shadow(element).querySelector('tbody tr') as HTMLElement).backgroundColor,
    );
    const copy = byRole(element, 'button', 'Copy link “Partners”');
    await waitUntil(() => shadow(element).activeElement === copy, 'Copy not focused');
    await waitUntil(
      () => byRole(element, 'status').textContent?.includes('Link “Partners” created — copy it to share'),
      'not announced',
    );

    // Copied: the highlight has done its job.
    await withClipboard(async () => {
      const event = oneEvent(element, 'guest-link-copy');
      copy.click();
      await event;
    });
    await element.updateComplete;
    expect(shadow(element).querySelector('tr.created')).to.equal(null);
  });

  it('counts uses as "3 of 5 used" and "2 used · unlimited", numbers formatted for the language', async () => {
    const room = await setupRoom({
      enabled: true,
      links: [{ name: 'Big', maxUses: 1_000_000 }, { name: 'Open' }],
    });
    const element = await openManager(room);
    // The dot between "0 used" and "unlimited" is drawn by CSS (polish-phones.test.ts): not in the text.
    expect(linkRows(element).map((row) => row[2])).to.deep.equal(['0 of 1,000,000 used', '0 used unlimited']);

    element.lang = 'es';
    await waitUntil(() => linkRows(element)[0][2] === '0 de 1.000.000 usados', 'not Spanish numbers');
    expect(linkRows(element)[1][2]).to.equal('0 usados ilimitado');
  });

  it('shows the expiration date with its time and how far away it is ("in 6 days")', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Week', durationDays: 6 }] });
    const element = await openManager(room);
    const expiresAt = room.links[0].expiresAt as string;
    const cell = shadow(element).querySelector('td.expires') as HTMLElement;

    expect(cell.querySelector('time')?.textContent).to.equal(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(expiresAt)),
    );
    expect(cell.querySelector('time')?.textContent).to.match(/\d:\d\d/);
    expect(cell.querySelector('.relative')?.textContent).to.equal(inDays(expiresAt));
    expect(inDays(expiresAt)).to.match(/^in \d+ days$/);

    element.lang = 'he';
    await waitUntil(
      () => cell.isConnected && cell.querySelector('.relative')?.textContent === inDays(expiresAt, 'he'),
      'relative hint not in Hebrew',
    );
  });

  it('aligns each heading as its column’s cells', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press', maxUses: 5, durationDays: 3 }] });
    const element = await openManager(room);
    const table = byRole(element, 'table');
    const headings = [...table.querySelectorAll('thead th')];
    const cells = [...table.querySelectorAll('tbody tr')[0].children];

    expect(headings.map((th) => getComputedStyle(th).textAlign)).to.deep.equal(
      cells.map((cell) => getComputedStyle(cell).textAlign),
    );
    expect(getComputedStyle(headings[3]).textAlign).to.equal('end');
  });

  it('keeps a disabled "Create new link" legible (4.5:1, no dimming) and says why', async () => {
    const room = await setupRoom({
      enabled: true,
      links: [{ name: 'One' }, { name: 'Two' }, { name: 'Three' }],
    });
    const element = await openManager(room);
    const create = byRole<HTMLButtonElement>(element, 'button', 'Create new link');
    expect(create.disabled).to.be.true;

    const style = getComputedStyle(create);
    expect(style.opacity).to.equal('1');
    expect(contrast(style.color, style.backgroundColor)).to.be.at.least(4.5);
    const reason = shadow(element).getElementById(create.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).to.include('A room can have up to 3 guest links');
  });

  it('axe-core finds no violations with "Copied" showing and a new link highlighted', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    await createLinkThroughWindow(element, { name: 'Partners' });
    await expect(element).to.be.accessible();

    await withClipboard(async () => {
      const event = oneEvent(element, 'guest-link-copy');
      shadow(element).querySelector<HTMLElement>('[part~="copy-button"]')?.click();
      await event;
    });
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });
});
