// Renders <guest-access-manager> against the real API on a temporary database in every state (loading,
// empty, links, copied, just created, create window with errors, confirm delete, off, channel refusal,
// modal), at 1280 and 375 px, light and dark, English and Hebrew, and saves PNGs to look at:
//   node build.mjs && node --import tsx test/widget/preview/screenshots.ts [/tmp/screens] [prefix]
// SHOTS_SET=links: only issue 15's link actions (a paused row, the edit window, delete with guests, History).
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { launchChromium } from '../../e2e/browser.ts';
import { startTestApi } from '../../support/api-fixture.ts';

const out = process.argv[2] ?? '/tmp/screens';
const root = process.cwd();
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.map': 'application/json',
};

// Serves only the built bundles and this folder.
const pages = createServer((request, response) => {
  const path = normalize(new URL(request.url ?? '/', 'http://x').pathname);
  if (!path.startsWith('/dist/') && !path.startsWith('/test/widget/preview/')) {
    response.writeHead(404).end();
    return;
  }
  try {
    const body = readFileSync(join(root, path));
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;

const api = await startTestApi();
const browser = await launchChromium();

type Setup = { roomId: string; hostToken: string; tokens: string[] };

const names = {
  en: { links: ['Guest speakers', 'Partners', 'Press'], guests: ['Dana Levi', 'Ana López', 'Ben Cohen'] },
  he: { links: ['דוברים אורחים', 'שותפים', 'עיתונות'], guests: ['דנה לוי', 'אנה לופס', 'בן כהן'] },
};

/** A room with three links (one used up, one unlimited) and two guests waiting; or empty, or a channel. */
async function room(lang: 'en' | 'he', kind: 'links' | 'empty' | 'channel' = 'links'): Promise<Setup> {
  const [first, second, third] = names[lang].links;
  const setup = (await api.setup({
    allowedOrigins: [origin],
    enabled: kind !== 'channel',
    type: kind === 'channel' ? 'channel' : 'room',
    links:
      kind === 'links'
        ? [
            { name: first, maxUses: 1_000_000, durationDays: 6 },
            { name: second, maxUses: 1 },
            { name: third, durationDays: 30 },
          ]
        : [],
  })) as Setup;
  if (kind !== 'links') return setup;
  for (const [index, guest] of names[lang].guests.entries()) {
    await api.request({
      method: 'POST',
      // The first guest uses up the second link; the others wait in the waiting room.
      path: `/v1/links/${setup.tokens[index === 0 ? 1 : 0]}/guests`,
      body: { name: guest, email: `guest${index}@example.com` },
      headers: { 'Idempotency-Key': `preview-${setup.roomId}-${index}` },
    });
  }
  return setup;
}

interface ShotOptions {
  lang: 'en' | 'he';
  colorScheme: 'dark' | 'light';
  width: number;
  modal?: boolean;
  /** Hold the window's first request, to see the skeleton. */
  slow?: boolean;
}

const manager = 'guest-access-manager';

async function open(setup: Setup, options: ShotOptions) {
  const page = await browser.newPage({
    viewport: { width: options.width, height: options.width < 600 ? 800 : 900 },
    colorScheme: options.colorScheme,
  });
  if (options.slow) await page.route('**/guest-access', () => undefined);
  const query = new URLSearchParams({
    api: api.url,
    room: setup.roomId,
    token: setup.hostToken,
    lang: options.lang,
  });
  if (options.colorScheme === 'dark') query.set('dark', '1');
  if (options.modal) query.set('modal', '1');
  await page.goto(`${origin}/test/widget/preview/manager-preview.html?${query}`);
  return page;
}

async function shoot(prefix: string, options: ShotOptions) {
  const tag = `${prefix}-${options.lang}-${options.colorScheme}-${options.width}`;
  const shot = (page: Awaited<ReturnType<typeof open>>, state: string, fullPage = true) =>
    page.screenshot({ path: join(out, `${tag}-${state}.png`), fullPage });

  let page = await open(await room(options.lang), { ...options, slow: true });
  await page.locator(`${manager} .skeleton`).waitFor();
  await shot(page, 'loading');
  await page.close();

  page = await open(await room(options.lang, 'empty'), options);
  await page.locator(`${manager} table.links`).waitFor();
  await shot(page, 'empty');
  await page.close();

  page = await open(await room(options.lang, 'channel'), options);
  await page.locator(`${manager} [role="alert"]`).waitFor();
  await shot(page, 'refusal-channel');
  await page.close();

  page = await open(await room(options.lang), options);
  await page.locator(`${manager} table.links`).waitFor();
  await page.locator(`${manager} [part~="guest"]`).first().waitFor();
  await page.waitForTimeout(200);
  await shot(page, 'links');
  await page.locator(`${manager} [part~="copy-button"]`).first().click();
  await page.locator(`${manager} [part~="copied"]`).waitFor();
  await shot(page, 'copied', false);
  await page.locator(`${manager} [part~="delete-button"]`).nth(2).click();
  await page.locator(`${manager} [part~="confirm-dialog"]`).waitFor();
  await page.waitForTimeout(200);
  await shot(page, 'confirm', false);
  await page.locator(`${manager} [part~="confirm-dialog"] [part~="submit-button"]`).click();
  await page.locator(`${manager} [part~="row"]`).nth(2).waitFor({ state: 'detached' });
  await page.locator(`${manager} [part~="create-button"]`).click();
  await page.locator(`${manager} [part~="create-dialog"] input[name="name"]`).fill('   ');
  await page.locator(`${manager} [part~="create-dialog"] input[name="maxUses"]`).fill('0');
  await page.locator(`${manager} [part~="create-dialog"] input[name="durationDays"]`).fill('400');
  await page.locator(`${manager} [part~="create-dialog"] [part~="cancel-button"]`).focus();
  await page.waitForTimeout(200);
  await shot(page, 'create-errors', false);
  await page
    .locator(`${manager} [part~="create-dialog"] input[name="name"]`)
    .fill(options.lang === 'he' ? 'משקיעים' : 'Investors');
  await page.locator(`${manager} [part~="create-dialog"] input[name="maxUses"]`).fill('25');
  await page.locator(`${manager} [part~="create-dialog"] input[name="durationDays"]`).fill('7');
  await page.waitForTimeout(200);
  await shot(page, 'create-valid', false);
  await page.locator(`${manager} [part~="create-dialog"] [part~="submit-button"]`).click();
  await page.locator(`${manager} tr.created`).waitFor();
  await page.waitForTimeout(200);
  await shot(page, 'created');
  await page.locator(`${manager} [part~="access-switch"]`).click();
  await page.locator(`${manager} [part~="status"]`).nth(2).waitFor();
  await shot(page, 'off');
  await page.close();

  page = await open(await room(options.lang), { ...options, modal: true });
  await page.locator(`${manager} table.links`).waitFor();
  await page.waitForTimeout(200);
  await shot(page, 'modal', false);
  await page.close();
}

/** Issue 15: a paused row with the invitation just copied, the edit window, the delete confirmation's box. */
async function shootLinks(prefix: string, options: ShotOptions) {
  const tag = `${prefix}-${options.lang}-${options.colorScheme}-${options.width}`;
  const shot = (page: Awaited<ReturnType<typeof open>>, state: string, fullPage = true) =>
    page.screenshot({ path: join(out, `${tag}-${state}.png`), fullPage });
  const page = await open(await room(options.lang), options);
  await page.locator(`${manager} table.links`).waitFor();
  await page.locator(`${manager} [part~="pause-switch"]`).first().click();
  await page.locator(`${manager} [part~="status"]`).first().waitFor();
  await page.locator(`${manager} [part~="invitation-button"]`).nth(2).click();
  await page.locator(`${manager} [part~="copied"]`).waitFor();
  await page.waitForTimeout(200);
  await shot(page, 'paused');
  await page.locator(`${manager} [part~="edit-button"]`).first().click();
  await page.locator(`${manager} [part~="create-dialog"]`).waitFor();
  await page.waitForTimeout(200);
  await shot(page, 'edit', false);
  await page.locator(`${manager} [part~="create-dialog"] [part~="cancel-button"]`).click();
  await page.locator(`${manager} [part~="delete-button"]`).first().click();
  await page.locator(`${manager} [part~="confirm-dialog"]`).waitFor();
  await page.waitForTimeout(200);
  await shot(page, 'delete', false);
  await page.locator(`${manager} [part~="confirm-dialog"] [part~="cancel-button"]`).click();
  await page.locator(`${manager} [part~="history-button"]`).click();
  await page.locator(`${manager} [part~="history-row"]`).first().waitFor();
  await page.waitForTimeout(200);
  await shot(page, 'history', false);
  await page.close();
}

try {
  await mkdir(out, { recursive: true });
  const prefix = process.argv[3] ?? 'manager';
  const only = process.env.SHOTS_ONLY?.split(',');
  for (const lang of ['en', 'he'] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 375]) {
        if (only && !only.includes(`${lang}-${colorScheme}-${width}`)) continue;
        await (process.env.SHOTS_SET === 'links' ? shootLinks : shoot)(prefix, { lang, colorScheme, width });
      }
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await api.close();
  pages.close();
}
