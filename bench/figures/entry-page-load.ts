// Figure 6b: how long a guest on a phone's connection waits for the entry form. Chromium opens a guest link
// (/g/:token on the product server, as built by build.mjs) with the network throttled as Lighthouse's mobile
// profile (150 ms latency, 1.6 Mbps down, 750 kbps up) and no cache, and times the page's start to the form
// in <guest-entry-form>'s shadow root. Baseline: the same page with JavaScript off, to its
// DOMContentLoaded (the HTML and its stylesheet: the network's floor for any page here). No target: the
// issue judges the bundle by its size; this shows what the size and the order of requests mean to a guest.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../test/support/chromium.ts';
import type { Figure } from '../lib/figure.ts';
import { seedRoom, tempFolder } from '../lib/fixture.ts';
import { describeNetwork, PHONE, timeLoad } from '../lib/page-load.ts';
import { startProduct, withServer } from '../lib/processes.ts';
import { ms, percent, percentile } from '../lib/stats.ts';

const LOADS = 9;

export const entryPageLoad: Figure = {
  id: 'entry-page-load',
  title: 'Entry page load',
  async measure() {
    await promisify(execFile)(process.execPath, ['build.mjs'], { env: { ...process.env, BUILD_QUIET: '1' } });
    const folder = tempFolder();
    const browser = await chromium.launch(chromiumLaunchOptions).catch((error: Error) => {
      throw new Error(`entry-page-load needs Chromium (apt-get install -y chromium): ${error.message}`);
    });
    try {
      const dbFile = folder.file('entry.db');
      const room = await seedRoom(dbFile);
      return await withServer(startProduct('dist/server/cli.js', dbFile), async (server) => {
        const url = `${server.url}/g/${room.links[0]?.token}`;
        const ours: number[] = [];
        const floor: number[] = [];
        // Alternating, each in a fresh profile: neither side gets a warmer machine or a cache.
        for (let load = 0; load < LOADS; load++) {
          const withScripts = await browser.newContext({ viewport: { width: 375, height: 667 } });
          ours.push(
            await timeLoad(withScripts, url, PHONE, () =>
              document.querySelector('guest-entry-form')?.shadowRoot?.querySelector('form'),
            ),
          );
          await withScripts.close();
          const withoutScripts = await browser.newContext({ javaScriptEnabled: false });
          floor.push(await timeLoad(withoutScripts, url, PHONE, () => document.readyState !== 'loading'));
          await withoutScripts.close();
        }
        const [median, baseline] = [percentile(ours, 50), percentile(floor, 50)];
        return {
          rows: [
            {
              figure: '6b. Entry page: a guest link to its form, throttled like a phone (median of 9)',
              ours: ms(median),
              baseline: `${ms(baseline)} (the page without scripts)`,
              ratio: percent(baseline / median),
              target: '(reported)',
            },
          ],
          notes: [
            `Entry page load: ${LOADS} loads each, alternating, ${describeNetwork(PHONE)}, no cache, 375×667. To the form: ${ours.map((each) => each.toFixed(0)).join(', ')} ms; the page without scripts to DOMContentLoaded: ${floor.map((each) => each.toFixed(0)).join(', ')} ms.`,
          ],
        };
      });
    } finally {
      await browser.close();
      folder.remove();
    }
  },
};
