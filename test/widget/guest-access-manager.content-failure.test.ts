// The manager's first load is its frame and skeleton; the room, its live connection, the knock alert and the
// windows are a chunk fetched as it starts (manager-content.ts). When that chunk cannot load, the window says
// that part of the page did not load, nothing is left as an unhandled rejection (the room's first requests,
// sent beside the chunk, are dropped), and Try again loads it and the room. (A file of its own: once a page
// has a chunk, it keeps it.)
import { expect, waitUntil } from '@open-wc/testing';
import { byRole, openManager, queryByRole, setupRoom } from './guest-access-manager.helpers.ts';
import { consoleProblems, failModule } from './guest-entry-form.helpers.ts';

const CONTENT = '/widget/guest-access-manager/manager-content.ts';

describe('<guest-access-manager> when its content cannot load', () => {
  afterEach(() => failModule(CONTENT, false));

  it('says part of the page did not load, and shows the room on Try again', async () => {
    await failModule(CONTENT, true);
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    let element = undefined as unknown as Awaited<ReturnType<typeof openManager>>;
    const problems = await consoleProblems(async () => {
      element = await openManager(room);
      await waitUntil(
        () =>
          element.shadowRoot
            ?.querySelector('[role="alert"]')
            ?.textContent?.includes("Part of this page didn't load."),
        'no alert',
      );
    });
    expect(problems).to.deep.equal([]);
    expect(element.getAttribute('waiting-count')).to.equal('0');
    expect(queryByRole(element, 'button', 'Copy link “Press”'), 'a link without the code').to.equal(
      undefined,
    );

    await failModule(CONTENT, false);
    byRole(element, 'button', 'Try again').click();
    await waitUntil(() => queryByRole(element, 'button', 'Copy link “Press”'), 'the room did not show');
    expect(element.shadowRoot?.querySelector('[role="alert"]')).to.equal(null);
  });
});
