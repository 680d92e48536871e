// <guest-access-manager>'s knock alert while its code (the windows chunk) is still on its way: a knock then
// is shown once the code comes, and notified only if the host had opted in when it happened. In a file of its
// own, so that the chunk is not already loaded by an earlier test on the page.
import { expect, waitUntil } from '@open-wc/testing';
import {
  alertOf,
  closedManager,
  fakeNotifications,
  optInToNotifications,
  redeem,
  setupRoom,
} from './guest-access-manager.helpers.ts';
import { holdModule } from './guest-entry-form.helpers.ts';

const WINDOWS = '/widget/guest-access-manager/windows.ts';

describe('<guest-access-manager> knock alert before its code has loaded', () => {
  it('does not notify of a knock made before the host opted in, even if the alert code comes after', async () => {
    const { shown, restore } = fakeNotifications();
    await holdModule(WINDOWS, true);
    try {
      const room = await setupRoom({ enabled: true, links: [{ name: 'Press' }] });
      const element = await closedManager(room);
      await redeem(room, 0, 'Ana Lima');
      await waitUntil(() => element.waitingCount === 1, 'not counted', { timeout: 5000 });
      // The alert's code is still on its way when the host opts in.
      await optInToNotifications(element);
      element.close();
      await holdModule(WINDOWS, false);
      await waitUntil(() => alertOf(element), 'no alert once its code came', { timeout: 5000 });
      expect(shown, 'a knock from before the opt-in').to.deep.equal([]);

      await redeem(room, 0, 'Ben Cohen');
      await waitUntil(() => shown.length > 0, 'no notification for a knock after opting in', {
        timeout: 5000,
      });
      expect(shown).to.deep.equal(['Ben Cohen is waiting to be admitted']);
    } finally {
      await holdModule(WINDOWS, false);
      restore();
    }
  });
});
