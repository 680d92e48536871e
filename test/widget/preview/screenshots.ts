// Renders <guest-access-manager> against the real API on a temporary database, in light, dark and
// Hebrew, with its create and confirm windows, and saves PNGs to look at:
//   node build.mjs && node --import tsx test/widget/preview/screenshots.ts [/tmp/screens]
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

async function room(names: [string, string]): Promise<Setup> {
  const setup = (await api.setup({
    allowedOrigins: [origin],
    enabled: true,
    links: [
      { name: names[0], maxUses: 10, durationDays: 14 },
      { name: names[1], maxUses: 1 },
    ],
  })) as Setup;
  const guests = ['Dana Levi', 'Ana López', 'Ben Cohen', 'Chen Wei'];
  for (const [index, guest] of guests.entries()) {
    await api.request({
      method: 'POST',
      // The first guest uses up the second link; the others wait in the waiting room.
      path: `/v1/links/${setup.tokens[index === 0 ? 1 : 0]}/guests`,
      body: { name: guest, email: `${guest.split(' ')[0].toLowerCase()}@example.com` },
      headers: { 'Idempotency-Key': `preview-${setup.roomId}-${index}` },
    });
  }
  return setup;
}

interface ShotOptions {
  lang?: string;
  theme?: string;
  colorScheme?: 'dark' | 'light';
  width?: number;
}

async function shoot(name: string, setup: Setup, options: ShotOptions) {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 900, height: 1000 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const query = new URLSearchParams({ api: api.url, room: setup.roomId, token: setup.hostToken });
  if (options.lang) query.set('lang', options.lang);
  if (options.theme) query.set('theme', options.theme);
  await page.goto(`${origin}/test/widget/preview/manager-preview.html?${query}`);
  await page.locator('guest-access-manager table').waitFor();
  await page.locator('guest-access-manager [part~="guest"]').first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
  await page.locator('guest-access-manager [part~="create-button"]').click();
  await page.locator('guest-access-manager [part~="create-dialog"] [part~="submit-button"]').click();
  await page.locator('guest-access-manager [part~="create-dialog"] [aria-invalid="true"]').first().waitFor();
  await page.screenshot({ path: join(out, `${name}-create.png`) });
  await page.keyboard.press('Escape');
  await page.locator('guest-access-manager [part~="delete-button"]').first().click();
  await page.locator('guest-access-manager [part~="confirm-dialog"]').waitFor();
  await page.screenshot({ path: join(out, `${name}-confirm.png`) });
  await page.keyboard.press('Escape');
  await page.locator('guest-access-manager [part~="access-switch"]').click();
  await page.locator('guest-access-manager [part~="status"]').nth(1).waitFor();
  await page.screenshot({ path: join(out, `${name}-off.png`), fullPage: true });
  await page.close();
}

try {
  await mkdir(out, { recursive: true });
  await shoot('manager-light', await room(['Guest speakers', 'Partners']), {});
  await shoot('manager-dark', await room(['Guest speakers', 'Partners']), { colorScheme: 'dark' });
  await shoot('manager-dark-attribute', await room(['Guest speakers', 'Partners']), { theme: 'dark' });
  await shoot('manager-hebrew', await room(['דוברים אורחים', 'שותפים']), { lang: 'he' });
  await shoot('manager-narrow', await room(['Guest speakers', 'Partners']), { width: 390 });
  await shoot('manager-spanish', await room(['Ponentes', 'Socios']), { lang: 'es' });
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await api.close();
  pages.close();
}
