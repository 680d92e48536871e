// The waiting room seen by a host whose window is closed, in real Chromium against a real server with the
// demo (issue 12): a guest who closes the tab is seen leaving (a short lobby grace), and a knock brings
// the alert, with the count on Share, from which the host admits without opening the window.
// With E2E_SCREENSHOTS=<folder> it also saves the alert in light and dark and the window with an
// online and an offline guest.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { demoSession } from './browser.ts';
import {
  copyLink,
  createLink,
  enableGuestAccess,
  expectWatchingAsGuest,
  joinAs,
  newVisitor as newVisitorOf,
  openGuestAccess,
} from './demo-steps.ts';

const screenshots = process.env.E2E_SCREENSHOTS;

const demo = demoSession({
  rateLimitPerMinute: 0,
  // A guest offline this long has left the waiting room: short, yet long enough for a guest's stream to
  // open after joining on a busy machine (one who never opens it leaves too).
  lobbyGraceSeconds: 3,
});

const newVisitor = (options: Parameters<Browser['newContext']>[0] = {}) =>
  newVisitorOf(demo.browser, demo.problems, options);

test('a host with the window closed sees a guest leave, gets the alert for the next, and admits from it', {
  timeout: 120_000,
}, async () => {
  const [hostContext, host] = await newVisitor();
  const manager = await openGuestAccess(host, demo.server.url);
  await enableGuestAccess(manager);
  await createLink(host, manager, 'Panel');
  const linkUrl = await copyLink(host, manager, 'Panel');
  await manager.getByRole('button', { name: 'Close' }).click();
  await manager.waitFor({ state: 'hidden' });
  const share = host.getByRole('button', { name: /^Share/ });
  assert.equal(await share.getAttribute('aria-label'), null);

  // Ada knocks: the alert and the count on Share, focus left where it was.
  await host.getByRole('button', { name: 'More actions' }).focus();
  const [adaContext, ada] = await newVisitor();
  await joinAs(ada, linkUrl, 'Ada');
  const alert = host.getByRole('region', { name: 'Guests waiting' });
  await alert.getByText('Ada is waiting').waitFor();
  await host.getByRole('button', { name: 'Share, 1 guest waiting' }).waitFor();
  assert.equal(await host.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'More actions');
  if (screenshots) await host.screenshot({ path: join(screenshots, 'h1-alert-light.png') });

  // Ada closes her tab: after the lobby grace she has left, and the host's alert and badge go.
  await ada.close();
  await alert.waitFor({ state: 'hidden' });
  await host.getByRole('button', { name: 'Share', exact: true }).waitFor();

  // Bea knocks: the host admits her from the alert, without opening the window.
  const [beaContext, bea] = await newVisitor();
  await joinAs(bea, linkUrl, 'Bea');
  await alert.getByText('Bea is waiting').waitFor();
  if (screenshots) {
    await host.emulateMedia({ colorScheme: 'dark' });
    await host.screenshot({ path: join(screenshots, 'h1-alert-dark.png') });
    await host.emulateMedia({ colorScheme: 'light' });
    const language = host.getByRole('combobox', { name: 'Language' });
    await language.selectOption('he');
    await host.getByRole('region', { name: 'אורחים ממתינים' }).waitFor();
    await host.screenshot({ path: join(screenshots, 'h1-alert-he.png') });
    await language.selectOption('en');
  }
  await alert.getByRole('button', { name: 'Admit Bea' }).click();
  await expectWatchingAsGuest(bea, 'Bea');
  await alert.waitFor({ state: 'hidden' });
  assert.equal(await host.getByRole('dialog', { name: 'Manage guest access' }).isVisible(), false);

  if (screenshots) {
    // The window with Cy waiting (online) and Bea in the session with her tab closed (offline).
    const [cyContext, cy] = await newVisitor();
    await joinAs(cy, linkUrl, 'Cy');
    await alert.getByText('Cy is waiting').waitFor();
    await bea.close();
    await alert.getByRole('button', { name: 'View' }).click();
    const window = host.getByRole('dialog', { name: 'Manage guest access' });
    await window.getByText(/offline since/).waitFor();
    await host.screenshot({ path: join(screenshots, 'h1-manager-presence.png'), fullPage: true });
    await cyContext.close();
  }

  assert.deepEqual(demo.problems, [], 'no script errors or CSP violations on any page');
  await Promise.all([hostContext, adaContext, beaContext].map((context) => context.close()));
});
