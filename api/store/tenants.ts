// The tenants table (integrators) and their allowed origins. Secrets arrive here already hashed or sealed.
import type { Db } from './db.ts';

export interface Modules {
  inviteToMedia: boolean;
  theming: { mediaPage: boolean };
}

export interface Branding {
  logoUrl: string | null;
  accentColor: string | null;
}

export interface Tenant {
  id: string;
  name: string;
  allowedOrigins: string[];
  modules: Modules;
  branding: Branding;
  guestUrlTemplate: string | null;
  createdAt: number;
}

export interface NewTenant {
  id: string;
  name: string;
  apiKeyHash: Buffer;
  signingSecretSealed: Buffer;
  allowedOrigins: string[];
  modules?: Partial<Modules>;
  createdAt: number;
}

export interface TenantChanges {
  name?: string;
  allowedOrigins?: string[];
  modules?: { inviteToMedia?: boolean; theming?: { mediaPage?: boolean } };
  branding?: Partial<Branding>;
  guestUrlTemplate?: string | null;
}

export interface TenantRow {
  id: string;
  name: string;
  invite_to_media: number;
  theming_media_page: number;
  logo_url: string | null;
  accent_color: string | null;
  guest_url_template: string | null;
  created_at: number;
  /** JSON array of the tenant's origins, sorted (`ORIGINS_JSON`). */
  origins: string;
}

interface SealedSecretsRow {
  signing_secret_sealed: Buffer;
  previous_signing_secret_sealed: Buffer | null;
}

/** The columns a Tenant is made of; `t` is the tenants table. Origins come along in the same statement. */
export const TENANT_COLUMNS = `t.id, t.name, t.invite_to_media, t.theming_media_page, t.logo_url, t.accent_color,
  t.guest_url_template, t.created_at, (SELECT json_group_array(origin) FROM (SELECT origin FROM tenant_origins
  WHERE tenant_id = t.id ORDER BY origin)) AS origins`;

export const toTenant = (row: TenantRow): Tenant => ({
  id: row.id,
  name: row.name,
  allowedOrigins: JSON.parse(row.origins) as string[],
  modules: {
    inviteToMedia: row.invite_to_media === 1,
    theming: { mediaPage: row.theming_media_page === 1 },
  },
  branding: { logoUrl: row.logo_url, accentColor: row.accent_color },
  guestUrlTemplate: row.guest_url_template,
  createdAt: row.created_at,
});

const sealedOf = (row: SealedSecretsRow): Buffer[] =>
  row.previous_signing_secret_sealed
    ? [row.signing_secret_sealed, row.previous_signing_secret_sealed]
    : [row.signing_secret_sealed];

export function createTenantStore(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO tenants (id, name, api_key_hash, signing_secret_sealed, invite_to_media, theming_media_page, created_at)
       VALUES (@id, @name, @apiKeyHash, @signingSecretSealed, @inviteToMedia, @themingMediaPage, @createdAt)`,
    ),
    get: db.prepare<[string], TenantRow>(`SELECT ${TENANT_COLUMNS} FROM tenants t WHERE t.id = ?`),
    // The tenant and the sealed secrets that verify its host tokens, in one statement (one snapshot).
    withSealedSecrets: db.prepare<[string], TenantRow & SealedSecretsRow>(
      `SELECT ${TENANT_COLUMNS}, t.signing_secret_sealed, t.previous_signing_secret_sealed FROM tenants t
       WHERE t.id = ?`,
    ),
    byApiKeyHash: db.prepare<[Buffer], TenantRow>(
      `SELECT ${TENANT_COLUMNS} FROM tenants t WHERE t.api_key_hash = ?`,
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
    signingSecrets: db.prepare<[string], SealedSecretsRow>(
      'SELECT signing_secret_sealed, previous_signing_secret_sealed FROM tenants WHERE id = ?',
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
      return row && toTenant(row);
    },

    /** The tenant with its sealed signing secrets (current first), read together. */
    withSealedSecrets(id: string): { tenant: Tenant; sealed: Buffer[] } | undefined {
      const row = statements.withSealedSecrets.get(id);
      return row && { tenant: toTenant(row), sealed: sealedOf(row) };
    },

    byApiKeyHash(hash: Buffer): Tenant | undefined {
      const row = statements.byApiKeyHash.get(hash);
      return row && toTenant(row);
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

    /** The sealed signing secrets that verify host tokens: the current one first, then the one before rotation. */
    sealedSigningSecrets(id: string): Buffer[] {
      const row = statements.signingSecrets.get(id);
      return row ? sealedOf(row) : [];
    },

    /** Every sealed signing secret of every tenant: what the server secret must open. */
    allSealedSigningSecrets: (): Buffer[] => statements.allSigningSecrets.all().flatMap(sealedOf),

    /** Keeps the current secret valid as the previous one, so integrators can roll their token minting. */
    rotateSigningSecret(id: string, sealed: Buffer): boolean {
      return statements.rotate.run(sealed, id).changes === 1;
    },
  };
}

export type TenantStore = ReturnType<typeof createTenantStore>;
