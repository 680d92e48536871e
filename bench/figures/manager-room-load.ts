// Figure 6c: how long a host waits for their room. Chromium opens a page of the API's origin holding the script
// tag (dist/guest-access.js, as served by the product server) and a <guest-access-manager> with a host token,
// throttled as a phone (6b's profile) and as a desktop, no cache, and times the page's start to: inline, the
// room's links in the window; modal (closed), `waiting-count="1"` for the guest already waiting (from then on
// the host hears knocks). Baseline: the same page with a bare script in place of the bundle that asks for the
// same answers the manager shows (the room's access, then its waiting and admitted guests) and writes them:
// the network's floor for the room on that page. No target: the issue judges the bundle by its size; this
// shows what a split of it means to a host.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../test/support/chromium.ts';
import type { Figure, Row } from '../lib/figure.ts';
import { seedRoom, tempFolder } from '../lib/fixture.ts';
import { DESKTOP, describeNetwork, type Network, PHONE, timeLoad } from '../lib/page-load.ts';
import { startProduct, withServer } from '../lib/processes.ts';
import { ms, percent, percentile } from '../lib/stats.ts';

const LOADS = 7;

/** The pages, served by the browser's own routing on the API's origin (the product serves no such page). */
function pages(room: string, token: string) {
  const manager = (mode: string) =>
    `<!doctype html><meta charset="utf-8"><script type="module" src="/assets/guest-access.js"></script>
<guest-access-manager ${mode} api="/" room="${room}" token="${token}"></guest-access-manager>`;
  const floor = `<!doctype html><meta charset="utf-8"><script type="module">
const headers = { Authorization: 'Bearer ${token}' };
const get = (path) => fetch('/v1/rooms/${room}/' + path, { headers }).then((response) => response.json());
const access = await get('guest-access');
const [waiting, admitted] = await Promise.all([get('guests?status=waiting'), get('guests?status=admitted')]);
document.body.textContent = JSON.stringify({ access, waiting, admitted });
document.body.dataset.ready = '';
</script>`;
  return { inline: manager(''), modal: manager('modal'), floor };
}

export const managerRoomLoad: Figure = {
  id: 'manager-room-load',
  title: "Host's room load",
  async measure() {
    await promisify(execFile)(process.execPath, ['build.mjs'], { env: { ...process.env, BUILD_QUIET: '1' } });
    const folder = tempFolder();
    const browser = await chromium.launch(chromiumLaunchOptions).catch((error: Error) => {
      throw new Error(`manager-room-load needs Chromium (apt-get install -y chromium): ${error.message}`);
    });
    try {
      const dbFile = folder.file('manager.db');
      const room = await seedRoom(dbFile, { admission: 'moderator', links: [{}, { maxUses: 5 }] });
      return await withServer(startProduct('dist/server/cli.js', dbFile), async (server) => {
        const knock = await fetch(`${server.url}/v1/links/${room.links[0]?.token}/guests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Ana Lima', email: 'ana@example.com' }),
        });
        if (knock.status !== 201)
          throw new Error(`a guest could not knock: ${knock.status} ${await knock.text()}`);
        const html = pages(room.roomId, room.hostToken);
        const ready = {
          inline: () =>
            document.querySelector('guest-access-manager')?.shadowRoot?.querySelectorAll('[data-link-id]')
              .length === 2,
          modal: () => document.querySelector('guest-access-manager')?.getAttribute('waiting-count') === '1',
          floor: () => document.body?.dataset.ready !== undefined,
        };
        const rows: Row[] = [];
        const notes: string[] = [];
        const profiles: Array<[string, Network]> = [
          ['phone', PHONE],
          ['desktop', DESKTOP],
        ];
        for (const [name, network] of profiles) {
          const times = { inline: [] as number[], modal: [] as number[], floor: [] as number[] };
          // Alternating, each in a fresh profile: no side gets a warmer machine or a cache.
          for (let load = 0; load < LOADS; load++) {
            for (const kind of ['inline', 'modal', 'floor'] as const) {
              const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
              await context.route(`${server.url}/bench-page.html`, (route) =>
                route.fulfill({ contentType: 'text/html; charset=utf-8', body: html[kind] }),
              );
              times[kind].push(
                await timeLoad(context, `${server.url}/bench-page.html`, network, ready[kind]),
              );
              await context.close();
            }
          }
          const floor = percentile(times.floor, 50);
          for (const [kind, what] of [
            ['inline', 'an inline manager to its links'],
            ['modal', 'a modal manager to the guest waiting (waiting-count)'],
          ] as const) {
            const median = percentile(times[kind], 50);
            rows.push({
              figure: `6c. Host's room, ${name}: ${what} (median of ${LOADS})`,
              ours: ms(median),
              baseline: `${ms(floor)} (a bare script asking the same)`,
              ratio: percent(floor / median),
              target: '(reported)',
            });
          }
          notes.push(
            `Host's room, ${name} (${describeNetwork(network)}, no cache, 1280×800), ${LOADS} loads each, alternating: inline to its links ${times.inline.map((each) => each.toFixed(0)).join(', ')} ms; modal to waiting-count 1 ${times.modal.map((each) => each.toFixed(0)).join(', ')} ms; the bare script ${times.floor.map((each) => each.toFixed(0)).join(', ')} ms.`,
          );
        }
        return { rows, notes };
      });
    } finally {
      await browser.close();
      folder.remove();
    }
  },
};
