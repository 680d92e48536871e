// Language (issue 13, item 10): on the entry page, choosing a language sets <html lang dir> and the page's
// title (the page's own script, as the server sends it); an element without `lang` follows a later
// change of <html lang>.
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import {
  callApi,
  entryForm,
  find,
  type Room,
  setupRoom,
  submitButton,
  viewShown,
} from './guest-entry-form.helpers.ts';

const root = document.documentElement;
const original = { lang: root.lang, dir: root.dir, title: document.title };

afterEach(() => {
  sessionStorage.clear();
  fixtureCleanup();
  for (const added of document.head.querySelectorAll('[data-test-added]')) added.remove();
  Object.assign(root, { lang: original.lang, dir: original.dir });
  document.title = original.title;
});

/** The entry page's <meta> of languages and its script, as the server sends them for this token. */
async function loadEntryPage(room: Room, token: string) {
  const page = await callApi({ path: `/g/${token}` });
  const parsed = new DOMParser().parseFromString(page.body as string, 'text/html');
  const meta = parsed.querySelector('meta[name="guest-access-languages"]') as HTMLMetaElement;
  const src = parsed.querySelector('script[src*="guest-entry-page"]')?.getAttribute('src') as string;
  const script = await callApi({ path: src });
  const element = await entryForm(room, token);
  const added = [document.importNode(meta, true), document.createElement('script')];
  Object.assign(added[1] as HTMLScriptElement, { type: 'module', textContent: script.body as string });
  for (const node of added) {
    node.setAttribute('data-test-added', '');
    document.head.append(node);
  }
  return element;
}

async function choose(element: HTMLElement, language: string) {
  const select = find<HTMLSelectElement>(element as never, '[part=language] select');
  select.value = language;
  select.dispatchEvent(new Event('change'));
}

describe('<guest-entry-form> language', () => {
  it('choosing Hebrew on the entry page sets <html lang dir>; the title keeps the room', async () => {
    const room = await setupRoom();
    const element = await loadEntryPage(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    // The page script runs as a module: choose until it has hooked in.
    await waitUntil(async () => {
      await choose(element, 'he');
      return root.lang === 'he';
    }, '<html lang> did not follow');
    expect(root.dir).to.equal('rtl');
    expect(document.title).to.equal('Make your next event a next-level event');
    await choose(element, 'es');
    await waitUntil(() => root.lang === 'es', 'not Spanish');
    expect(root.dir).to.equal('ltr');
  });

  it('translates the neutral title of an unusable link', async () => {
    const room = await setupRoom();
    const element = await loadEntryPage(room, 'x8Qm1Yb2zkPp0aR7wT5uLc3nVd6sHe9jKf4gNiAo1Bq');
    await viewShown(element, 'unavailable');
    await waitUntil(async () => {
      await choose(element, 'he');
      return document.title === 'גישת אורחים';
    }, 'the title did not follow');
    expect([root.lang, root.dir]).to.deep.equal(['he', 'rtl']);
  });

  it('follows a later change of <html lang> when it has no lang of its own', async () => {
    const room = await setupRoom();
    const element = await entryForm(room, room.tokens[0] as string);
    await viewShown(element, 'form');
    expect(submitButton(element).textContent?.trim()).to.equal('Join');
    root.lang = 'es';
    await waitUntil(() => submitButton(element).textContent?.trim() === 'Unirse', 'did not follow Spanish');
    root.lang = 'he';
    await waitUntil(
      () => find(element, '[part=base]').getAttribute('dir') === 'rtl',
      'did not follow Hebrew',
    );
    // Its own lang wins over the page's.
    element.lang = 'en';
    await element.updateComplete;
    root.lang = 'es';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(submitButton(element).textContent?.trim()).to.equal('Join');
  });
});
