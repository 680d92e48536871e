// <guest-access-manager> sends nothing before it has a token, and with `modal` shows nothing before show()
// while its live connection still counts the guests who knock (issue 14 items 1 and 2).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { GuestAccessManager } from '../../widget/guest-access-manager/guest-access-manager.ts';
import { byRole, redeem, setupRoom } from './guest-access-manager.helpers.ts';
import { recordRequests } from './guest-access-manager.requests.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('<guest-access-manager> before a token, and modal', () => {
  it('sends no request before getToken is set, then only requests with a token', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const requests = recordRequests(room.url);
    try {
      const element = await fixture<GuestAccessManager>(
        html`<guest-access-manager api=${room.url} room=${room.roomId} lang="en"></guest-access-manager>`,
      );
      await settle();
      expect(requests.sent, 'requests sent without a token').to.deep.equal([]);

      element.getToken = async () => room.hostToken;
      await waitUntil(() => element.shadowRoot?.querySelector('table'), 'the window did not load', {
        timeout: 5000,
      });
      expect(requests.sent.some((each) => each.url.endsWith('/guest-access'))).to.equal(true);
      expect(requests.sent.some((each) => each.url.endsWith('/events'))).to.equal(true);
      expect(requests.sent.filter((each) => !each.authorized)).to.deep.equal([]);
    } finally {
      requests.restore();
    }
  });

  it('with `modal`, renders nothing before show() while counting knocks, then opens the window', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await fixture<GuestAccessManager>(
      html`<guest-access-manager
        modal
        alerts="off"
        api=${room.url}
        room=${room.roomId}
        lang="en"
        .token=${room.hostToken}
      ></guest-access-manager>`,
    );
    await redeem(room, 0, 'Ana Lima');
    await waitUntil(() => element.getAttribute('waiting-count') === '1', 'the knock was not counted', {
      timeout: 5000,
    });
    const root = element.shadowRoot as ShadowRoot;
    expect(root.querySelector('[part~="base"], dialog, [part~="alert"]')?.outerHTML ?? null).to.equal(null);
    expect(element.getBoundingClientRect().height).to.equal(0);

    await element.show();
    const dialog = byRole(element, 'dialog', 'Manage guest access') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    await waitUntil(() => root.querySelector('[data-guest-id]'), 'the waiting guest is not listed');

    byRole(element, 'button', 'Close').click();
    await waitUntil(() => !root.querySelector('dialog.main-window'), 'the closed window is still rendered');
  });

  it('show() on a hidden element opens a visible window', async () => {
    const room = await setupRoom({ enabled: true });
    const element = await fixture<GuestAccessManager>(
      html`<guest-access-manager
        hidden
        api=${room.url}
        room=${room.roomId}
        lang="en"
        .token=${room.hostToken}
      ></guest-access-manager>`,
    );
    await element.show();
    const dialog = (element.shadowRoot as ShadowRoot).querySelector(
      'dialog.main-window',
    ) as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(dialog.checkVisibility()).to.equal(true);
    expect(element.hidden).to.equal(false);
  });
});
