// The card's header (issue 13, item 8): the tenant's initial and name without a logo, a badge from the
// schedule, balanced titles, nothing empty above the title, and a card that stays put between views.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ENTRY_PAGE_CSS } from '../../api/pages/entry-page-css.ts';
import type { GuestEntryForm } from '../../widget/guest-entry-form/guest-entry-form.ts';
import {
  callApi,
  entryForm,
  find,
  join,
  type Room,
  setupRoom,
  shadow,
  viewShown,
} from './guest-entry-form.helpers.ts';

afterEach(() => sessionStorage.clear());

const MINUTE = 60_000;

/** Moves the room's schedule to start `startsIn` ms from now (the browser's clock), 45 minutes long. */
async function schedule(room: Room, startsIn: number) {
  const start = Date.now() + startsIn;
  const result = await callApi({
    method: 'PUT',
    path: `/v1/admin/rooms/${room.roomId}`,
    token: room.apiKey,
    body: {
      title: 'Town hall',
      type: 'room',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 45 * MINUTE).toISOString(),
      timeZone: 'America/New_York',
    },
  });
  expect(result.status).to.be.below(300);
}

const badge = async (room: Room, lang?: string) => {
  const element = await entryForm(room, room.tokens[0] as string, lang);
  await viewShown(element, 'form');
  await waitUntil(() => !lang || find(element, '[part=base]').getAttribute('dir') === 'rtl');
  return shadow(element).querySelector('[part=badge]')?.textContent?.trim();
};

describe('<guest-entry-form> header', () => {
  it("shows the tenant's initial and name where there is no logo, and nothing empty above", async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    expect(shadow(element).querySelector('[part=logo]')).to.equal(null);
    const brand = find(element, '[part=brand]');
    expect(brand.textContent?.replace(/\s+/g, '')).to.equal('TTest tenant'.replace(/\s+/g, ''));
    expect(find(element, '.initial').getAttribute('aria-hidden')).to.equal('true');
    // The brand starts at the card's padding: no band above it.
    const base = find(element, '[part=base]');
    const top =
      base.getBoundingClientRect().top +
      base.clientTop +
      Number.parseFloat(getComputedStyle(base).paddingTop);
    expect(Math.abs(brand.getBoundingClientRect().top - top)).to.be.below(1);
    expect(getComputedStyle(find(element, '[part=title]')).getPropertyValue('text-wrap-style')).to.equal(
      'balance',
    );
    await expect(element).to.be.accessible();
  });

  it("badges the schedule: Live now, Starts in 20 min, Ended; in the guest's language", async () => {
    const room = await setupRoom();
    await schedule(room, -5 * MINUTE);
    expect(await badge(room)).to.equal('Live now');
    await schedule(room, 20 * MINUTE - 30_000);
    expect(await badge(room)).to.equal('Starts in 20 min');
    expect(await badge(room, 'he')).to.match(/^מתחיל בעוד 20/);
    await schedule(room, -60 * MINUTE);
    expect(await badge(room)).to.equal('Ended');
    // More than a day ahead: the schedule says enough.
    await schedule(room, 3 * 24 * 60 * MINUTE);
    expect(await badge(room)).to.equal(undefined);
  });

  it('keeps the card where it is between views on the entry page (anchored to the top)', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(ENTRY_PAGE_CSS);
    document.adoptedStyleSheets = [sheet];
    try {
      const room = await setupRoom();
      const main = await fixture<HTMLElement>(
        html`<main><guest-entry-form api=${room.url} token=${room.tokens[0] as string}></guest-entry-form></main>`,
      );
      const element = main.querySelector('guest-entry-form') as GuestEntryForm;
      await viewShown(element, 'form');
      const card = find(element, '[part=base]');
      const formBox = card.getBoundingClientRect();
      await join(element);
      await viewShown(element, 'waiting');
      const waitingBox = card.getBoundingClientRect();
      expect(waitingBox.height).to.not.equal(formBox.height);
      expect(waitingBox.top).to.equal(formBox.top);
    } finally {
      document.adoptedStyleSheets = [];
    }
  });
});
