// The floor under figures 2 and 3: GET /healthz answers a constant through everything every request of the
// product passes (the router, the request id and its log line, the security headers, CORS, the body limit).
// No route can do better than it, so where the floor is under a target, that target is out of reach with the
// middleware every request gets. Measured in the same slices as the link page and the host list, and once more
// with LOG_LEVEL=warn (no log line per request), against the bare JSON route. Then layer by layer: the bare
// route behind the first 1, 2, … of that middleware (api/app.ts `everyRequest`, without the app's routes), to
// say what each adds.
import {
  baselineContender,
  compareMany,
  layeredContender,
  perRequest,
  productContender,
} from '../lib/compare.ts';
import type { Figure, Row } from '../lib/figure.ts';
import { percent, percents, rps } from '../lib/stats.ts';

const PRODUCT_SIDES = [
  { name: '/healthz (the middleware alone)', path: () => '/healthz' },
  { name: '/healthz with LOG_LEVEL=warn (no log line per request)', path: () => '/healthz', quiet: true },
  { name: 'Link page', path: (token: string) => `/v1/links/${token}` },
  { name: 'Host list', path: (_token: string, roomId: string) => `/v1/rooms/${roomId}/guest-access` },
];

// In everyRequest's order (the bench's product has no instance name, so no instance header).
const LAYERED_SIDES = [
  { name: 'the bare route + request id (LOG_LEVEL=warn)', layers: 1, quiet: true },
  { name: '+ its log line', layers: 1 },
  { name: '+ security headers', layers: 2 },
  { name: '+ CORS (no Origin sent)', layers: 3 },
  { name: '+ body limit (a GET)', layers: 4 },
];

const QUIET = { LOG_LEVEL: 'warn' };

export const floor: Figure = {
  id: 'floor',
  title: 'Middleware floor',
  async measure(context) {
    const { baseline, others } = await compareMany(
      context,
      baselineContender(context, (url) => ({ url: `${url}/json` })),
      [
        ...PRODUCT_SIDES.map((side) =>
          productContender(
            context,
            (url, room) => ({
              url: `${url}${side.path(room.links[0]?.token ?? '', room.roomId)}`,
              headers: { authorization: `Bearer ${room.hostToken}` },
            }),
            side.quiet ? { env: QUIET } : {},
          ),
        ),
        ...LAYERED_SIDES.map((side) => layeredContender(context, side.layers, side.quiet ? QUIET : {})),
      ],
    );
    const names = [
      ...PRODUCT_SIDES.map((side) => side.name),
      ...LAYERED_SIDES.map((side) => `layer by layer: ${side.name}`),
    ];
    const rows: Row[] = names.map((name, index) => {
      const result = others[index];
      return {
        figure: `Floor: ${name}, same slices (50 conn)`,
        ours: result ? `${rps(result.result.rps)}, ${perRequest(result.cpu, result.result)} CPU/req` : '—',
        baseline: `${rps(baseline.result.rps)}, ${perRequest(baseline.cpu, baseline.result)} CPU/req`,
        ratio: result ? percent(result.ratio) : '—',
        target: '(reported)',
      };
    });
    return {
      rows,
      notes: [
        `Floor, ratio per slice: ${names.map((name, index) => `${name} ${percents(others[index]?.sliceRatios ?? [])}`).join('; ')}.`,
      ],
    };
  },
};
