// The host's window on a touch screen wider than a phone (a tablet, 1024 px): every button, icon button and
// switch is a finger's target, at least 44 px, as on a phone; a mouse keeps the compact sizes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoSession } from './browser.ts';
import { createLink, enableGuestAccess, newVisitor, openGuestAccess } from './demo-steps.ts';

const demo = demoSession({ rateLimitPerMinute: 0 });

/** The window's visible buttons and switch rows shorter than 44 px (or icon buttons narrower): what to fix. */
const smallTargets = `(() => {
  const root = document.querySelector('guest-access-manager').shadowRoot;
  return [...root.querySelectorAll('dialog[open] button, dialog[open] .row-switch, dialog[open] .switch-row')]
    .map((target) => [target, target.getBoundingClientRect()])
    .filter(([target, box]) => box.height > 0 && (box.height < 43.5 || (target.matches('.icon-button') && box.width < 43.5)))
    .map(([target, box]) => (target.getAttribute('aria-label') || target.textContent.trim()) + ' ' + Math.round(box.width) + '×' + Math.round(box.height));
})()`;

test('on a 1024 px touch screen every control of the host window is at least 44 px to tap; with a mouse not', async () => {
  for (const hasTouch of [true, false]) {
    const [context, host] = await newVisitor(demo.browser, demo.problems, {
      viewport: { width: 1024, height: 900 },
      hasTouch,
    });
    const manager = await openGuestAccess(host, demo.server.url);
    if (hasTouch) {
      await enableGuestAccess(manager);
      await createLink(host, manager, 'Press', 25);
    }
    await manager.getByRole('switch', { name: 'Enable link “Press”' }).waitFor();
    const small = (await host.evaluate(smallTargets)) as string[];
    if (hasTouch) assert.deepEqual(small, [], 'targets under 44 px on a touch screen');
    else assert.ok(small.length > 0, 'with a mouse the window keeps its compact controls');
    await context.close();
  }
});
