// Why the window or an action was refused comes in the host's language: those sentences are a section of their
// own (failure-strings.ts), loaded with the window's body, and the window waits for them rather than say it in
// English first. (A file of its own: once a page has a language's chunk, it keeps it.)
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import { en } from '../../widget/locales/en.ts';
import { openManager, setupRoom } from './guest-access-manager.helpers.ts';
import { holdModule } from './guest-entry-form.helpers.ts';

const SPANISH = '/widget/locales/es.failures.ts';
const alert = (element: GuestAccessManager) => element.shadowRoot?.querySelector('[role="alert"]');

describe('<guest-access-manager> refusals in the host’s language', () => {
  afterEach(() => holdModule(SPANISH, false));

  it('says a refused room in Spanish once its words have come, never in English before', async () => {
    await holdModule(SPANISH, true);
    const room = await setupRoom({ enabled: true, perms: [] });
    const element = await fixture<GuestAccessManager>(
      html`<guest-access-manager api=${room.url} room=${room.roomId} lang="es" token=${room.hostToken}></guest-access-manager>`,
    );
    // The refusal comes, the Spanish words are held: nothing is said meanwhile (not the English sentence).
    const said = await waitUntil(() => alert(element), 'nothing said', { timeout: 3000 }).then(
      () => alert(element)?.textContent ?? '',
      () => undefined,
    );
    expect(said, 'said before its words came').to.equal(undefined);
    expect(element.shadowRoot?.querySelector('[part~="skeleton"]'), 'no skeleton meanwhile').to.exist;

    await holdModule(SPANISH, false);
    await waitUntil(() => alert(element), 'no refusal');
    // Imported only now: the test's own import would have brought the held chunk.
    const { es } = await import('../../widget/locales/es.failures.ts');
    expect(alert(element)?.textContent?.trim()).to.equal(es.failures.refusal.forbidden);
    expect(es.failures.refusal.forbidden).not.to.equal(en.failures.refusal.forbidden);
  });

  it('gives the create button’s reason in Hebrew', async () => {
    const element = await openManager(await setupRoom({ enabled: false }), { lang: 'he' });
    const { he } = await import('../../widget/locales/he.failures.ts');
    expect(element.shadowRoot?.querySelector('#create-reason')?.textContent?.trim()).to.equal(
      he.failures.createNeedsAccess,
    );
  });
});
