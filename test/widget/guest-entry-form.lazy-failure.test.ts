// The views after the form and their wording in the guest's language are chunks loaded on demand: when
// the wording cannot load, the view does not show in English; the element says that part of the page
// did not load (in the guest's language), nothing is left as an unhandled rejection, and Try again loads it.
import { expect, waitUntil } from '@open-wc/testing';
import {
  consoleProblems,
  entryForm,
  failModule,
  setupRoom,
  shadow,
  viewShown,
} from './guest-entry-form.helpers.ts';

afterEach(() => sessionStorage.clear());

describe('<guest-entry-form> when a chunk cannot load', () => {
  afterEach(() => failModule('/widget/locales/es.status.ts', false));

  it('says part of the page did not load when the Spanish of the views after the form cannot load', async () => {
    await failModule('/widget/locales/es.status.ts', true);
    const room = await setupRoom();
    let element = undefined as unknown as Awaited<ReturnType<typeof entryForm>>;
    const problems = await consoleProblems(async () => {
      element = await entryForm(room, 'not-a-guest-link', 'es');
      await waitUntil(
        () =>
          shadow(element)
            .querySelector('[role="alert"]')
            ?.textContent?.includes('Una parte de la página no se cargó.'),
        'no error shown',
      );
    });
    expect(problems).to.deep.equal([]);
    expect(shadow(element).querySelector('[data-outcome]'), 'a view showed in English').to.equal(null);

    await failModule('/widget/locales/es.status.ts', false);
    shadow(element).querySelector<HTMLButtonElement>('[part~="retry-button"]')?.click();
    await viewShown(element, 'unavailable');
    expect(shadow(element).querySelector('[part=status-title]')?.textContent).to.equal(
      'Enlace no disponible',
    );
  });
});
