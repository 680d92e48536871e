// <guest-access-manager> as a host sees it: the knock alert unaffected by the page's CSS and clear of the
// media page's actions, tap targets of at least 44 px on a phone, and the toolbar's History beside "Create
// new link" on a wide window.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import {
  byRole,
  closedManager,
  openManager,
  openWindow,
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

  it('gives every radio button and checkbox a row of 44 px to tap and a 20 px control on a 375 px screen', async () => {
    await setViewport({ width: 375, height: 740 });
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press', maxUses: 5 }] });
    const element = await openManager(room);
    const root = element.shadowRoot as ShadowRoot;
    /** Each visible radio button and checkbox: its row (the label around it) must take a finger's tap. */
    const expectTargets = (window: HTMLElement, count: number) => {
      const inputs = [
        ...window.querySelectorAll<HTMLInputElement>(
          'input[type="radio"], input[type="checkbox"]:not([role])',
        ),
      ].filter((input) => input.checkVisibility());
      expect(inputs.length).to.equal(count);
      const rows = inputs.map((input) => (input.closest('label') as HTMLElement).getBoundingClientRect());
      for (const [index, input] of inputs.entries()) {
        const name = input.value === 'on' ? input.getAttribute('part') : input.value;
        const row = rows[index] as DOMRect;
        const control = input.getBoundingClientRect();
        expect(row.height, `${name} row`).to.be.at.least(44);
        expect(row.width, `${name} row`).to.be.at.least(44);
        expect(control.width, `${name} control`).to.be.at.least(20);
        expect(control.height, `${name} control`).to.be.at.least(20);
        // No two rows overlap: a tap picks one choice.
        for (const other of rows.slice(index + 1))
          expect(row.bottom <= other.top + 0.5 || other.bottom <= row.top + 0.5, `${name} overlaps`).to.be
            .true;
        // A tap at the row's far end, or near its top or bottom edge, still lands on the row.
        input.scrollIntoView({ block: 'center' });
        const seen = (input.closest('label') as HTMLElement).getBoundingClientRect();
        const middle = input.getBoundingClientRect().left + control.width / 2;
        const taps = [
          [seen.right - 2, seen.top + seen.height / 2],
          [middle, seen.top + 2],
          [middle, seen.bottom - 2],
        ].map(
          ([x, y]) =>
            root.elementFromPoint(x as number, y as number)?.closest('label') === input.closest('label'),
        );
        expect(taps, `${name} taps`).to.deep.equal([true, true, true]);
      }
    };

    // The edit window: expiry (2), admission (3) and "Give this link a new address".
    const edit = await openWindow(element, 'Edit link “Press”');
    expectTargets(edit, 6);
    // A real tap at the end of the "Guests join without waiting" row picks it.
    const auto = edit.querySelector<HTMLInputElement>('input[value="auto"]') as HTMLInputElement;
    auto.scrollIntoView({ block: 'center' });
    const row = (auto.closest('label') as HTMLElement).getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(row.right - 4), Math.round(row.top + row.height / 2)],
    });
    expect(auto.checked).to.be.true;
    byRole(edit, 'button', 'Cancel').click();
    await waitUntil(() => !edit.open, 'edit window still open');

    // The delete confirmation's "Also remove the guests…".
    const confirm = await openWindow(element, 'Delete link “Press”');
    expectTargets(confirm, 1);
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
