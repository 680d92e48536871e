// Figure 1: POST /v1/links/:token/guests on an unlimited auto-admit link, 50 connections, 10 s, against a
// bare Hono route doing one WAL insert. Target: ≥ 100% of the baseline's req/s (group commit shares
// one commit among a turn's redemptions), p99 ≤ 20 ms.
import { baselineContender, compare, productContender, sharingNote } from '../lib/compare.ts';
import type { Figure } from '../lib/figure.ts';
import type { SeededRoom } from '../lib/fixture.ts';
import { formatStatusCodes, type LoadOptions } from '../lib/load.ts';
import { ms, percent, rps } from '../lib/stats.ts';

const GUEST = JSON.stringify({ name: 'Bench Guest', email: 'bench.guest@example.com' });

/** The redemption load, on one server or spread over several; also used by other figures. */
export const redemptionLoad = (url: string | string[], room: SeededRoom): LoadOptions => ({
  url: [url].flat().map((base) => `${base}/v1/links/${room.links[0]?.token}/guests`),
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: GUEST,
});

export const redemption: Figure = {
  id: 'redemption',
  title: 'Redemption throughput',
  async measure(context) {
    const comparison = await compare(
      context,
      baselineContender(context, (url) => ({
        url: `${url}/guests`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: GUEST,
      })),
      productContender(context, redemptionLoad),
    );
    const { ours, baseline, ratio } = comparison;
    return {
      rows: [
        {
          figure: '1. Redemption throughput (50 conn, 10 s)',
          ours: rps(ours.rps),
          baseline: rps(baseline.rps),
          ratio: percent(ratio),
          target: '≥ 100%',
          met: ratio >= 1,
        },
        {
          figure: '1. Redemption p99 latency',
          ours: ms(ours.p99),
          baseline: ms(baseline.p99),
          ratio: '—',
          target: '≤ 20 ms',
          met: ours.p99 <= 20,
        },
      ],
      notes: [
        sharingNote('Redemption', comparison),
        `Redemption status codes: ours ${formatStatusCodes(ours.statusCodes)}, baseline ${formatStatusCodes(baseline.statusCodes)}; connection errors ${ours.errors}/${baseline.errors}.`,
      ],
    };
  },
};
