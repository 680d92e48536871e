// Every state of the guest's entry page (/g/:token on the real server), at 1280 and 375 px, light and
// dark, English and Hebrew, saved as PNGs to look at (not a test: nothing is asserted):
//   node build.mjs && node --import tsx test/widget/guest-entry-form.screenshots.ts [/tmp/guest-shots]
import { mkdir } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser.ts';
import { startTestApi } from '../support/api-fixture.ts';

const out = process.argv[2] ?? '/tmp/guest-shots';
const api = await startTestApi();
const browser: Browser = await launchChromium();

type Setup = { roomId: string; hostToken: string; apiKey: string; tokens: string[] };

/** A room starting in 20 minutes, with a lobby message, a link, and the tenant named for the brand. */
async function newRoom(lang: string): Promise<Setup> {
  const setup = (await api.setup({
    name: lang === 'he' ? 'נורת׳ווינד' : 'Northwind Live',
    enabled: true,
    links: [{ name: 'Guests' }],
    roomTitle:
      lang === 'he'
        ? 'כנס המוצר השנתי: מה חדש ב־2026'
        : 'Quarterly product town hall: what we shipped in 2026',
  })) as Setup;
  const now = api.clock.now();
  await api.request({
    method: 'PUT',
    path: `/v1/admin/rooms/${setup.roomId}`,
    token: setup.apiKey,
    body: {
      title:
        lang === 'he'
          ? 'כנס המוצר השנתי: מה חדש ב־2026'
          : 'Quarterly product town hall: what we shipped in 2026',
      type: 'room',
      startsAt: new Date(now + 20 * 60_000).toISOString(),
      endsAt: new Date(now + 65 * 60_000).toISOString(),
      timeZone: 'America/New_York',
      joinUrl: `${api.url}/healthz`,
    },
  });
  await api.request({
    method: 'PATCH',
    path: `/v1/rooms/${setup.roomId}/guest-access`,
    token: setup.hostToken,
    body: {
      lobbyMessage:
        lang === 'he' ? 'נתחיל בעוד כמה דקות.' : 'We start in a few minutes — thanks for waiting.',
    },
  });
  return setup;
}

const decide = async (setup: Setup, decision: 'admit' | 'deny' | 'remove') => {
  const guests = (await api.request({ path: `/v1/rooms/${setup.roomId}/guests`, token: setup.hostToken }))
    .body as { guests: Array<{ id: string }> };
  await api.request({
    method: 'POST',
    path: `/v1/rooms/${setup.roomId}/guests/${guests.guests[0]?.id}/${decision}`,
    token: setup.hostToken,
  });
};

const status = (page: Page, outcome: string) =>
  page.locator(`guest-entry-form [data-outcome=${outcome}]`).waitFor();

async function join(page: Page, setup: Setup, name: string) {
  await page.goto(`${api.url}/g/${setup.tokens[0]}`);
  await page.locator('guest-entry-form #name').fill(name);
  await page.locator('guest-entry-form #email').fill('ana@example.com');
  await page.locator('guest-entry-form [part=submit-button]').click();
  await status(page, 'waiting');
}

