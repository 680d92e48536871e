// <guest-access-manager> on a page whose Content-Security-Policy does not let it connect to the API: it
// says so (the browser fails such a request like one that got no answer), not "Cannot reach the server".
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widget/guest-access-manager/define.ts';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import { setupRoom } from './guest-access-manager.helpers.ts';

describe('<guest-access-manager> under a Content-Security-Policy', () => {
  it('names the page’s policy when it blocks the API', async () => {
    const room = await setupRoom({ enabled: true });
    // Connections to this page's own origin only (the test runner's); the API is on another port.
    const policy = Object.assign(document.createElement('meta'), { httpEquiv: 'Content-Security-Policy' });
    policy.content = "connect-src 'self'";
    document.head.append(policy);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const element = await fixture<GuestAccessManager>(
        html`<guest-access-manager api=${room.url} room=${room.roomId} lang="en" .getToken=${async () => room.hostToken}></guest-access-manager>`,
      );
      await waitUntil(() => element.shadowRoot?.querySelector('[role="alert"]'), 'no error shown', {
        timeout: 8000,
      });
      const text = element.shadowRoot?.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ');
      expect(text).to.include("This page's security policy (Content-Security-Policy) does not allow");
      expect(warnings.join('\n')).to.include(`blocks ${new URL(room.url).origin}: add it to connect-src`);
    } finally {
      console.warn = warn;
    }
  });
});
