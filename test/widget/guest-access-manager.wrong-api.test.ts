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

describe('<guest-access-manager> without an api', () => {
  it('says in the console what is missing', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      await fixture(
        html`<guest-access-manager room="town-hall" .getToken=${async () => 'token'}></guest-access-manager>`,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.deep.equal([
      '<guest-access-manager> room "town-hall" has no api: set it to the guest-access service\'s base URL, e.g. https://guest-access.example.com.',
    ]);
  });
});
