// The card's content is a chunk of its own: when it cannot load (offline, or gone after a deploy), the card
// says that part of the page did not load, in the guest's language, with nothing left as an unhandled
// rejection, and Try again loads it and opens the link.
import { expect, waitUntil } from '@open-wc/testing';
import {
  consoleProblems,
  entryForm,
  failModule,
  setupRoom,
  shadow,
  viewShown,
} from './guest-entry-form.helpers.ts';

const CONTENT = '/widget/guest-entry-form/entry-view.ts';

describe('<guest-entry-form> when its content cannot load', () => {
  afterEach(() => failModule(CONTENT, false));

  it('says part of the page did not load, and shows the form on Try again', async () => {
    await failModule(CONTENT, true);
    const room = await setupRoom({ roomTitle: 'Quarterly review' });
    let element = undefined as unknown as Awaited<ReturnType<typeof entryForm>>;
    const problems = await consoleProblems(async () => {
      element = await entryForm(room, room.tokens[0] as string, 'es');
      await waitUntil(
        () =>
          shadow(element)
            .querySelector('[role="alert"]')
            ?.textContent?.includes('Una parte de la página no se cargó.'),
        'no error shown',
      );
    });
    expect(problems).to.deep.equal([]);
    expect(shadow(element).querySelector('[part=base]')?.getAttribute('aria-busy')).to.equal('false');
    expect(shadow(element).querySelector('form'), 'a form without its code').to.equal(null);

    await failModule(CONTENT, false);
    shadow(element).querySelector<HTMLButtonElement>('[part~="retry-button"]')?.click();
    await viewShown(element, 'form');
    expect(shadow(element).querySelector('[part=title]')?.textContent).to.equal('Quarterly review');
    expect(shadow(element).querySelector('[part=submit-button]')?.textContent?.trim()).to.equal('Unirse');
    expect(shadow(element).querySelector('[role="alert"]')).to.equal(null);
  });
});
