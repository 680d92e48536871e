// <guest-access-manager> inside another site's iframe: Chromium logs "Blocked autofocusing … in a
// cross-origin subframe" as a console error for every `autofocus` attribute rendered there, so the inner
// windows focus their first control themselves.
import { expect, waitUntil } from '@open-wc/testing';
import { byRole, openManager, queryByRole, setupRoom } from './guest-access-manager.helpers.ts';

describe('<guest-access-manager> in an iframe', () => {
  it('renders no autofocus attribute, and its windows still focus their first control', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager(room);
    byRole(element, 'button', 'Create new link').click();
    await waitUntil(() => queryByRole(element, 'textbox', 'Link Name'), 'no create window');
    expect(element.shadowRoot?.querySelectorAll('[autofocus]').length).to.equal(0);
    await waitUntil(
      () => element.shadowRoot?.activeElement === byRole(element, 'textbox', 'Link Name'),
      'the name field is not focused',
    );
  });
});
