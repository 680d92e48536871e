// In Chromium against the real server: both elements work under a strict CSP (script-src 'self', no
// unsafe-inline, no unsafe-eval) sent as a real response header, and markup in room titles, link names and
// guest names shows as text — never as an element, never running script.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchedPage } from '../e2e/browser.ts';
import { startTestApi } from '../support/api-fixture.ts';

const XSS = '<img src=x onerror=alert(1)>';
/** What an integrator's page may send at the strictest: the widget must need nothing more. */
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'";

let api: Awaited<ReturnType<typeof startTestApi>>;
let browser: Browser;

before(async () => {
  api = await startTestApi();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await api?.close();
});

/** A page that records CSP violations, script errors and dialogs (an alert would mean injected script ran). */
async function watched(problems: string[]): Promise<Page> {
  const context = await browser.newContext();
  const page = await watchedPage(context, problems);
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Runs before the page's own scripts and is not subject to its CSP.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { violations: string[] }).violations ??= [];
      (window as unknown as { violations: string[] }).violations.push(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return page;
}

/** Violations seen by the page, text of every shadow root, and elements that the payload would create. */
function inspect(page: Page) {
  return page.evaluate(() => {
    const roots: Array<Document | ShadowRoot> = [document];
    for (let i = 0; i < roots.length; i++) {
      for (const element of (roots[i] as Document | ShadowRoot).querySelectorAll('*')) {
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    const all = roots.flatMap((root) => [...root.querySelectorAll('*')]);
    return {
      violations: (window as unknown as { violations?: string[] }).violations ?? [],
      text: roots.map((root) => root.textContent ?? '').join('\n'),
      title: document.title,
      injected: all.filter(
        (element) => element.hasAttribute('onerror') || element.getAttribute('src') === 'x',
      ).length,
    };
  });
}

test('the entry page runs under its own strict CSP and shows markup in the room title and guest name as text', async () => {
  const room = await api.setup({ enabled: true, roomTitle: XSS, links: [{ name: 'Guests' }] });
  const problems: string[] = [];
  const page = await watched(problems);
  const response = await page.goto(`${api.url}/g/${room.tokens[0]}`);
  const csp = response?.headers()['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);

  await page.getByRole('textbox', { name: 'Name' }).fill(XSS);
  await page.getByRole('textbox', { name: 'Email' }).fill('ada@example.com');
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('heading', { name: 'Waiting to be admitted' }).waitFor();

  const seen = await inspect(page);
  assert.equal(seen.title, XSS, 'the room title, as text, in <title>');
  assert.ok(seen.text.includes(XSS), 'the room title shows literally on the page');
  assert.equal(seen.injected, 0, 'no element was created from the payload');
  assert.deepEqual([...seen.violations, ...problems], []);
});

test('<guest-access-manager> runs under script-src self and shows markup in link and guest names as text', async () => {
  const room = await api.setup({ enabled: true, links: [{ name: XSS }] });
  await api.request({
    method: 'POST',
    path: `/v1/links/${room.tokens[0]}/guests`,
    body: { name: XSS, email: 'mallory@example.com' },
  });
  const problems: string[] = [];
  const page = await watched(problems);
  // An integrator's page on the API's origin, so 'self' covers the widget bundle and the API; its script
  // is a file, since the CSP forbids inline script.
  const pageUrl = `${api.url}/hardening/manager.html`;
  await page.route(pageUrl, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': STRICT_CSP },
      body: `<!doctype html><title>manager</title>
        <script type="module" src="/assets/guest-access.js"></script>
        <script type="module" src="/hardening/manager.js"></script>
        <guest-access-manager api="${api.url}" room="${room.roomId}" lang="en"></guest-access-manager>`,
    }),
  );
  await page.route(`${api.url}/hardening/manager.js`, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      headers: { 'Content-Security-Policy': STRICT_CSP },
      body: `document.querySelector('guest-access-manager').getToken = async () => ${JSON.stringify(room.hostToken)};`,
    }),
  );
  await page.goto(pageUrl);
  await page.getByRole('table').waitFor();
  await page.getByRole('heading', { name: 'Waiting room' }).waitFor();
  await page.getByText('mallory@example.com').waitFor();

  const seen = await inspect(page);
  const occurrences = seen.text.split(XSS).length - 1;
  assert.ok(occurrences >= 2, `the link name and the guest name show literally (${occurrences} times)`);
  assert.equal(seen.injected, 0, 'no element was created from the payload');
  assert.deepEqual([...seen.violations, ...problems], []);
});
