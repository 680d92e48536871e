// What every host route shares: the host-token middleware, the room it may act on (rule 7), where link URLs
// point, and the OpenAPI pieces.
import type { Context, MiddlewareHandler } from 'hono';
import {
  bearerToken,
  type HostIdentity,
  type Permission,
  requirePermission,
  verifyHostToken,
} from '../../auth.ts';
import type { AppDeps, AppEnv } from '../../context.ts';
import { roomNotFound } from '../../errors.ts';
import { guestAccessRefusal } from '../../rules.ts';
import type { Room, Tenant } from '../../store/types.ts';
import { errorJson } from '../../validation.ts';
import type { LinkViewContext } from '../../views.ts';

export const MANAGE: Permission[] = ['guest-access:manage'];
export const ADMIT: Permission[] = ['guests:admit'];

export const security = [{ bearer: [] }];
export const tags = ['host'];
export const refusals = {
  401: errorJson('Missing, invalid or expired host token'),
  403: errorJson('Another room, a missing permission, or a module off (forbidden, module_disabled)'),
  404: errorJson('No such room'),
  409: errorJson('Channel room (unsupported_room_type)'),
};

/** The host token of the request, for the room in the path, checked against the tenant's current secrets. */
export const verifyHost = (
  { store, config, clock }: AppDeps,
  token: string,
  roomId: string,
  c?: Context<AppEnv>,
) =>
  verifyHostToken(
    {
      store,
      serverSecret: config.serverSecret,
      now: clock.now(),
      maxTtlSeconds: config.maxHostTokenTtlSeconds,
      // Even a refusal gets the tenant's CORS, so the page can read why.
      onTenant: (tenant) => c?.set('tenant', tenant),
    },
    token,
    roomId,
  );

/** Every host route: the token first (401, or 403 for another room), so nothing is checked for a stranger. */
export const hostAuth =
  (deps: AppDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    c.set('host', await verifyHost(deps, bearerToken(c), c.req.param('roomId') ?? '', c));
    await next();
  };

/** Rule 7's checks on the host's room as read, then the permission the route needs. */
export function checkedRoom(host: HostIdentity, room: Room | undefined, permissions: Permission[]): Room {
  if (!room || room.removedAt !== null) throw roomNotFound();
  const refusal = guestAccessRefusal(host.tenant, room);
  if (refusal) throw refusal;
  requirePermission(host, permissions);
  return room;
}

/** The host's room, after rule 7's checks and the permission the route needs. */
export const roomFor = async ({ store }: AppDeps, host: HostIdentity, permissions: Permission[]) =>
  checkedRoom(host, await store.rooms.get(host.tenant.id, host.roomId), permissions);

/** Where the caller's link URLs point: the operator's origin, else the caller's own request (seen by it alone). */
export const originOf = ({ config }: AppDeps, c: Context) => config.publicOrigin ?? new URL(c.req.url).origin;

export const linkContext = (
  { config, clock }: AppDeps,
  tenant: Tenant,
  room: Room,
  origin: string,
): LinkViewContext => ({ serverSecret: config.serverSecret, tenant, room, origin, now: clock.now() });
