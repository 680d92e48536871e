// The demo media site (`serve --demo`): its page and files, the rooms it shows, and the backend route
// that mints host tokens for the page, as an integrator's backend would. The demo has no sign-in: a real
// site authenticates its user before minting, and grants the permissions that user really has.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { sign } from 'hono/jwt';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import type { Permission } from '../auth.ts';
import type { AppDeps } from '../context.ts';
import { DEMO_ROOMS, DEMO_TENANT_ID } from '../demo/seed.ts';
import { decrypt } from '../secrets.ts';
import { validate } from '../validation.ts';
import { iso } from '../views.ts';

export { seedDemo } from '../demo/seed.ts';

// Two levels up from both api/routes/demo.ts and the built dist/server/cli.js is the package root.
const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The demo's two signed-in people: a host who may do everything, a moderator who may only admit. */
const IDENTITIES = {
  host: { user: 'hannah', permissions: ['guest-access:manage', 'guests:admit'] },
  moderator: { user: 'moses', permissions: ['guests:admit'] },
} satisfies Record<string, { user: string; permissions: Permission[] }>;

const HOST_TOKEN_TTL_SECONDS = 10 * 60;

// No inline script or style anywhere on the demo page, so the policy can be strict.
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const tokenBody = v.object({
  room: v.picklist(DEMO_ROOMS.map((room) => room.id)),
  identity: v.picklist(Object.keys(IDENTITIES) as (keyof typeof IDENTITIES)[]),
});

const hidden = describeRoute({ hide: true });

export function createDemoRoutes({ store, clock, config }: AppDeps) {
  const page = readFileSync(`${packageRoot}demo/media.html`, 'utf8');
  const fromSite = (folder: string) =>
    serveStatic({
      root: `${packageRoot}${folder}`,
      rewriteRequestPath: (path) => path.replace(/^\/demo\/site/, ''),
    });

  return (
    new Hono()
      .get('/', hidden, (c) => c.redirect('/demo'))
      .get('/demo', hidden, (c) => c.redirect(`/demo/rooms/${DEMO_ROOMS[0]?.id}`))
      .get('/demo/rooms/:roomId', hidden, (c) => {
        c.header('Content-Security-Policy', PAGE_CSP);
        return c.html(page);
      })
      // The stylesheets are written by hand; the script is built from demo/src by build.mjs.
      .get('/demo/site/*', hidden, fromSite('demo/site'), fromSite('dist/demo'))
      .get('/demo/api/rooms', hidden, async (c) => {
        const stored = await Promise.all(DEMO_ROOMS.map(({ id }) => store.rooms.get(DEMO_TENANT_ID, id)));
        const rooms = DEMO_ROOMS.flatMap(({ id, type, navLabel, description }, index) => {
          const room = stored[index];
          if (!room) return [];
          const schedule = {
            startsAt: iso(room.startsAt),
            endsAt: iso(room.endsAt),
            timeZone: room.timeZone,
          };
          return [{ id, type, navLabel, description, title: room.title, ...schedule }];
        });
        return c.json({ rooms }, 200);
      })
      .post('/demo/api/token', hidden, validate('json', tokenBody), async (c) => {
        const { room, identity } = c.req.valid('json');
        const { user, permissions } = IDENTITIES[identity];
        const sealed = (await store.tenants.withSealedSecrets(DEMO_TENANT_ID))?.sealed[0];
        if (!sealed)
          return c.json({ error: { code: 'not_found', message: 'Run the server with --demo.' } }, 404);
        const issuedAt = Math.floor(clock.now() / 1000);
        const exp = issuedAt + HOST_TOKEN_TTL_SECONDS;
        const claims = { iss: DEMO_TENANT_ID, sub: user, room, perms: permissions, iat: issuedAt, exp };
        const token = await sign(claims, decrypt(config.serverSecret, sealed), 'HS256');
        return c.json({ token, expiresAt: new Date(exp * 1000).toISOString() }, 200);
      })
  );
}
