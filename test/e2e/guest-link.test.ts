// The article end to end, in real Chromium against a real server with the demo: a host shares a guest
// link from the demo media page, two guests redeem it, one is admitted and one denied, the use limit
// turns a third away, and deleting the link shows the admitted guest the removed page on refresh.
// With E2E_SCREENSHOTS=<folder> it also saves the README's entry page picture (npm run screenshots; the
// host's window is manager-screenshot.ts).
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

const REMOVED = 'Access to this media via this link was removed. Please contact the media owner for access.';
const LINK_NAME = 'Guest speakers';
const screenshots = process.env.E2E_SCREENSHOTS;

const demo = demoSession({ rateLimitPerMinute: 0 });

/** A new browser profile of this file's browser, its problems collected for the final asserts. */
const newVisitor = (options: Parameters<Browser['newContext']>[0] = {}) =>
  newVisitorOf(demo.browser, demo.problems, options);

test('a host shares a guest link; the use limit, admission and deletion work as the article says', {
  timeout: 120_000,
}, async () => {
  const [hostContext, host] = await newVisitor();

  // Share → guest access; enable it, create a link with a 2-click limit, copy it.
  const manager = await openGuestAccess(host, demo.server.url);
  await enableGuestAccess(manager);
  await createLink(host, manager, LINK_NAME, 2);
  const linkUrl = await copyLink(host, manager, LINK_NAME);
  assert.match(linkUrl, new RegExp(`^${demo.server.url}/g/[\\w-]{22,}$`));

  // Two guests, each in a browser profile of their own, redeem it and wait.
  const [adaContext, ada] = await newVisitor();
  const [bobContext, bob] = await newVisitor();
  await joinAs(ada, linkUrl, 'Ada', screenshots && join(screenshots, 'entry.png'));
  await joinAs(bob, linkUrl, 'Bob');

  // The host sees both in the waiting room, admits one and denies the other.
  await manager.getByRole('button', { name: 'Admit Ada' }).waitFor();
  await manager.getByRole('button', { name: 'Deny Bob' }).waitFor();
  await manager
    .getByRole('row', { name: new RegExp(LINK_NAME) })
    .getByText('2 of 2 used')
    .waitFor();
  await manager.getByRole('button', { name: 'Admit Ada' }).click();
  await manager.getByRole('button', { name: 'Deny Bob' }).click();

  // Ada lands on the media page in guest mode, without the site's navigation or host controls;
  // Bob learns he was not admitted, without reloading.
  await expectWatchingAsGuest(ada, 'Ada');
  await bob.getByRole('heading', { name: 'You were not admitted' }).waitFor();

  // The link's two clicks are used: a third guest gets the removed page.
  const [carolContext, carol] = await newVisitor();
  await carol.goto(linkUrl);
  await carol.getByText(REMOVED).waitFor();
  assert.equal(await carol.getByRole('textbox', { name: 'Name' }).count(), 0);

  // The host deletes the link; Ada stays until she refreshes, then sees the removed page.
  await manager.getByRole('button', { name: `Delete link “${LINK_NAME}”` }).click();
  await host.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await manager.getByText('No guest links yet.').waitFor();
  await ada.getByText('Watching as a guest: Ada').waitFor();
  await ada.reload();
  await ada.getByText(REMOVED).waitFor();
  assert.equal(await ada.getByText('Watching as a guest: Ada').isVisible(), false);
  // The media page's status card is styled as the entry page's: its icon in a 3.5rem (56 px) circle.
  const icon = await ada.locator('[part="status-icon"]').boundingBox();
  assert.deepEqual([icon?.width, icon?.height], [56, 56], 'the status icon as on the entry page');

  assert.deepEqual(demo.problems, [], 'no script errors or CSP violations on any page');
  await Promise.all([hostContext, adaContext, bobContext, carolContext].map((context) => context.close()));
});

test('the three-dot menu opens the window too; a channel room and a moderator are told why they cannot manage links', {
  timeout: 60_000,
}, async () => {
  const [context, page] = await newVisitor();
  await page.goto(`${demo.server.url}/demo/rooms/northwind-channel`);
  // Keyboard only: the menu button opens on ArrowDown, Enter picks the item.
  await page.getByRole('button', { name: 'More actions' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('menuitem', { name: 'Manage guest access' }).focus();
  await page.keyboard.press('Enter');
  const manager = page.getByRole('dialog', { name: 'Manage guest access' });
  await manager.getByText('Guest access is not supported for channel rooms.').waitFor();
  await page.keyboard.press('Escape');
  await manager.waitFor({ state: 'hidden' });

  await page.getByRole('link', { name: 'Live session' }).click();
  await page.getByRole('combobox', { name: 'Signed in as' }).selectOption('moderator');
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Manage guest access' }).click();
  await manager
    .getByText(/only permitted users can manage guest access/i)
    .first()
    .waitFor();
  assert.equal(await manager.getByRole('button', { name: 'Create new link' }).count(), 0);
  assert.equal(await manager.getByRole('switch', { name: 'Enable guest access' }).isDisabled(), true);

  assert.deepEqual(demo.problems, [], 'no script errors or CSP violations on any page');
  await context.close();
});
