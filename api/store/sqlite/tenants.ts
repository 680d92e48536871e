// The tenants table (integrators) and their allowed origins. Secrets arrive here already hashed or sealed.
import type { NewTenant, Tenant, TenantChanges } from '../types.ts';
import { type Db, jsonObject } from './db.ts';

export interface TenantRow {
  id: string;
  name: string;
  invite_to_media: number;
  theming_media_page: number;
  logo_url: string | null;
  accent_color: string | null;
  guest_url_template: string | null;
  created_at: number;
  /** The tenant's origins, sorted. */
  origins: string[];
}

export interface SealedSecretsRow {
  signing_secret_sealed: Buffer;
  previous_signing_secret_sealed: Buffer | null;
}

/**
 * A TenantRow as one JSON object (`t` is the tenants table), origins included: one statement reads a tenant
 * whole, alone or joined to its rooms and links.
 */
export const TENANT_JSON = jsonObject('t', [
  'id',
  'name',
  'invite_to_media',
  'theming_media_page',
  'logo_url',
  'accent_color',
  'guest_url_template',
  'created_at',
  [
    'origins',
    'json((SELECT json_group_array(origin) FROM (SELECT origin FROM tenant_origins WHERE tenant_id = t.id ORDER BY origin)))',
  ],
]);

export const toTenant = (row: TenantRow): Tenant => ({
  id: row.id,
  name: row.name,
  allowedOrigins: row.origins,
  modules: {
    inviteToMedia: row.invite_to_media === 1,
    theming: { mediaPage: row.theming_media_page === 1 },
  },
  branding: { logoUrl: row.logo_url, accentColor: row.accent_color },
  guestUrlTemplate: row.guest_url_template,
  createdAt: row.created_at,
});

/** A row that holds a tenant as `TENANT_JSON`. */
export interface TenantJson {
  tenant: string;
}

export const tenantOf = (row: TenantJson): Tenant => toTenant(JSON.parse(row.tenant));

export const sealedOf = (row: SealedSecretsRow): Buffer[] =>
  row.previous_signing_secret_sealed
    ? [row.signing_secret_sealed, row.previous_signing_secret_sealed]
    : [row.signing_secret_sealed];

export function createTenantStore(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO tenants (id, name, api_key_hash, signing_secret_sealed, invite_to_media, theming_media_page, created_at)
       VALUES (@id, @name, @apiKeyHash, @signingSecretSealed, @inviteToMedia, @themingMediaPage, @createdAt)`,
    ),
    get: db.prepare<[string], TenantJson>(`SELECT ${TENANT_JSON} AS tenant FROM tenants t WHERE t.id = ?`),
    // The tenant and the sealed secrets that verify its host tokens, in one statement (one snapshot).
    withSealedSecrets: db.prepare<[string], TenantJson & SealedSecretsRow>(
      `SELECT ${TENANT_JSON} AS tenant, t.signing_secret_sealed, t.previous_signing_secret_sealed FROM tenants t
       WHERE t.id = ?`,
    ),
    byApiKeyHash: db.prepare<[Buffer], TenantJson>(
      `SELECT ${TENANT_JSON} AS tenant FROM tenants t WHERE t.api_key_hash = ?`,
    ),
    clearOrigins: db.prepare('DELETE FROM tenant_origins WHERE tenant_id = ?'),
    addOrigin: db.prepare('INSERT OR IGNORE INTO tenant_origins (origin, tenant_id) VALUES (?, ?)'),
    anyAllowsOrigin: db
      .prepare<[string], number>('SELECT 1 FROM tenant_origins WHERE origin = ? LIMIT 1')
      .pluck(),
    update: db.prepare(
      `UPDATE tenants SET name = @name, invite_to_media = @inviteToMedia, theming_media_page = @themingMediaPage,
       logo_url = @logoUrl, accent_color = @accentColor, guest_url_template = @guestUrlTemplate WHERE id = @id`,
    ),
    allSigningSecrets: db.prepare<[], SealedSecretsRow>(
      'SELECT signing_secret_sealed, previous_signing_secret_sealed FROM tenants',
    ),
    rotate: db.prepare(
      `UPDATE tenants SET previous_signing_secret_sealed = signing_secret_sealed, signing_secret_sealed = ? WHERE id = ?`,
    ),
  };

  const setOrigins = (tenantId: string, origins: string[]) => {
    statements.clearOrigins.run(tenantId);
    for (const origin of origins) statements.addOrigin.run(origin, tenantId);
  };

  return {
    create(tenant: NewTenant): void {
      statements.insert.run({
        ...tenant,
        inviteToMedia: tenant.modules?.inviteToMedia === false ? 0 : 1,
        themingMediaPage: tenant.modules?.theming?.mediaPage === false ? 0 : 1,
      });
      setOrigins(tenant.id, tenant.allowedOrigins);
    },

    get(id: string): Tenant | undefined {
      const row = statements.get.get(id);
      return row && tenantOf(row);
    },

    /** The tenant with its sealed signing secrets (current first), read together. */
    withSealedSecrets(id: string): { tenant: Tenant; sealed: Buffer[] } | undefined {
      const row = statements.withSealedSecrets.get(id);
      return row && { tenant: tenantOf(row), sealed: sealedOf(row) };
    },

    byApiKeyHash(hash: Buffer): Tenant | undefined {
      const row = statements.byApiKeyHash.get(hash);
      return row && tenantOf(row);
    },

    /** CORS preflights carry no token: an origin is acceptable if any tenant lists it. */
    anyAllowsOrigin: (origin: string) => statements.anyAllowsOrigin.get(origin) === 1,

    update(current: Tenant, changes: TenantChanges): void {
      const modules = {
        inviteToMedia: changes.modules?.inviteToMedia ?? current.modules.inviteToMedia,
        mediaPage: changes.modules?.theming?.mediaPage ?? current.modules.theming.mediaPage,
      };
      statements.update.run({
        id: current.id,
        name: changes.name ?? current.name,
        inviteToMedia: modules.inviteToMedia ? 1 : 0,
        themingMediaPage: modules.mediaPage ? 1 : 0,
        logoUrl:
          changes.branding?.logoUrl !== undefined ? changes.branding.logoUrl : current.branding.logoUrl,
        accentColor:
          changes.branding?.accentColor !== undefined
            ? changes.branding.accentColor
            : current.branding.accentColor,
        guestUrlTemplate:
          changes.guestUrlTemplate !== undefined ? changes.guestUrlTemplate : current.guestUrlTemplate,
      });
      if (changes.allowedOrigins) setOrigins(current.id, changes.allowedOrigins);
    },

    /** Every sealed signing secret of every tenant: what the server secret must open. */
    allSealedSigningSecrets: (): Buffer[] => statements.allSigningSecrets.all().flatMap(sealedOf),

    /** Keeps the current secret valid as the previous one, so integrators can roll their token minting. */
    rotateSigningSecret(id: string, sealed: Buffer): boolean {
      return statements.rotate.run(sealed, id).changes === 1;
    },
  };
}
