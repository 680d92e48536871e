// <guest-access-manager> across a dropped connection (a deploy, a network change): the window keeps what it
// shows, says it may be out of date while the room's stream is being reopened, and catches up once back.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { byRole, openManager, redeem, setupRoom } from './guest-access-manager.helpers.ts';

/** The API through a proxy the test can cut. */
const viaProxy = () => executeServerCommand<{ url: string }, unknown>('ga:proxy', {});
/** Drops every connection through the proxy, refusing new ones for `refuseMs`. */
const cut = (refuseMs: number) => executeServerCommand('ga:proxy-cut', { refuseMs });

describe('<guest-access-manager> across a dropped connection', () => {
  it('says the connection is lost while it reconnects, keeps the window, and catches up once back', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const element = await openManager({ ...room, url: (await viaProxy()).url });
    const connection = () => element.shadowRoot?.querySelector('[part="connection"]');
    expect(connection()?.getAttribute('role')).to.equal('status');
    expect(connection()?.textContent?.trim()).to.equal('');

    await cut(1500);
    await waitUntil(
      () => connection()?.textContent?.includes('Connection lost — reconnecting.'),
      'the drop is not shown',
    );
    // The window stays, with what it showed.
    expect(byRole(element, 'table')).to.exist;
    // A guest who arrives while the host is away: seen once the stream is back.
    await redeem(room, 0, 'Ada Lovelace');
    await waitUntil(() => connection()?.textContent?.trim() === '', 'the notice stayed once back', {
      timeout: 10_000,
    });
    await waitUntil(
      () => element.shadowRoot?.textContent?.includes('Ada Lovelace'),
      'the guest who arrived meanwhile is not shown',
    );
  });
});
