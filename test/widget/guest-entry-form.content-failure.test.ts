// The card's content is a chunk of its own: when it cannot load (offline, or gone after a deploy), the card
// says that part of the page did not load, in the guest's language, with nothing left as an unhandled
// rejection, and Try again loads it and opens the link.
import { expect } from '@open-wc/testing';
import {
  entryForm,
  failModule,
  failThenRetry,
  setupRoom,
  shadow,
  viewShown,
} from './guest-entry-form.helpers.ts';

const CONTENT = '/widget/guest-entry-form/entry-view.ts';

describe('<guest-entry-form> when its content cannot load', () => {
  afterEach(() => failModule(CONTENT, false));

  it('says part of the page did not load, and shows the form on Try again', async () => {
    const room = await setupRoom({ roomTitle: 'Quarterly review' });
    const element = await failThenRetry(
      CONTENT,
      () => entryForm(room, room.tokens[0] as string, 'es'),
      (shown) => {
        expect(shadow(shown).querySelector('[part=base]')?.getAttribute('aria-busy')).to.equal('false');
        expect(shadow(shown).querySelector('form'), 'a form without its code').to.equal(null);
        // Drawn as the card's other buttons are (a 44 px target), though their styles came with the content.
        const retry = shadow(shown).querySelector('[part~="retry-button"]') as HTMLElement;
        expect(getComputedStyle(retry).minHeight, 'Try again unstyled').to.equal('44px');
        // The message keeps clear of the language selector in the card's corner.
        const [message, language] = ['[role="alert"]', '[part=language]'].map(
          (selector) => shadow(shown).querySelector(selector)?.getBoundingClientRect() as DOMRect,
        ) as [DOMRect, DOMRect];
        expect(
          message.right <= language.left || message.left >= language.right,
          'under the selector',
        ).to.equal(true);
      },
    );
    await viewShown(element, 'form');
    expect(shadow(element).querySelector('[part=title]')?.textContent).to.equal('Quarterly review');
    expect(shadow(element).querySelector('[part=submit-button]')?.textContent?.trim()).to.equal('Unirse');
    expect(shadow(element).querySelector('[role="alert"]')).to.equal(null);
  });
});
