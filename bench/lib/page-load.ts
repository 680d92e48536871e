// One timed page load in Chromium, as the browser figures (6b, 6c) measure it: a fresh page in its own
// context, the cache off, the network throttled by Chromium itself (DevTools' emulation), the time read on the
// page from its start (performance.now()) once a condition holds there.
import type { BrowserContext } from 'playwright-core';

export interface Network {
  /** Round-trip latency added to every request, ms. */
  latency: number;
  /** Bits per second. */
  down: number;
  up: number;
}

/** Lighthouse's mobile profile: what a phone on a fair connection gets. */
export const PHONE: Network = { latency: 150, down: 1.6e6, up: 750e3 };
/** A desktop on an office or home line. */
export const DESKTOP: Network = { latency: 20, down: 20e6, up: 5e6 };

export const describeNetwork = ({ latency, down, up }: Network) =>
  `${latency} ms latency, ${down / 1e6} Mbps down, ${up / 1e6 >= 1 ? `${up / 1e6} Mbps` : `${up / 1e3} kbps`} up`;

/** One load of `url` in `context`, throttled to `network`; ms from the page's start to `ready` holding. */
export async function timeLoad(
  context: BrowserContext,
  url: string,
  network: Network,
  ready: () => unknown,
): Promise<number> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latency,
      downloadThroughput: network.down / 8,
      uploadThroughput: network.up / 8,
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(ready, null, { polling: 5, timeout: 30_000 });
    return await page.evaluate(() => performance.now());
  } finally {
    await page.close();
  }
}
