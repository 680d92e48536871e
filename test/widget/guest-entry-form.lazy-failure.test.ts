// The wording of the views after the form in the guest's language is a chunk loaded on demand: when it
// cannot load, the view does not show in English; the element says that part of the page did not load (in
// the guest's language), nothing is left as an unhandled rejection, and Try again loads it.
import { expect } from '@open-wc/testing';
import {
  entryForm,
  failModule,
  failThenRetry,
  setupRoom,
  shadow,
  viewShown,
} from './guest-entry-form.helpers.ts';

afterEach(() => sessionStorage.clear());

describe('<guest-entry-form> when a chunk cannot load', () => {
  afterEach(() => failModule('/widget/locales/es.status.ts', false));

  it('says part of the page did not load when the Spanish of the views after the form cannot load', async () => {
    const room = await setupRoom();
    const element = await failThenRetry(
      '/widget/locales/es.status.ts',
      () => entryForm(room, 'not-a-guest-link', 'es'),
      (shown) =>
        expect(shadow(shown).querySelector('[data-outcome]'), 'a view showed in English').to.equal(null),
    );
    await viewShown(element, 'unavailable');
    expect(shadow(element).querySelector('[part=status-title]')?.textContent).to.equal(
      'Enlace no disponible',
    );
  });
});
