// The guest's entry page (/g/:token) and the built widget files it and integrators load (/assets/*).
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { languageDetector } from 'hono/language';
import { describeRoute } from 'hono-openapi';
import { supportedLanguages, toLanguage } from '../../widget/internal/localize.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { assetResponse } from '../pages/assets.ts';
import { entryPageCsp, entryPageHtml } from '../pages/entry-page.ts';
import { clientAddress, resolveLinkUnderLimits } from '../rate-limit.ts';
import { linkToken } from '../redemption.ts';
import { isLinkUsable } from '../rules.ts';

const hidden = describeRoute({ hide: true });

/** The page's language: the first supported one in Accept-Language order of preference (he-IL is he). */
const language = languageDetector({
  order: ['header'],
  caches: false,
  supportedLanguages: [...supportedLanguages],
  fallbackLanguage: 'en',
});

export function createPageRoutes({ store, clock, config, rateLimiter }: AppDeps) {
  // The widget's files go gzipped (a third of their size), to a guest's phone too. Not the entry page: its HTML
  // carries the link's token, and nothing secret is compressed beside what the request chose.
  return new Hono<AppEnv>()
    .get('/g/:token', hidden, language, async (c) => {
      const token = linkToken(c.req.param('token'));
      // The page's title names the room, so looking a token up here counts like the API's link route.
      const limits = { store, rateLimiter, limit: config.rateLimitPerMinute };
      const context = await resolveLinkUnderLimits(limits, token, clientAddress(c, config.trustProxy));
      // Only a usable link names its room in the title; every other token gets the same neutral page.
      const usable = context && isLinkUsable(context, clock.now(), true) ? context : undefined;
      c.header('Content-Security-Policy', entryPageCsp(usable?.tenant.branding.logoUrl));
      c.header('Referrer-Policy', 'no-referrer');
      c.header('X-Robots-Tag', 'noindex, nofollow');
      // The answer depends on the link's state at this moment, and its URL is a credential.
      c.header('Cache-Control', 'no-store');
      c.header('Vary', 'Accept-Language');
      return c.html(
        entryPageHtml({ token, language: toLanguage(c.get('language')), roomTitle: usable?.room.title }),
        200,
      );
    })
    .get('/assets/:path{.+}', hidden, compress(), async (c) => {
      const response = await assetResponse(c.req.param('path'), c.req.header('if-none-match'));
      return response ?? c.notFound();
    });
}
