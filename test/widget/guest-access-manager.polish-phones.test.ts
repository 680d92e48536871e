// <guest-access-manager> on a phone (issue 13, item 2): below ~520 px of width the links are cards with
// every action in view, in English and in Hebrew, inline and as a modal window; the narrowness is the
// element's (a container query), so a narrow column on a wide screen gets the cards too.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import { loaded, openManager, setupRoom } from './guest-access-manager.helpers.ts';

const links = [
  { name: 'Guest speakers at the annual partner conference', maxUses: 1_000_000, durationDays: 6 },
  { name: 'Press', maxUses: 1 },
  { name: 'Partners' },
];

/** Every copy and delete button, and the box they must stay inside. */
function actions(element: GuestAccessManager): HTMLElement[] {
  return [
    ...(element.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>(
      '[part~="copy-button"], [part~="delete-button"]',
    ),
  ];
}

/** In view: visible, inside the viewport and inside the window's own box (nothing clipped or scrolled away). */
function expectInView(element: GuestAccessManager, button: HTMLElement) {
  const base = (element.shadowRoot as ShadowRoot).querySelector('[part~="base"]') as HTMLElement;
  const box = button.getBoundingClientRect();
  const frame = base.getBoundingClientRect();
  expect(button.checkVisibility({ visibilityProperty: true }), button.outerHTML).to.be.true;
  expect(box.width).to.be.greaterThan(0);
  expect(box.left).to.be.at.least(Math.max(0, frame.left) - 0.5);
  expect(box.right).to.be.at.most(Math.min(innerWidth, frame.right) + 0.5);
}

/** How many lines a node's text takes. */
function textLines(node: Node): number {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const tops = new Set<number>();
  const range = document.createRange();
  while (walker.nextNode()) {
    range.selectNodeContents(walker.currentNode);
    for (const line of range.getClientRects()) tops.add(Math.round(line.top));
  }
  return tops.size;
}

/**
 * The unlimited link's "0 used" and "unlimited": each piece's dot is its start padding, shown unless the
 * piece starts a line (then it lies outside the clip).
 */
function unlimitedCount(element: GuestAccessManager) {
  const clip = (element.shadowRoot as ShadowRoot).querySelector('.pieces.used') as HTMLElement;
  const pieces = [...clip.querySelectorAll<HTMLElement>('.pieces-line > *')] as [HTMLElement, HTMLElement];
  const [used, unlimited] = pieces.map((piece) => piece.getBoundingClientRect()) as [DOMRect, DOMRect];
  const edge = clip.getBoundingClientRect();
  return {
    pieces,
    oneLine: Math.abs(used.top - unlimited.top) < 1,
    dotShows: (index: number) => {
      const box = pieces[index].getBoundingClientRect();
      return getComputedStyle(clip).direction === 'rtl'
        ? box.right <= edge.right + 0.5
        : box.left >= edge.left - 0.5;
    },
  };
}

describe('<guest-access-manager> on a phone', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['en', 'he']) {
    it(`shows every link as a card with all its actions in view at 375 px (${lang})`, async () => {
      await setViewport({ width: 375, height: 740 });
      const room = await setupRoom({ enabled: true, links });
      const element = await openManager(room, { lang });
      const root = element.shadowRoot as ShadowRoot;
      const rows = [...root.querySelectorAll<HTMLElement>('tbody tr[part~="row"]')];

      expect(rows.length).to.equal(3);
      for (const row of rows) expect(getComputedStyle(row).display).to.equal('grid');
      expect(actions(element).length).to.equal(6);
      for (const button of actions(element)) expectInView(element, button);
      // No sideways scrolling anywhere: not the page, not the window.
      expect(document.documentElement.scrollWidth).to.be.at.most(375);
      const base = root.querySelector('[part~="base"]') as HTMLElement;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      await expect(element).to.be.accessible();
    });

    it(`keeps the modal window inside a 375 px screen, start edge included (${lang})`, async () => {
      await setViewport({ width: 375, height: 740 });
      const room = await setupRoom({ enabled: true, links });
      const element = await openManager(room, { lang });
      await element.show();
      const dialog = (element.shadowRoot as ShadowRoot).querySelector('dialog.main-window') as HTMLElement;
      const box = dialog.getBoundingClientRect();

      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(375);
      // Sized by its containing block, never 100vw (which counts a scrollbar and pushed it off its start edge).
      expect(getComputedStyle(dialog).maxInlineSize).to.equal('calc(100% - 32px)');
      expect(box.width).to.be.at.most(375 - 32);
      for (const button of actions(element)) expectInView(element, button);
      element.close();
    });
  }

  it('keeps the wide table inside the window at 1280 px in Hebrew, its longer words included', async () => {
    await setViewport({ width: 1280, height: 800 });
    const room = await setupRoom({ enabled: true, links });
    const element = await openManager(room, { lang: 'he' });
    const root = element.shadowRoot as ShadowRoot;
    const table = root.querySelector('table') as HTMLElement;
    const base = (root.querySelector('[part~="base"]') as HTMLElement).getBoundingClientRect();

    expect(getComputedStyle(root.querySelector('tbody tr') as HTMLElement).display).to.equal('table-row');
    expect(table.getBoundingClientRect().left).to.be.at.least(base.left);
    expect(table.getBoundingClientRect().right).to.be.at.most(base.right);
    for (const button of actions(element)) expectInView(element, button);
  });

  it('keeps every action inside the window at any column width, in English, Spanish and Hebrew', async () => {
    await setViewport({ width: 1280, height: 800 });
    const room = await setupRoom({ enabled: true, links });
    for (const lang of ['en', 'es', 'he']) {
      const column = await fixture<HTMLElement>(html`<div>
        <guest-access-manager api=${room.url} room=${room.roomId} lang=${lang} .getToken=${async () => room.hostToken}></guest-access-manager>
      </div>`);
      const element = column.querySelector('guest-access-manager') as GuestAccessManager;
      await loaded(element);
      const base = (element.shadowRoot as ShadowRoot).querySelector('[part~="base"]') as HTMLElement;
      // A tablet's column: too narrow for the table's longest words, wide enough to skip the cards.
      for (let width = 560; width <= 800; width += 40) {
        column.style.inlineSize = `${width}px`;
        await new Promise(requestAnimationFrame);
        expect(base.scrollWidth, `${lang} at ${width} px`).to.be.at.most(base.clientWidth);
        for (const button of actions(element)) expectInView(element, button);
      }
      // The modal window less a desktop's classic scrollbar (46rem - 17 px) still shows the table.
      column.style.inlineSize = '719px';
      await new Promise(requestAnimationFrame);
      const row = (element.shadowRoot as ShadowRoot).querySelector('tbody tr') as HTMLElement;
      expect(getComputedStyle(row).display, lang).to.equal('table-row');
    }
  });

  for (const lang of ['en', 'es', 'he']) {
    it(`reads "0 used · unlimited" on one line, or on two without a dot at either line's edge, at 1280 px (${lang})`, async () => {
      await setViewport({ width: 1280, height: 800 });
      const room = await setupRoom({ enabled: true, links });
      const element = await openManager(room, { lang });
      await element.show();
      const table = (element.shadowRoot as ShadowRoot).querySelector(
        'dialog.main-window table',
      ) as HTMLElement;
      // "2 of 1,000,000" keeps whole: every count takes two lines at most.
      for (const cell of table.querySelectorAll('td.uses'))
        expect(textLines(cell), cell.textContent ?? '').to.be.at.most(2);
      const count = unlimitedCount(element);
      for (const piece of count.pieces) expect(textLines(piece), piece.textContent ?? '').to.equal(1);
      expect(count.dotShows(0), 'a dot before "0 used"').to.be.false;
      expect(count.dotShows(1), count.oneLine ? 'no dot between' : 'a dot starting the line').to.equal(
        count.oneLine,
      );
      // Not at the name's expense, as no-break spaces were: the Name column is as wide as with a limit.
      const name = () => (table.querySelector('thead th') as HTMLElement).getBoundingClientRect().width;
      const unlimitedName = name();
      element.close();
      const limited = await setupRoom({
        enabled: true,
        links: links.map((link) => ({ maxUses: 1_000_000, ...link })),
      });
      const other = await openManager(limited, { lang });
      await other.show();
      const otherTable = (other.shadowRoot as ShadowRoot).querySelector(
        'dialog.main-window table',
      ) as HTMLElement;
      expect(unlimitedName).to.be.closeTo(
        (otherTable.querySelector('thead th') as HTMLElement).getBoundingClientRect().width,
        1,
      );
      other.close();
    });
  }

  for (const lang of ['en', 'he']) {
    it(`reads "0 used · unlimited" on one line with its dot between on a card (${lang})`, async () => {
      await setViewport({ width: 375, height: 740 });
      const room = await setupRoom({ enabled: true, links });
      const count = unlimitedCount(await openManager(room, { lang }));
      expect(count.oneLine).to.be.true;
      expect(count.dotShows(0), 'a dot before "0 used"').to.be.false;
      expect(count.dotShows(1), 'the dot between').to.be.true;
      expect(getComputedStyle(count.pieces[1], '::before').content).to.equal('"·"');
    });
  }

  for (const lang of ['en', 'he']) {
    it(`keeps a disabled Create new link and its reason at the same edge on a phone (${lang})`, async () => {
      await setViewport({ width: 375, height: 740 });
      const room = await setupRoom({ enabled: true, links });
      const element = await openManager(room, { lang });
      const root = element.shadowRoot as ShadowRoot;
      const button = (root.querySelector('[part~="create-button"]') as HTMLElement).getBoundingClientRect();
      const reason = document.createRange();
      reason.selectNodeContents(root.querySelector('#create-reason') as HTMLElement);
      const line = reason.getClientRects()[0] as DOMRect;
      // The reason's text ends at the window's end edge: the button it explains ends there too.
      if (lang === 'he') expect(button.left).to.be.closeTo(line.left, 1);
      else expect(button.right).to.be.closeTo(line.right, 1);
    });
  }

  for (const lang of ['en', 'he']) {
    it(`a card's "· in 6 days" that wraps hangs its dot outside the line rather than starting it (${lang})`, async () => {
      await setViewport({ width: 1280, height: 800 });
      const room = await setupRoom({ enabled: true, links });
      const narrow = await fixture<HTMLElement>(html`<div style="inline-size: 220px">
        <guest-access-manager api=${room.url} room=${room.roomId} lang=${lang} .getToken=${async () => room.hostToken}></guest-access-manager>
      </div>`);
      const element = narrow.querySelector('guest-access-manager') as GuestAccessManager;
      await loaded(element);
      const when = (element.shadowRoot as ShadowRoot).querySelector('.when') as HTMLElement;
      const date = (when.querySelector('time') as HTMLElement).getBoundingClientRect();
      const relative = (when.querySelector('.relative') as HTMLElement).getBoundingClientRect();
      const clip = when.getBoundingClientRect();
      expect(relative.top, 'wrapped below the date').to.be.greaterThan(date.bottom - 1);
      // Its dot's 1em lies past the clip's start edge; its words start where the date does.
      if (lang === 'he') expect(relative.right).to.be.greaterThan(clip.right + 5);
      else expect(relative.left).to.be.lessThan(clip.left - 5);
      expect(getComputedStyle(when).overflow).to.equal('hidden');
    });
  }

  for (const lang of ['en', 'he']) {
    it(`shows a card's whole date at 375 px, under its label where it does not fit beside it (${lang})`, async () => {
      await setViewport({ width: 375, height: 740 });
      const room = await setupRoom({ enabled: true, links });
      const element = await openManager(room, { lang });
      // The modal window, as a media page opens it: narrower than the inline element by its margins.
      await element.show();
      const whens = [
        ...(element.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>(
          'dialog.main-window .pieces.when',
        ),
      ];
      expect(whens.length).to.equal(1);
      for (const when of whens) {
        const clip = when.getBoundingClientRect();
        // The date's text (its box starts with the dot's room, outside the clip by design).
        const text = document.createRange();
        text.selectNodeContents(when.querySelector('time') as HTMLElement);
        const date = text.getBoundingClientRect();
        expect(date.left, 'clipped at the left').to.be.at.least(clip.left - 0.5);
        expect(date.right, 'clipped at the right').to.be.at.most(clip.right + 0.5);
      }
      element.close();
    });
  }

  it('uses cards in a narrow column of a wide page too (a container query, not the viewport)', async () => {
    await setViewport({ width: 1280, height: 800 });
    const room = await setupRoom({ enabled: true, links });
    const narrow = await fixture<HTMLElement>(html`<div style="inline-size: 360px">
      <guest-access-manager api=${room.url} room=${room.roomId} lang="en" .getToken=${async () => room.hostToken}></guest-access-manager>
    </div>`);
    const element = narrow.querySelector('guest-access-manager') as GuestAccessManager;
    await loaded(element);
    const row = (element.shadowRoot as ShadowRoot).querySelector('tbody tr') as HTMLElement;
    expect(getComputedStyle(row).display).to.equal('grid');
    for (const button of actions(element)) expectInView(element, button);

    // The same page, a wide element: a table.
    narrow.style.inlineSize = '900px';
    await new Promise(requestAnimationFrame);
    expect(getComputedStyle(row).display).to.equal('table-row');
  });
});