/** Each state: how a fresh page gets there. */
const states: Record<string, (page: Page, setup: Setup, name: string) => Promise<void>> = {
  form: async (page, setup) => {
    await page.goto(`${api.url}/g/${setup.tokens[0]}`);
    await page.locator('guest-entry-form form').waitFor();
  },
  'form-errors': async (page, setup) => {
    await page.goto(`${api.url}/g/${setup.tokens[0]}`);
    await page.locator('guest-entry-form #email').fill('not-an-email');
    await page.locator('guest-entry-form [part=submit-button]').click();
    await page.locator('guest-entry-form [aria-invalid=true]').first().waitFor();
  },
  'waiting-host-absent': async (page, setup, name) => {
    await join(page, setup, name);
    await page.locator('guest-entry-form [data-host-present=false]').waitFor();
  },
  'waiting-host-present': async (page, setup, name) => {
    const stream = new AbortController();
    void fetch(`${api.url}/v1/rooms/${setup.roomId}/events`, {
      headers: { authorization: `Bearer ${setup.hostToken}` },
      signal: stream.signal,
    }).catch(() => undefined);
    try {
      await join(page, setup, name);
      await page.locator('guest-entry-form [data-host-present=true]').waitFor();
    } finally {
      setTimeout(() => stream.abort(), 2000);
    }
  },
  'waiting-reconnecting': async (page, setup, name) => {
    await join(page, setup, name);
    await page.locator('guest-entry-form [data-host-present=false]').waitFor();
    await page.context().setOffline(true);
    await page.locator('guest-entry-form [part=connection]:not(:empty)').waitFor();
  },
  admitted: async (page, setup, name) => {
    // The hand-off to joinUrl answers 204, which a browser does not navigate to: the page stays on
    // "Taking you to the session…".
    await page.route('**/healthz', (route) => route.fulfill({ status: 204 }));
    await join(page, setup, name);
    await decide(setup, 'admit');
    await status(page, 'admitted');
  },
  denied: async (page, setup, name) => {
    await join(page, setup, name);
    await decide(setup, 'deny');
    await status(page, 'denied');
  },
  removed: async (page, setup, name) => {
    await page.addInitScript(() =>
      document.addEventListener('guest-admitted', (event) => event.preventDefault()),
    );
    await join(page, setup, name);
    await decide(setup, 'admit');
    await status(page, 'admitted');
    await decide(setup, 'remove');
    await status(page, 'removed');
  },
  left: async (page, setup, name) => {
    await join(page, setup, name);
    await page.locator('guest-entry-form [part=leave-button]').click();
    await status(page, 'left');
  },
  'unavailable-room': async (page, setup) => {
    const path = `/v1/rooms/${setup.roomId}/guest-access`;
    await api.request({ method: 'PATCH', path, token: setup.hostToken, body: { enabled: false } });
    await page.goto(`${api.url}/g/${setup.tokens[0]}`);
    await status(page, 'access_removed');
    await api.request({ method: 'PATCH', path, token: setup.hostToken, body: { enabled: true } });
  },
  'unavailable-unknown': async (page) => {
    await page.goto(`${api.url}/g/x8Qm1Yb2zkPp0aR7wT5uLc3nVd6sHe9jKf4gNiAo1Bq`);
    await status(page, 'access_removed');
  },
  'rate-limited': async (page, setup) => {
    await page.route('**/v1/links/**', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '30' },
        body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests' } }),
      }),
    );
    await page.goto(`${api.url}/g/${setup.tokens[0]}`);
    await status(page, 'rate_limited');
  },
  offline: async (page, setup) => {
    await page.route('**/v1/links/**', (route) => route.abort());
    await page.goto(`${api.url}/g/${setup.tokens[0]}`);
    await status(page, 'offline');
  },
};

const only = process.env.SHOTS_ONLY?.split(',');
try {
  await mkdir(out, { recursive: true });
  for (const lang of ['en', 'he']) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1280, 375]) {
        for (const [state, reach] of Object.entries(states)) {
          if (only && !only.includes(state)) continue;
          const context = await browser.newContext({
            viewport: { width, height: width > 400 ? 860 : 760 },
            colorScheme: scheme,
            locale: lang,
            reducedMotion: 'reduce',
          });
          const page = await context.newPage();
          page.setDefaultTimeout(15_000);
          // A room of its own per shot: each guest is next in line.
          const setup = await newRoom(lang);
          await reach(page, setup, lang === 'he' ? 'דנה לוי' : 'Ana Lima').catch(async (error) => {
            await page.screenshot({ path: joinPath(out, `h5-FAILED-${state}.png`) });
            throw error;
          });
          await page.waitForTimeout(250);
          await page.screenshot({ path: joinPath(out, `h5-${state}-${width}-${scheme}-${lang}.png`) });
          await context.close();
        }
      }
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await api.close();
}
