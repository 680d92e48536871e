// The card's content (the brand, the room's header, the form and the session behind them) is a chunk of its
// own. The link's first request goes out as the element starts, beside that chunk, and the session reads its
// answer once the chunk has come: one request, not a second after the first. A link changed meanwhile is
// the one that opens.
import { expect, waitUntil } from '@open-wc/testing';
import { entryForm, holdModule, setupRoom, shadow, viewShown } from './guest-entry-form.helpers.ts';

const CONTENT = '/widget/guest-entry-form/entry-view.ts';

/** The page's requests for a path of the API (Resource Timing names every fetch, across origins too). */
const requestsTo = (path: string) =>
  performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname === path);

describe('<guest-entry-form> while its content is on its way', () => {
  afterEach(() => holdModule(CONTENT, false));

  it('sends the link’s request before the content has come, and reads that answer without asking again', async () => {
    await holdModule(CONTENT, true);
    const room = await setupRoom({ roomTitle: 'Quarterly review' });
    const token = room.tokens[0] as string;
    const element = await entryForm(room, 'no-such-link');
    await waitUntil(
      () => requestsTo('/v1/links/no-such-link').length === 1,
      'no request while the content is held',
    );
    expect(shadow(element).querySelector('[role=status]')?.textContent).to.equal('Loading…');
    expect(shadow(element).querySelector('[part=base]')?.getAttribute('aria-busy')).to.equal('true');
    expect(shadow(element).querySelector('[part=language]'), 'no language selector yet').to.exist;

    // Another link before the content has come: that one opens, not the first.
    element.token = token;
    await waitUntil(() => requestsTo(`/v1/links/${token}`).length === 1, 'the new link was not asked for');
    await holdModule(CONTENT, false);
    await viewShown(element, 'form');
    expect(shadow(element).querySelector('[part=title]')?.textContent).to.equal('Quarterly review');
    expect(shadow(element).querySelector('[part=base]')?.getAttribute('aria-busy')).to.equal('false');
    expect(requestsTo(`/v1/links/${token}`), 'the link was asked for again').to.have.length(1);
  });
});
