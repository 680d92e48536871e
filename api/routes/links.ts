// Public link routes: what the entry page shows for a token, and redeeming it (rules 3, 8, 9, 11, 14).
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { guestSessionToken } from '../auth.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { clientAddress, resolveLinkUnderLimits } from '../rate-limit.ts';
import { linkUnavailable, redeem } from '../redemption.ts';
import { admissionFor, isLinkUsable } from '../rules.ts';
import {
  guestBody,
  linkPreviewResponse,
  redemptionHeaders,
  redemptionResponse,
  tokenParams,
} from '../schemas.ts';
import { lookupHash, randomId } from '../secrets.ts';
import { noStore } from '../secure-headers.ts';
import { errorJson, json, validate } from '../validation.ts';
import { guestRoomView, hostGuestView, publicGuestView, scheduleView } from '../views.ts';

const tags = ['guest'];
const refusals = {
  410: errorJson('link_unavailable: unknown, deleted, expired, used up, access off or room removed'),
  429: errorJson('rate_limited, with Retry-After'),
};

export function createLinkRoutes({ store, clock, config, events, rateLimiter }: AppDeps) {
  const limit = config.rateLimitPerMinute;

  /** Resolves a token under the rate limits (unknown tokens also count as guesses). */
  async function linkFor(token: string, address: string) {
    const context = await resolveLinkUnderLimits({ store, rateLimiter, limit }, token, address);
    if (!context) throw linkUnavailable();
    return context;
  }

  return new Hono<AppEnv>()
    .get(
      '/:token',
      describeRoute({
        tags,
        summary: 'What the entry page shows for a link; counts no use (rule 8)',
        responses: { 200: json(linkPreviewResponse, 'The room and branding'), ...refusals },
      }),
      validate('param', tokenParams),
      async (c) => {
        const context = await linkFor(c.req.valid('param').token, clientAddress(c, config.trustProxy));
        c.set('tenant', context.tenant);
        if (!isLinkUsable(context, clock.now(), true)) throw linkUnavailable(context.room);
        return c.json(
          {
            room: scheduleView(context.room),
            branding: context.tenant.branding,
            admission: admissionFor(context.link, context.room),
          },
          200,
        );
      },
    )
    .post(
      '/:token/guests',
      describeRoute({
        tags,
        summary: 'Redeem a link: the guest enters the waiting room (or the session, with auto admission)',
        description:
          'Send an `Idempotency-Key` header so a retried submit counts once and returns the same guest.',
        responses: {
          201: json(redemptionResponse, 'The guest and its session token'),
          422: errorJson('idempotency_key_reused: the Idempotency-Key was sent before with another body'),
          ...refusals,
        },
      }),
      noStore(),
      validate('param', tokenParams),
      validate('header', redemptionHeaders),
      validate('json', guestBody),
      async (c) => {
        const context = await linkFor(c.req.valid('param').token, clientAddress(c, config.trustProxy));
        c.set('tenant', context.tenant);
        await rateLimiter.hit(`link:${context.link.id}`, limit * 10);
        const body = c.req.valid('json');
        const guestId = randomId();
        // Derived once: the hash is stored, the token itself answered (unless an earlier guest is answered).
        const session = guestSessionToken(config.serverSecret, guestId);
        const input = {
          guestId,
          sessionHash: lookupHash(session),
          name: body.name,
          email: body.email,
          idempotencyKey: c.req.valid('header')['idempotency-key'] ?? null,
        };
        const now = clock.now();
        const redemption = await redeem(store, context, input, now);
        const { guest, room } = redemption;
        if (redemption.counted && events.roomHasListeners(room.pk)) {
          events.publishToRoom(room.pk, { event: 'guest', data: hostGuestView(guest) });
          events.publishToRoom(room.pk, {
            event: 'link',
            data: { tenant: redemption.tenant, room, link: redemption.link },
          });
        }
        return c.json(
          {
            guest: publicGuestView(guest),
            session: guest.id === guestId ? session : guestSessionToken(config.serverSecret, guest.id),
            room: guestRoomView(room, guest.status),
          },
          201,
        );
      },
    );
}
