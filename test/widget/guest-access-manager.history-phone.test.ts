// <guest-access-manager>'s History on a phone: each guest is a card (name, email, then labelled link,
// status and times) that reads without scrolling sideways; at desktop widths it stays a table with headings,
// every column of it in view.
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  callApi,
  openManager,
  openWindow,
  queryByRole,
  redeem,
  setupRoom,
} from './guest-access-manager.helpers.ts';

async function historyOf(lang: string) {
  const room = await setupRoom({
    enabled: true,
    links: [{ name: 'Guest speakers at the annual partner conference' }, { name: 'Press' }],
  });
  await redeem(room, 0, 'Maximiliana Montgomery-Oyelaran');
  const ben = await redeem(room, 1, 'Ben Cohen');
  await callApi({
    method: 'POST',
    path: `/v1/rooms/${room.roomId}/guests/${ben.id}/admit`,
    token: room.hostToken,
  });
  const element = await openManager(room, { lang });
  const history = lang === 'he' ? 'היסטוריה' : 'History';
  await waitUntil(() => queryByRole(element, 'button', history), 'no History button');
  const dialog = await openWindow(element, history);
  await waitUntil(() => dialog.querySelectorAll('[part~="history-row"]').length === 2, 'no rows', {
    timeout: 5000,
  });
  return { element, dialog };
}

/** Inside `frame` along the inline axis, half a pixel either way. */
function expectWithin(node: Element, frame: DOMRect) {
  const box = node.getBoundingClientRect();
  expect(box.width, node.outerHTML).to.be.greaterThan(0);
  expect(box.left, node.outerHTML).to.be.at.least(frame.left - 0.5);
  expect(box.right, node.outerHTML).to.be.at.most(frame.right + 0.5);
}

describe('<guest-access-manager> History on a phone', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['en', 'he']) {
    it(`shows each guest as a card that needs no sideways scrolling at 375 px (${lang})`, async () => {
      await setViewport({ width: 375, height: 740 });
      const { element, dialog } = await historyOf(lang);
      const scroller = dialog.querySelector('.history-scroll') as HTMLElement;

      expect(dialog.scrollWidth, 'the window').to.be.at.most(dialog.clientWidth);
      expect(scroller.scrollWidth, 'the list').to.be.at.most(scroller.clientWidth);
      const frame = scroller.getBoundingClientRect();
      for (const row of dialog.querySelectorAll('[part~="history-row"]')) {
        expect(getComputedStyle(row).display).to.equal('grid');
        // Name, email, link, status and the times set: each seen, none past the window's edges.
        for (const piece of row.querySelectorAll('th bdi, .email, td:not(.unset)')) {
          expect((piece as HTMLElement).checkVisibility(), piece.outerHTML).to.equal(true);
          expectWithin(piece, frame);
        }
      }
      // A card's label comes from its column (drawn, not read: the column header is).
      const status = dialog.querySelector(
        '[part~="history-row"] td[data-label]:nth-of-type(2)',
      ) as HTMLElement;
      expect(getComputedStyle(status, '::before').content).to.contain(lang === 'he' ? 'סטטוס' : 'Status');
      expect((dialog.querySelector('thead') as HTMLElement).getBoundingClientRect().height).to.be.at.most(1);
      await expect(element).to.be.accessible();
    });
  }

  for (const lang of ['en', 'he']) {
    it(`shows every column of a long history row at 1280 px, no sideways scrolling (${lang})`, async () => {
      await setViewport({ width: 1280, height: 800 });
      const name = 'Maximiliana Alexandra Konstantinopoulou-Vanderbilt-Richardson';
      const room = await setupRoom({ enabled: true, links: [{ name }] });
      // Arrived, admitted and left: all three times set.
      const guest = await redeem(room, 0, name);
      for (const decision of ['admit', 'remove'])
        await callApi({
          method: 'POST',
          path: `/v1/rooms/${room.roomId}/guests/${guest.id}/${decision}`,
          token: room.hostToken,
        });
      const element = await openManager(room, { lang });
      const history = lang === 'he' ? 'היסטוריה' : 'History';
      await waitUntil(() => queryByRole(element, 'button', history), 'no History button');
      const dialog = await openWindow(element, history);
      await waitUntil(
        () => dialog.querySelector('[part~="history-row"] td:not(.unset):last-child'),
        'no row',
        {
          timeout: 5000,
        },
      );
      const scroller = dialog.querySelector('.history-scroll') as HTMLElement;

      expect(scroller.scrollWidth, 'the table').to.be.at.most(scroller.clientWidth);
      const frame = scroller.getBoundingClientRect();
      for (const cell of dialog.querySelectorAll('thead th, [part~="history-row"] > *'))
        expectWithin(cell, frame);
    });
  }

  it('keeps the table with its column headings at 1280 px', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { element, dialog } = await historyOf('en');
    const row = dialog.querySelector('[part~="history-row"]') as HTMLElement;
    expect(getComputedStyle(row).display).to.equal('table-row');
    const headings = [...dialog.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headings).to.deep.equal(['Guest', 'Link', 'Status', 'Arrived', 'Admitted', 'Left']);
    for (const th of dialog.querySelectorAll('thead th'))
      expect((th as HTMLElement).checkVisibility()).to.equal(true);
    expect(getComputedStyle(row.querySelector('td') as HTMLElement, '::before').content).to.equal('none');
    const scroller = dialog.querySelector('.history-scroll') as HTMLElement;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
    await expect(element).to.be.accessible();
  });
});
