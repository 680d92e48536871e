// One theme (issue 13, items 11 and 14): the contrast of the accent, focus ring, field borders and the busy
// Join in both themes, computed from the rendered styles; a tenant's colour adjusted per theme; every
// documented --guest-access-* knob reaching the card; the knobs listed in custom-elements.json.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { contrastRatio } from '../../widget/internal/brand-accent.ts';
import { themeProperties } from '../../widget/internal/theme.ts';
import {
  callApi,
  channels,
  entryForm,
  find,
  join,
  setupRoom,
  submitButton,
  viewShown,
} from './guest-entry-form.helpers.ts';

afterEach(() => sessionStorage.clear());
after(() => emulateMedia({ colorScheme: 'light' }));

const ratio = (a: string, b: string) => contrastRatio(channels(a), channels(b));
const style = (element: Element) => getComputedStyle(element);

for (const theme of ['light', 'dark'] as const) {
  describe(`<guest-entry-form> contrast, ${theme}`, () => {
    it('accent, focus ring and field borders reach 3:1 on the card; the busy Join keeps 4.5:1', async () => {
      const room = await setupRoom();
      const element = await entryForm(room, room.tokens[0] as string);
      element.theme = theme;
      await viewShown(element, 'form');
      const card = style(find(element, '[part=base]')).backgroundColor;
      const name = find<HTMLInputElement>(element, '#name');
      expect(ratio(style(submitButton(element)).backgroundColor, card), 'accent').to.be.at.least(3);
      expect(ratio(style(name).borderTopColor, card), 'field border on the card').to.be.at.least(3);
      expect(ratio(style(name).borderTopColor, style(name).backgroundColor), 'field border').to.be.at.least(
        3,
      );
      name.focus();
      expect(style(name).outlineStyle).to.equal('solid');
      expect(ratio(style(name).outlineColor, card), 'focus ring').to.be.at.least(3);
      expect(ratio(style(name).color, style(name).backgroundColor), 'typed text').to.be.at.least(4.5);

      await join(element);
      await element.updateComplete;
      const busy = submitButton(element);
      expect(busy.getAttribute('aria-busy')).to.equal('true');
      expect(style(busy).opacity).to.equal('1');
      expect(ratio(style(busy).color, style(busy).backgroundColor), 'busy Join').to.be.at.least(4.5);
      await viewShown(element, 'waiting');
      const notYou = find(element, '[part=not-you-button]');
      expect(ratio(style(notYou).color, card), 'Not you? link').to.be.at.least(4.5);
    });
  });
}

describe('<guest-entry-form> theme', () => {
  it('follows the system without a theme attribute, and the attribute over the system', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    const card = () => style(find(element, '[part=base]')).backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    await waitUntil(() => card() === 'rgb(31, 33, 38)', 'not dark with a dark system');
    element.theme = 'light';
    await element.updateComplete;
    expect(card()).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'light' });
    element.theme = 'dark';
    await element.updateComplete;
    expect(card()).to.equal('rgb(31, 33, 38)');
  });

  it("nudges a tenant's colour to 3:1 on the dark card, with legible text on it", async () => {
    const room = await setupRoom();
    // #2457d6 reads 6:1 on white but 2.6:1 on the dark card.
    await callApi({
      method: 'PATCH',
      path: '/v1/admin/tenant',
      token: room.apiKey,
      body: { branding: { accentColor: '#2457d6' } },
    });
    const element = await entryForm(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    const card = () => style(find(element, '[part=base]')).backgroundColor;
    element.theme = 'light';
    await element.updateComplete;
    expect(style(submitButton(element)).backgroundColor).to.equal('rgb(36, 87, 214)');
    element.theme = 'dark';
    await element.updateComplete;
    const accent = style(submitButton(element)).backgroundColor;
    expect(accent).to.not.equal('rgb(36, 87, 214)');
    expect(ratio(accent, card())).to.be.at.least(3);
    expect(ratio(style(submitButton(element)).color, accent)).to.be.at.least(4.5);
  });

  it('lets the page set every documented knob', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    const base = find(element, '[part=base]');
    const intro = find(element, '.intro');
    const name = find(element, '#name');
    const knobs: Record<keyof typeof themeProperties, [string, () => string]> = {
      '--guest-access-accent': ['rgb(1, 2, 3)', () => style(submitButton(element)).backgroundColor],
      '--guest-access-accent-text': ['rgb(4, 5, 6)', () => style(submitButton(element)).color],
      '--guest-access-background': ['rgb(7, 8, 9)', () => style(base).backgroundColor],
      '--guest-access-text': ['rgb(10, 11, 12)', () => style(base).color],
      '--guest-access-muted': ['rgb(13, 14, 15)', () => style(intro).color],
      '--guest-access-border': ['rgb(16, 17, 18)', () => style(name).borderTopColor],
      '--guest-access-danger': ['rgb(19, 20, 21)', () => style(find(element, '.required')).color],
      '--guest-access-success': ['rgb(22, 23, 24)', () => style(base).getPropertyValue('--_success').trim()],
      '--guest-access-radius': ['3px', () => style(base).borderTopLeftRadius],
      '--guest-access-font': ['serif', () => style(base).fontFamily],
    };
    expect(Object.keys(knobs)).to.have.members(Object.keys(themeProperties));
    for (const [knob, [value, read]] of Object.entries(knobs)) {
      element.style.setProperty(knob, value);
      expect(read(), knob).to.equal(value);
      element.style.removeProperty(knob);
    }
  });

  it('takes a light-dark() pair for a knob, resolved by the theme', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    element.style.setProperty('--guest-access-accent', 'light-dark(rgb(1, 2, 3), rgb(4, 5, 6))');
    element.theme = 'light';
    await element.updateComplete;
    expect(style(submitButton(element)).backgroundColor).to.equal('rgb(1, 2, 3)');
    element.theme = 'dark';
    await element.updateComplete;
    expect(style(submitButton(element)).backgroundColor).to.equal('rgb(4, 5, 6)');
  });

  it('lists the knobs in custom-elements.json', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const declaration = manifest.modules
      .flatMap((module: { declarations?: unknown[] }) => module.declarations ?? [])
      .find((candidate: { tagName?: string }) => candidate.tagName === 'guest-entry-form');
    const listed = declaration.cssProperties.map((property: { name: string }) => property.name);
    expect(listed).to.include.members(Object.keys(themeProperties));
  });
});
