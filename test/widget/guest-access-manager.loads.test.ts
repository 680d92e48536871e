// <guest-access-manager> put on the page loads the room once, and once more when its stream opens (what
// the stream missed meanwhile): the `hosts` event every stream opens with must not make it a third time.
import { expect, waitUntil } from '@open-wc/testing';
import { openManager, setupRoom } from './guest-access-manager.helpers.ts';
import { recordRequests } from './guest-access-manager.requests.ts';

describe('<guest-access-manager> loads', () => {
  it('reads the room twice per mount, not again for the hosts event', async () => {
    const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
    const requests = recordRequests(room.url);
    try {
      await openManager(room);
      await waitUntil(requests.live, 'the live connection did not open');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const loads = requests.sent.filter((each) => each.url.endsWith('/guest-access'));
      expect(loads.length).to.equal(2);
    } finally {
      requests.restore();
    }
  });
});
