// <guest-access-manager> as a host sees it: the knock alert unaffected by the page's CSS and clear of the
// media page's actions, tap targets of at least 44 px on a phone, and the toolbar's History beside "Create
// new link" on a wide window.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import {
  byRole,
  closedManager,
  openManager,
  type Room,
  redeem,
  setupRoom,
} from './guest-access-manager.helpers.ts';

const alertOf = (element: GuestAccessManager) =>
  element.shadowRoot?.querySelector<HTMLElement>('[part~="alert"]') ?? null;

/** The element as a media page uses it (modal, closed), inside a page whose CSS shouts. */
async function closedManagerOnLoudPage(room: Room) {
  const page =
    await fixture<HTMLElement>(html`<div style="text-transform: uppercase; letter-spacing: 0.1em; font: 20px/2 Georgia, serif">
    <guest-access-manager modal api=${room.url} room=${room.roomId} lang="en" .token=${room.hostToken}></guest-access-manager>
  </div>`);
  return page.querySelector('guest-access-manager') as GuestAccessManager;
}

describe('<guest-access-manager> as a host sees it', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('draws the knock alert in its own type, whatever the page sets on inherited properties', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await closedManagerOnLoudPage(room);
    await redeem(room, 0, 'Ana Lima');
    await waitUntil(() => alertOf(element), 'no alert', { timeout: 5000 });
    const text = getComputedStyle(alertOf(element)?.querySelector('p') as HTMLElement);
    expect(text.textTransform).to.equal('none');
    expect(text.letterSpacing).to.equal('normal');
    expect(text.fontFamily).not.to.contain('Georgia');
  });

  it('gives every button and switch a tap target of at least 44 px on a 375 px screen, the knock alert’s too', async () => {
    await setViewport({ width: 375, height: 740 });
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press', maxUses: 5 }] });
    await redeem(room, 0, 'Ana Lima');
    const element = await openManager(room);
    await waitUntil(() => element.shadowRoot?.querySelector('[part~="admit-button"]'), 'no guest waiting');
    const small = (root: ParentNode) =>
      [...root.querySelectorAll<HTMLElement>('button')]
        .filter((button) => button.checkVisibility())
        .map((button) => [button.getAttribute('part'), button.getBoundingClientRect()] as const)
        .filter(([, box]) => box.height < 44 || box.width < 44)
        .map(([part, box]) => `${part} ${Math.round(box.width)}×${Math.round(box.height)}`);
    expect(small(element.shadowRoot as ShadowRoot)).to.deep.equal([]);
    // A switch is pressed through the label around it: that row is its target.
    const switches = [
      ...(element.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>('label:has([role="switch"])'),
    ]
      .filter((label) => label.checkVisibility())
      .map((label) => Math.round(label.getBoundingClientRect().height));
    expect(switches.length).to.equal(3);
    expect(switches.filter((height) => height < 44)).to.deep.equal([]);

    const closed = await closedManagerOnLoudPage(room);
    await waitUntil(() => alertOf(closed), 'no alert', { timeout: 5000 });
    expect(small(alertOf(closed) as HTMLElement)).to.deep.equal([]);
  });

  for (const [pageDir, lang] of [
    ['ltr', 'en'],
    ['ltr', 'he'],
    ['rtl', 'he'],
  ]) {
    it(`leaves the media page’s Share and ⋯ at the end of the row under the player in reach (${pageDir} page, ${lang})`, async () => {
      await setViewport({ width: 1280, height: 800 });
      document.documentElement.dir = pageDir;
      try {
        // The demo's layout at 1280x800: the title at the row's start, its actions at the end, near the bottom.
        const page = await fixture<HTMLElement>(html`<div
          style="display: flex; justify-content: space-between; max-inline-size: 60rem; margin: 40rem auto 0"
        >
          <h1 style="margin: 0; font-size: 1.5rem">Make your next event a next-level event</h1>
          <div style="display: flex; gap: 0.5rem">
            <button type="button" style="block-size: 2.375rem">Share</button>
            <button type="button" style="block-size: 2.375rem" aria-label="More actions">⋯</button>
          </div>
        </div>`);
        const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
        const element = await closedManager(room);
        element.lang = lang;
        await redeem(room, 0, 'Maximiliana Alexandra Konstantinopoulou-Vanderbilt-Richardson');
        await waitUntil(() => alertOf(element), 'no alert', { timeout: 5000 });
        const alert = (alertOf(element) as HTMLElement).getBoundingClientRect();
        expect(alert.bottom, 'the alert sits at the bottom').to.be.greaterThan(700);
        const row = (page.querySelector('button') as HTMLElement).getBoundingClientRect();
        expect(row.bottom, 'the actions reach down to the alert’s top').to.be.greaterThan(alert.top);

        for (const button of page.querySelectorAll('button')) {
          const box = button.getBoundingClientRect();
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          expect(hit === button, `${button.textContent} is under <${hit?.localName}>`).to.be.true;
        }
      } finally {
        document.documentElement.removeAttribute('dir');
      }
    });
  }

  it('puts History beside "Create new link" at the toolbar’s end at 1280 px', async () => {
    await setViewport({ width: 1280, height: 800 });
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    const history = byRole(element, 'button', 'History').getBoundingClientRect();
    const create = byRole(element, 'button', 'Create new link').getBoundingClientRect();
    expect(create.left - history.right).to.be.within(0, 16);
  });
});
