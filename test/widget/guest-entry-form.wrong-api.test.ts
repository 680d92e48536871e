// <guest-entry-form> on an app's page without `api` (its default, the page's origin, answers with the app's
// pages): the guest reads that the server cannot be reached and keeps their session (another server's 404
// says nothing of the link), and the console tells the developer why.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../widget/guest-entry-form/define.ts';
import type { GuestEntryForm } from '../../widget/guest-entry-form/guest-entry-form.ts';

describe('<guest-entry-form> with a wrong api', () => {
  it('warns in the console that the service did not answer at its address', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    // A guest who was waiting, back on the page (a session is kept per link token).
    sessionStorage.setItem('guest-access:session:t0k3n', 'gst_kept');
    try {
      const element = await fixture<GuestEntryForm>(
        html`<guest-entry-form token="t0k3n" lang="en"></guest-entry-form>`,
      );
      await waitUntil(() => warnings.length > 0, 'nothing in the console', { timeout: 5000 });
      await waitUntil(
        () => element.shadowRoot?.textContent?.includes("Can't reach the server"),
        "not the offline view (Can't reach the server)",
        { timeout: 5000 },
      );
      expect(sessionStorage.getItem('guest-access:session:t0k3n')).to.equal('gst_kept');
    } finally {
      console.warn = warn;
      sessionStorage.removeItem('guest-access:session:t0k3n');
    }
    expect(warnings[0]).to.match(
      /^<guest-entry-form> could not reach the service: not_api \(404\) .*set `api`/,
    );
  });
});
