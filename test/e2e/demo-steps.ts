// The steps of the demo's flow the end-to-end tests share, each as a person takes it in the browser: a host
// opens guest access from the media page's Share window, turns it on, creates and copies a link; a guest
// joins through it and lands on the media page once admitted.
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { watchedPage } from './browser.ts';

export const MEDIA_TITLE = 'Make your next event a next-level event';

/** A new browser profile: guests in separate contexts share no storage with each other or the host. */
export async function newVisitor(
  browser: Browser,
  problems: string[],
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<[BrowserContext, Page]> {
  // Reduced motion holds the demo's animated player still, sparing the CPU the test shares.
  const context = await browser.newContext({
    viewport: { width: 1100, height: 900 },
    reducedMotion: 'reduce',
    ...options,
  });
  return [context, await watchedPage(context, problems)];
}

/** The host opens the demo's media page at `origin`, then Share → the guest-access icon at the far right. */
export async function openGuestAccess(host: Page, origin: string): Promise<Locator> {
  await host.goto(`${origin}/demo`);
  await host.getByRole('button', { name: 'Share' }).click();
  const shareIcons = host.getByRole('dialog', { name: 'Share' }).getByRole('button');
  assert.equal(await shareIcons.last().getAttribute('aria-label'), 'Guest access');
  await host.getByRole('button', { name: 'Guest access' }).click();
  const manager = host.getByRole('dialog', { name: 'Manage guest access' });
  await manager.waitFor();
  return manager;
}

/** A click, then the API's answer: the switch shows the server's state, not an optimistic one. */
export async function enableGuestAccess(manager: Locator): Promise<void> {
  await manager.getByRole('switch', { name: 'Enable guest access' }).click();
  await manager.getByRole('switch', { name: 'Enable guest access', checked: true }).waitFor();
}

/** Creates a link named `name` (with a click limit when given) and waits for its row. */
export async function createLink(host: Page, manager: Locator, name: string, clicks?: number): Promise<void> {
  await manager.getByRole('button', { name: 'Create new link' }).click();
  const createWindow = host.getByRole('dialog', { name: 'Create new link' });
  await createWindow.getByRole('textbox', { name: /Link Name/ }).fill(name);
  if (clicks !== undefined)
    await createWindow.getByRole('spinbutton', { name: '# of clicks' }).fill(String(clicks));
  await createWindow.getByRole('button', { name: 'Create', exact: true }).click();
  await manager.getByRole('cell', { name }).waitFor();
}

/** Copies the link's URL with its Copy button and reads it back from the clipboard. */
export async function copyLink(host: Page, manager: Locator, name: string): Promise<string> {
  await host
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url()).origin });
  await manager.getByRole('button', { name: `Copy link “${name}”` }).click();
  await manager.getByText('Link copied').waitFor();
  return host.evaluate(() => navigator.clipboard.readText());
}

/** Fills the entry form and joins; `screenshot` saves the filled form first. */
export async function joinAs(page: Page, url: string, name: string, screenshot?: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('textbox', { name: 'Email' }).fill(`${name.toLowerCase()}@example.com`);
  if (screenshot) await page.screenshot({ path: screenshot });
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('heading', { name: 'Waiting to be admitted' }).waitFor();
}

/**
 * The admitted guest is on the media page in guest mode, without the site's navigation or host controls, and
 * the session token is out of the address bar.
 */
export async function expectWatchingAsGuest(page: Page, name: string): Promise<void> {
  await page.getByText(`Watching as a guest: ${name}`).waitFor();
  await page.getByRole('heading', { level: 1, name: MEDIA_TITLE }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Share' }).count(), 0);
  assert.equal(await page.getByRole('navigation').count(), 0);
  assert.doesNotMatch(page.url(), /session=/, 'the session token is taken out of the address bar');
}
