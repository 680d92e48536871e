// The demo media page on a phone (375 px), for a browser in each of the product's languages: nothing is
// wider than the screen (the header's two labelled fields wrap, the room's schedule breaks between its date
// and its time range, the range's separator hidden as on the entry card).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoSession } from './browser.ts';
import { MEDIA_TITLE, newVisitor } from './demo-steps.ts';

const demo = demoSession();

/** The elements wider than the page's width that hold no such element: what to fix. */
const overflowing = `(() => {
  const width = document.documentElement.clientWidth;
  const over = (element) => element.getBoundingClientRect().right > width + 1 || element.getBoundingClientRect().left < -1;
  return [...document.querySelectorAll('body *')]
    .filter((element) => over(element) && ![...element.children].some(over))
    .map((element) => element.tagName + ' ' + (element.textContent || '').trim().slice(0, 40));
})()`;

test('the demo media page fits a 375 px screen in English, Spanish and Hebrew browsers', async () => {
  for (const locale of ['en-US', 'es-ES', 'he-IL']) {
    const [context, page] = await newVisitor(demo.browser, demo.problems, {
      viewport: { width: 375, height: 740 },
      locale,
    });
    await page.goto(`${demo.server.url}/demo`);
    await page.getByRole('heading', { level: 1, name: MEDIA_TITLE }).waitFor();
    // The schedule (date, then time range) in the browser's language.
    await page.locator('#room-schedule bdi').nth(1).waitFor();
    assert.deepEqual(await page.evaluate(overflowing), [], `wider than the screen in ${locale}`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, locale);
    // The range wrapped to a line of its own, starting where the date starts: its "·" is clipped, not dangling.
    const [date, times] = await page
      .locator('#room-schedule bdi')
      .evaluateAll((bdis) => bdis.map((bdi) => bdi.getBoundingClientRect().toJSON() as DOMRect));
    assert.ok(date && times && times.top > date.top, `the schedule did not wrap in ${locale}`);
    assert.ok(
      Math.abs(times.left - date.left) < 1,
      `the range starts ${times.left - date.left} px off in ${locale}`,
    );
    await context.close();
  }
  assert.deepEqual(demo.problems, []);
});

test('the Share window fits a 375 px screen, a margin on each side, its four icons in one row', async () => {
  const [context, page] = await newVisitor(demo.browser, demo.problems, {
    viewport: { width: 375, height: 740 },
  });
  await page.goto(`${demo.server.url}/demo`);
  await page.getByRole('heading', { level: 1, name: MEDIA_TITLE }).waitFor();
  await page.getByRole('button', { name: 'Share' }).click();
  const box = (await page.locator('dialog[open]').boundingBox()) as { x: number; width: number };
  assert.ok(box.x >= 8, `the window starts at ${box.x} px`);
  assert.ok(box.x + box.width <= 375 - 8, `the window ends at ${box.x + box.width} px`);
  // Guest access at the far right of the one row of icons, as the article describes it.
  const icons = await page
    .locator('dialog[open] .share-icon')
    .evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().toJSON() as DOMRect));
  assert.equal(new Set(icons.map((icon) => icon.top)).size, 1, 'the icons wrapped');
  assert.ok((icons.at(-1) as DOMRect).right <= box.x + box.width, 'Guest access sticks out of the window');
  await context.close();
  assert.deepEqual(demo.problems, []);
});
