// <guest-access-manager> whose `api` names another server (the app's own origin, which answers its pages):
// the window says the service does not answer there, not "Something went wrong" or that the page's origin
// is not allowed.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widget/guest-access-manager/define.ts';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';

describe('<guest-access-manager> with a wrong api', () => {
  it('says the service does not answer at its address', async () => {
    const element = await fixture<GuestAccessManager>(
      html`<guest-access-manager api=${location.origin} room="town-hall" lang="en" .getToken=${async () => 'token'}></guest-access-manager>`,
    );
    await waitUntil(() => element.shadowRoot?.querySelector('[role="alert"]'), 'no error shown', {
      timeout: 8000,
    });
    const text = element.shadowRoot?.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ');
    expect(text).to.include("The guest-access service does not answer at this window's address");
  });
});
