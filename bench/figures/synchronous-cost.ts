// Issue 7: what `synchronous=FULL` (survives power loss: fsync at every commit) costs against the default
// `NORMAL` (survives process crashes in WAL mode), on the redemption load of figure 1. Reported, no target.
import { compare, productContender } from '../lib/compare.ts';
import type { Figure } from '../lib/figure.ts';
import { ms, percent, rps } from '../lib/stats.ts';
import { redemptionLoad } from './redemption.ts';

export const synchronousCost: Figure = {
  id: 'synchronous-cost',
  title: 'synchronous=FULL cost',
  async measure(context) {
    const { ours, baseline, ratio } = await compare(
      context,
      productContender(context, redemptionLoad, { synchronous: 'NORMAL' }),
      productContender(context, redemptionLoad, { synchronous: 'FULL' }),
      { slices: 5, sliceSeconds: 1 },
    );
    return {
      rows: [
        {
          figure: 'Redemption with GUEST_ACCESS_SYNCHRONOUS=FULL vs NORMAL (50 conn, 5 s each)',
          ours: `${rps(ours.rps)}, p99 ${ms(ours.p99)}`,
          baseline: `NORMAL: ${rps(baseline.rps)}, p99 ${ms(baseline.p99)}`,
          ratio: percent(ratio),
          target: '(reported)',
        },
      ],
      notes: [],
    };
  },
};
