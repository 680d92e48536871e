// The README's picture of the host's window (docs/manager.png), through the demo as a host uses it: 1280 px,
// English, light; guest access on, three links with click limits and durations, one guest waiting.
//   node build.mjs && node --import tsx test/e2e/manager-screenshot.ts docs   (part of npm run screenshots)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startServer } from '../../api/server.ts';
import { launchChromium } from './browser.ts';
import { copyLink, enableGuestAccess, joinAs, newVisitor, openGuestAccess } from './demo-steps.ts';

const out = process.argv[2] ?? 'docs';
const folder = mkdtempSync(join(tmpdir(), 'guest-access-screenshot-'));
const server = await startServer({
  dbFile: join(folder, 'guest-access.db'),
  port: 0,
  demo: true,
  config: { rateLimitPerMinute: 0 },
});
const browser = await launchChromium();
const problems: string[] = [];

/** "Create new link" filled in as a host would: a name, and a click limit and duration when given. */
async function create(host: Page, manager: Locator, name: string, clicks?: number, days?: number) {
  await manager.getByRole('button', { name: 'Create new link' }).click();
  const window = host.getByRole('dialog', { name: 'Create new link' });
  await window.getByRole('textbox', { name: /Link Name/ }).fill(name);
  if (clicks) await window.getByRole('spinbutton', { name: '# of clicks' }).fill(String(clicks));
  if (days) await window.getByRole('spinbutton', { name: 'Duration' }).fill(String(days));
  await window.getByRole('button', { name: 'Create', exact: true }).click();
  await manager
    .getByRole('cell', { name: new RegExp(name) })
    .first()
    .waitFor();
}

try {
  const [, host] = await newVisitor(browser, problems, {
    viewport: { width: 1280, height: 1200 },
    colorScheme: 'light',
    locale: 'en-US',
  });
  // A host who has not been asked about notifications yet: headless Chromium answers "denied" to everyone.
  // (A string: tsx would wrap a function's inner arrows in a helper the page lacks.)
  await host.addInitScript("Object.defineProperty(Notification, 'permission', { get: () => 'default' })");
  const manager = await openGuestAccess(host, server.url);
  await enableGuestAccess(manager);
  await create(host, manager, 'Guest speakers', 25, 7);
  await create(host, manager, 'Press', 100, 30);
  await create(host, manager, 'Partners', undefined, 14);
  const url = await copyLink(host, manager, 'Guest speakers');
  // Copied: the new link's "copy it to share" highlight goes, as once the host has shared it.
  await copyLink(host, manager, 'Partners');
  const [, guest] = await newVisitor(browser, problems);
  await joinAs(guest, url, 'Ada');
  await manager.getByRole('button', { name: 'Admit Ada' }).waitFor();
  // The "Link copied" feedback gone, the focus ring off the Copy button.
  await host.waitForTimeout(2500);
  await host.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await host.mouse.move(0, 0);
  await host.screenshot({ path: join(out, 'manager.png') });
  if (problems.length) throw new Error(problems.join('\n'));
  console.log(`saved ${join(out, 'manager.png')}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(folder, { recursive: true, force: true });
}
