// The three kinds of bearer: tenant API keys (admin routes), HS256 host tokens (host routes) and guest
// sessions (guest routes). Also creating tenants and rotating their signing secrets, since both mint secrets.

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { decode } from 'hono/jwt';
import { ApiError, forbidden, unauthorized } from './errors.ts';
import {
  decryptCached,
  deriveToken,
  encrypt,
  lookupHash,
  randomId,
  randomSecret,
  type ServerSecret,
} from './secrets.ts';
import type { Store } from './store/contract.ts';
import type { Modules, Tenant } from './store/types.ts';

export type Permission = 'guest-access:manage' | 'guests:admit';
export const ALL_PERMISSIONS: Permission[] = ['guest-access:manage', 'guests:admit'];

export interface HostIdentity {
  tenant: Tenant;
  userId: string;
  roomId: string;
  permissions: Permission[];
  /** The token's `exp` in milliseconds: a host event stream ends then. */
  expiresAt: number;
}

export function bearerToken(c: Context): string {
  const header = c.req.header('authorization');
  if (!header) throw unauthorized('Send the token in an Authorization header: Bearer <token>.');
  // Two Authorization headers arrive joined by a comma: "Bearer a, Bearer b".
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized('Send one Authorization header, of the form Bearer <token>.');
  return match[1];
}

// Tenants

export interface CreatedTenant {
  tenant: Tenant;
  apiKey: string;
  signingSecret: string;
}

export async function createTenant(
  store: Store,
  serverSecret: ServerSecret,
  input: { name: string; allowedOrigins?: string[]; modules?: Partial<Modules> },
  now: number,
): Promise<CreatedTenant> {
  const id = `t_${randomId(9)}`;
  const apiKey = randomSecret('gak');
  const signingSecret = randomSecret('gas');
  await store.transaction((tx) =>
    tx.tenants.create({
      id,
      name: input.name,
      apiKeyHash: lookupHash(apiKey),
      signingSecretSealed: encrypt(serverSecret, signingSecret),
      allowedOrigins: input.allowedOrigins ?? [],
      modules: input.modules,
      createdAt: now,
    }),
  );
  return { tenant: (await store.tenants.get(id)) as Tenant, apiKey, signingSecret };
}

/** A new signing secret; the current one stays valid as the previous until the next rotation. */
export async function rotateSigningSecret(
  store: Store,
  serverSecret: ServerSecret,
  tenantId: string,
): Promise<string | null> {
  const signingSecret = randomSecret('gas');
  const rotated = await store.transaction((tx) =>
    tx.tenants.rotateSigningSecret(tenantId, encrypt(serverSecret, signingSecret)),
  );
  return rotated ? signingSecret : null;
}

// Admin: the tenant's API key. Looked up by its hash, so no comparison of the secret itself happens.

export async function tenantFromApiKey(store: Store, token: string): Promise<Tenant> {
  const tenant = await store.tenants.byApiKeyHash(lookupHash(token));
  if (!tenant) {
    throw unauthorized(
      isJwtShaped(token)
        ? 'This is a host token; /v1/admin routes take the tenant’s API key (gak_…).'
        : 'The API key is not valid.',
    );
  }
  return tenant;
}

// Host tokens

interface HostClaims {
  iss: string;
  sub: string;
  room: string;
  perms: unknown;
  exp: number;
  nbf?: number;
  iat?: number;
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export const MAX_NAME_CLAIM = 256;

/** A claim naming a tenant, user or room: text a database stores as is (PostgreSQL's text takes no NUL). */
export const isNameClaim = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.trim() !== '' &&
  value.length <= MAX_NAME_CLAIM &&
  value.isWellFormed() &&
  !/\p{Cc}/u.test(value);

const isHostClaims = (payload: Record<string, unknown>): payload is Record<string, unknown> & HostClaims =>
  isNameClaim(payload.iss) &&
  isNameClaim(payload.sub) &&
  isNameClaim(payload.room) &&
  isTime(payload.exp) &&
  // Optional (RFC 7519 §4.1.5–6), but where present a NumericDate.
  (payload.nbf === undefined || isTime(payload.nbf)) &&
  (payload.iat === undefined || isTime(payload.iat));

/** Seconds an integrator's clock may run ahead of ours before its fresh token counts as "from the future". */
const CLOCK_SKEW_SECONDS = 60;

function decodeClaims(token: string): Record<string, unknown> {
  try {
    const { header, payload } = decode(token);
    // Refuse alg none and every algorithm but HS256 before touching any key.
    if (header.alg !== 'HS256') throw unauthorized('Host tokens must be signed with HS256.');
    return payload;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw unauthorized(MISTAKEN_CREDENTIALS.get(token.slice(0, 4)) ?? 'The host token is malformed.');
  }
}

/** Three base64url segments: what a JWT looks like before it is checked. */
const isJwtShaped = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);

