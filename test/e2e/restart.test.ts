// A deploy seen by a waiting guest and the host, in real Chromium against a real server: the server stops
// gracefully (ending every event stream) and starts again on the same port and database. The guest keeps
// their place, told the connection is lost, not sent to a "check your connection" page; the host keeps the
// window, told it may be out of date; once the server is back both reconnect by themselves, and the host
// admits the guest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoSession } from './browser.ts';
import {
  copyLink,
  createLink,
  enableGuestAccess,
  expectWatchingAsGuest,
  joinAs,
  newVisitor,
  openGuestAccess,
} from './demo-steps.ts';

const demo = demoSession({ rateLimitPerMinute: 0 });
const screenshots = process.env.E2E_SCREENSHOTS;

test('a waiting guest keeps their place across a server restart, and is admitted after it', {
  timeout: 120_000,
}, async () => {
  const [, host] = await newVisitor(demo.browser, demo.problems);
  const manager = await openGuestAccess(host, demo.server.url);
  await enableGuestAccess(manager);
  await createLink(host, manager, 'Panel');
  const linkUrl = await copyLink(host, manager, 'Panel');
  const [, ada] = await newVisitor(demo.browser, demo.problems);
  await joinAs(ada, linkUrl, 'Ada');
  await manager.getByRole('button', { name: 'Admit Ada' }).waitFor();

  const lost = ada.getByText('Connection lost — reconnecting. You keep your place in line.');
  const hostLost = manager.getByText('Connection lost — reconnecting. What you see may be out of date.');
  await demo.restart(async () => {
    await lost.waitFor();
    // The host keeps the window, told it may be out of date.
    await hostLost.waitFor();
    // Past the first retry, which finds no server: the guest still waits, still told why.
    await ada.waitForTimeout(2500);
    assert.equal(await ada.getByRole('heading', { name: 'Waiting to be admitted' }).isVisible(), true);
    assert.equal(await lost.isVisible(), true);
    assert.equal(await manager.getByRole('button', { name: 'Admit Ada' }).isVisible(), true);
    assert.equal(await hostLost.isVisible(), true);
    if (screenshots) {
      await ada.screenshot({ path: `${screenshots}/restart-guest-down.png` });
      await host.screenshot({ path: `${screenshots}/restart-host-down.png` });
    }
  });

  await lost.waitFor({ state: 'hidden' });
  await hostLost.waitFor({ state: 'hidden' });
  await manager.getByRole('button', { name: 'Admit Ada' }).click();
  await expectWatchingAsGuest(ada, 'Ada');
  assert.deepEqual(demo.problems, []);
});
