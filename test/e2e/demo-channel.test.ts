// The demo's Share window in a channel room (issue 13, item 6): guest access is not supported there, so
// the guest-access icon is disabled with the reason as its tooltip, and pressing it says why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoSession } from './browser.ts';
import { newVisitor } from './demo-steps.ts';

const REASON = 'Guest access is not supported for channel rooms.';

const demo = demoSession();

test('the Share window of a channel room disables the guest-access icon, the reason as its tooltip', async () => {
  const [context, host] = await newVisitor(demo.browser, demo.problems);
  await host.goto(`${demo.server.url}/demo/rooms/northwind-channel`);
  await host.getByRole('button', { name: 'Share' }).click();
  const share = host.getByRole('dialog', { name: 'Share' });
  const icon = share.getByRole('button', { name: 'Guest access' });

  assert.equal(await icon.getAttribute('aria-disabled'), 'true');
  assert.equal(await icon.getAttribute('title'), REASON);
  // Still focusable (aria-disabled, not disabled), so a keyboard user reaches the reason too.
  await icon.focus();
  await host.keyboard.press('Enter');
  await share.getByText(REASON).waitFor();
  assert.equal(await host.getByRole('dialog', { name: 'Manage guest access' }).count(), 0);

  // A room that supports guest access keeps the icon enabled.
  await host.goto(`${demo.server.url}/demo`);
  await host.getByRole('button', { name: 'Share' }).click();
  assert.equal(await host.getByRole('button', { name: 'Guest access' }).getAttribute('aria-disabled'), null);
  await context.close();
  assert.deepEqual(demo.problems, []);
});