/** The tenant's other credentials, sent where a host token belongs: said, since the fix is to send the right one. */
const MISTAKEN_CREDENTIALS = new Map([
  [
    'gak_',
    'This is the tenant’s API key, which only /v1/admin routes take; host routes take a host token (a JWT).',
  ],
  [
    'gas_',
    'This is the tenant’s signing secret: sign a host token (HS256) with it and send the token instead.',
  ],
]);

/**
 * HS256 over `header.payload`, compared in constant time with the token's signature segment as sent (so a
 * re-encoded signature is refused too). node:crypto's HMAC is synchronous; WebCrypto's (hono/jwt `verify`)
 * imports a key and hops to the thread pool on every call.
 */
function signedByOneOf(token: string, secrets: string[]): boolean {
  const dot = token.lastIndexOf('.');
  const signingInput = token.slice(0, dot);
  const signature = Buffer.from(token.slice(dot + 1));
  // Every secret is tried (rotation keeps two valid); time claims are checked against the injected clock.
  return secrets.some((secret) => {
    const expected = Buffer.from(createHmac('sha256', secret).update(signingInput).digest('base64url'));
    return expected.length === signature.length && timingSafeEqual(expected, signature);
  });
}

/** How far ahead a host token's `exp` may lie: the server's default cap, and the command line's for `token --ttl`. */
export const MAX_HOST_TOKEN_TTL_SECONDS = 24 * 60 * 60;

/** The host token checked against its tenant's current secrets (read on every call, so a rotation counts at once). */
export async function verifyHostToken(
  deps: {
    store: Store;
    serverSecret: ServerSecret;
    now: number;
    maxTtlSeconds: number;
    /** Called once the issuer is known, before the token is judged, so even refusals get the tenant's CORS. */
    onTenant?: (tenant: Tenant) => void;
  },
  token: string,
  roomId: string,
): Promise<HostIdentity> {
  const claims = decodeClaims(token);
  if (!isHostClaims(claims)) {
    throw unauthorized(
      `The host token needs iss, sub and room (text of at most ${MAX_NAME_CLAIM} characters, no control characters) and exp, and nbf and iat as numbers where present.`,
    );
  }
  // One statement reads the tenant and its sealed secrets together (one snapshot, as a transaction would).
  const found = await deps.store.tenants.withSealedSecrets(claims.iss);
  if (!found) throw unauthorized('The host token was not issued by a known tenant.');
  const { tenant, sealed } = found;
  deps.onTenant?.(tenant);
  // The row is read on every call, so a rotation counts at once; only opening the same envelope is cached.
  const secrets = sealed.map((secret) => decryptCached(deps.serverSecret, secret));
  if (!signedByOneOf(token, secrets)) throw unauthorized('The host token signature is not valid.');
  const nowSeconds = deps.now / 1000;
  if (claims.exp <= nowSeconds) throw unauthorized('The host token has expired.');
  const latest = nowSeconds + CLOCK_SKEW_SECONDS;
  if (claims.nbf !== undefined && claims.nbf > latest) {
    throw unauthorized('The host token is not valid yet (nbf).');
  }
  if (claims.iat !== undefined && claims.iat > latest) {
    throw unauthorized('The host token was issued in the future (iat).');
  }
  if (claims.exp > nowSeconds + deps.maxTtlSeconds) {
    throw unauthorized(`Host tokens may live at most ${deps.maxTtlSeconds} seconds.`);
  }
  if (claims.room !== roomId) throw forbidden('This host token is for another room.');
  const perms = Array.isArray(claims.perms) ? claims.perms : [];
  const permissions = ALL_PERMISSIONS.filter((permission) => perms.includes(permission));
  return { tenant, userId: claims.sub, roomId: claims.room, permissions, expiresAt: claims.exp * 1000 };
}

export function requirePermission(host: HostIdentity, anyOf: Permission[]): void {
  if (anyOf.some((permission) => host.permissions.includes(permission))) return;
  throw forbidden(
    anyOf.length === 1
      ? `This needs the ${anyOf[0]} permission; ask the media owner to grant it.`
      : `This needs one of the permissions ${anyOf.join(', ')}.`,
  );
}

// Guest sessions: derived from the guest id and the server secret; only their hash is stored.

export const guestSessionToken = (serverSecret: ServerSecret, guestId: string) =>
  deriveToken(serverSecret, 'guest-session', guestId);

export async function guestFromSession(store: Store, token: string) {
  const guest = await store.guests.bySessionHash(lookupHash(token));
  if (!guest) throw unauthorized('The guest session is not valid.');
  return guest;
}
