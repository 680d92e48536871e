// Figure 3: GET /v1/rooms/:roomId/guest-access with a signed host token (verified on every request) against
// a bare Hono JSON route. Target: ≥ 50% of the baseline's req/s.
import { baselineContender, compare, productContender, sharingNote } from '../lib/compare.ts';
import type { Figure } from '../lib/figure.ts';
import { formatStatusCodes } from '../lib/load.ts';
import { ms, percent, rps } from '../lib/stats.ts';

export const hostList: Figure = {
  id: 'host-list',
  title: 'Host list',
  async measure(context) {
    const comparison = await compare(
      context,
      baselineContender(context, (url) => ({ url: `${url}/json` })),
      productContender(
        context,
        (url, room) => ({
          url: `${url}/v1/rooms/${room.roomId}/guest-access`,
          headers: { authorization: `Bearer ${room.hostToken}` },
        }),
        // A full list: the room's maximum of three links.
        { room: { links: [{}, { maxUses: 100 }, { maxUses: 1000 }] } },
      ),
    );
    const { ours, baseline, ratio } = comparison;
    return {
      rows: [
        {
          figure: '3. Host list (50 conn, 10 s)',
          ours: `${rps(ours.rps)}, p99 ${ms(ours.p99)}`,
          baseline: `${rps(baseline.rps)}, p99 ${ms(baseline.p99)}`,
          ratio: percent(ratio),
          target: '≥ 50%',
          met: ratio >= 0.5,
        },
      ],
      notes: [
        `Host list status codes: ours ${formatStatusCodes(ours.statusCodes)}.`,
        sharingNote('Host list', comparison),
      ],
    };
  },
};
