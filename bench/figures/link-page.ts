// Figure 2: GET /v1/links/:token (what the entry page shows; counts no use) against a bare Hono JSON route.
// Target: ≥ 60% of the baseline's req/s.
import { baselineContender, compare, productContender, sharingNote } from '../lib/compare.ts';
import type { Figure } from '../lib/figure.ts';
import { formatStatusCodes } from '../lib/load.ts';
import { ms, percent, rps } from '../lib/stats.ts';

export const linkPage: Figure = {
  id: 'link-page',
  title: 'Link page load',
  async measure(context) {
    const comparison = await compare(
      context,
      baselineContender(context, (url) => ({ url: `${url}/json` })),
      productContender(context, (url, room) => ({ url: `${url}/v1/links/${room.links[0]?.token}` })),
    );
    const { ours, baseline, ratio } = comparison;
    return {
      rows: [
        {
          figure: '2. Link page load (50 conn, 10 s)',
          ours: `${rps(ours.rps)}, p99 ${ms(ours.p99)}`,
          baseline: `${rps(baseline.rps)}, p99 ${ms(baseline.p99)}`,
          ratio: percent(ratio),
          target: '≥ 60%',
          met: ratio >= 0.6,
        },
      ],
      notes: [
        `Link page status codes: ours ${formatStatusCodes(ours.statusCodes)}.`,
        sharingNote('Link page', comparison),
      ],
    };
  },
};
