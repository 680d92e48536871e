// The tenants table and their allowed origins on PostgreSQL. Secrets arrive here already hashed or sealed.
import type { TenantTable } from '../contract.ts';
import type { Tenant } from '../types.ts';
import { changesOf, type Queryable, rowsOf } from './connect.ts';

export interface TenantRow {
  id: string;
  name: string;
  invite_to_media: boolean;
  theming_media_page: boolean;
  logo_url: string | null;
  accent_color: string | null;
  guest_url_template: string | null;
  created_at: number;
  allowed_origins: string[];
}

export interface SealedSecretsRow {
  signing_secret_sealed: Buffer;
  previous_signing_secret_sealed: Buffer | null;
}

/** The columns a Tenant is made of; `t` is the tenants table. Origins come along in the same statement. */
export const TENANT_COLUMNS = `t.id, t.name, t.invite_to_media, t.theming_media_page, t.logo_url, t.accent_color,
  t.guest_url_template, t.created_at,
  ARRAY(SELECT o.origin FROM tenant_origins o WHERE o.tenant_id = t.id ORDER BY o.origin) AS allowed_origins`;

/** The sealed signing secrets, for the reads that verify host tokens. */
export const SEALED_COLUMNS = 't.signing_secret_sealed, t.previous_signing_secret_sealed';

export const toTenant = (row: TenantRow): Tenant => ({
  id: row.id,
  name: row.name,
  allowedOrigins: row.allowed_origins,
  modules: { inviteToMedia: row.invite_to_media, theming: { mediaPage: row.theming_media_page } },
  branding: { logoUrl: row.logo_url, accentColor: row.accent_color },
  guestUrlTemplate: row.guest_url_template,
  createdAt: row.created_at,
});

export const toSealed = (row: SealedSecretsRow): Buffer[] =>
  row.previous_signing_secret_sealed
    ? [row.signing_secret_sealed, row.previous_signing_secret_sealed]
    : [row.signing_secret_sealed];

const statements = {
  // One statement, so a tenant never exists without its origins, even outside a transaction.
  create: {
    name: 'tenants.create',
    text: `WITH tenant AS (
        INSERT INTO tenants (id, name, api_key_hash, signing_secret_sealed, invite_to_media, theming_media_page,
          created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        RETURNING id)
      INSERT INTO tenant_origins (origin, tenant_id)
      SELECT DISTINCT origin, tenant.id FROM tenant, unnest($8::text[]) AS origin`,
  },
  get: { name: 'tenants.get', text: `SELECT ${TENANT_COLUMNS} FROM tenants t WHERE t.id = $1` },
  withSealedSecrets: {
    name: 'tenants.withSealedSecrets',
    text: `SELECT ${TENANT_COLUMNS}, ${SEALED_COLUMNS} FROM tenants t WHERE t.id = $1`,
  },
  byApiKeyHash: {
    name: 'tenants.byApiKeyHash',
    text: `SELECT ${TENANT_COLUMNS} FROM tenants t WHERE t.api_key_hash = $1`,
  },
  anyAllowsOrigin: {
    name: 'tenants.anyAllowsOrigin',
    text: 'SELECT EXISTS (SELECT 1 FROM tenant_origins WHERE origin = $1) AS allowed',
  },
  // One statement; origins ($7) are replaced only when given, keeping those that stay (no duplicate insert).
  update: {
    name: 'tenants.update',
    text: `WITH tenant AS (
        UPDATE tenants SET name = $2, invite_to_media = $3, theming_media_page = $4, logo_url = $5,
          accent_color = $6, guest_url_template = $8
        WHERE id = $1
        RETURNING id),
      dropped AS (
        DELETE FROM tenant_origins o USING tenant
        WHERE o.tenant_id = tenant.id AND $7::text[] IS NOT NULL AND o.origin <> ALL($7::text[]))
      INSERT INTO tenant_origins (origin, tenant_id)
      SELECT DISTINCT origin, tenant.id FROM tenant, unnest($7::text[]) AS origin
      ON CONFLICT DO NOTHING`,
  },
  allSealedSigningSecrets: {
    name: 'tenants.allSealedSigningSecrets',
    text: `SELECT ${SEALED_COLUMNS} FROM tenants t`,
  },
  rotateSigningSecret: {
    name: 'tenants.rotateSigningSecret',
    text: `UPDATE tenants SET previous_signing_secret_sealed = signing_secret_sealed, signing_secret_sealed = $2
      WHERE id = $1`,
  },
};

/** The change where one is given (null included), else the stored value. */
const changed = <T>(change: T | undefined, stored: T): T => (change === undefined ? stored : change);

export function tenantTable(db: Queryable): TenantTable {
  const one = (rows: TenantRow[]) => rows[0] && toTenant(rows[0]);
  return {
    async create(tenant) {
      await rowsOf(db, statements.create, [
        tenant.id,
        tenant.name,
        tenant.apiKeyHash,
        tenant.signingSecretSealed,
        tenant.modules?.inviteToMedia !== false,
        tenant.modules?.theming?.mediaPage !== false,
        tenant.createdAt,
        tenant.allowedOrigins,
      ]);
    },

    get: (id) => rowsOf<TenantRow>(db, statements.get, [id]).then(one),

    withSealedSecrets: (id) =>
      rowsOf<TenantRow & SealedSecretsRow>(db, statements.withSealedSecrets, [id]).then(
        ([row]) => row && { tenant: toTenant(row), sealed: toSealed(row) },
      ),

    byApiKeyHash: (hash) => rowsOf<TenantRow>(db, statements.byApiKeyHash, [hash]).then(one),

    anyAllowsOrigin: (origin) =>
      rowsOf<{ allowed: boolean }>(db, statements.anyAllowsOrigin, [origin]).then(
        ([row]) => row?.allowed === true,
      ),

    async update(current, changes) {
      await rowsOf(db, statements.update, [
        current.id,
        changes.name ?? current.name,
        changed(changes.modules?.inviteToMedia, current.modules.inviteToMedia),
        changed(changes.modules?.theming?.mediaPage, current.modules.theming.mediaPage),
        changed(changes.branding?.logoUrl, current.branding.logoUrl),
        changed(changes.branding?.accentColor, current.branding.accentColor),
        changes.allowedOrigins ?? null,
        changed(changes.guestUrlTemplate, current.guestUrlTemplate),
      ]);
    },

    allSealedSigningSecrets: () =>
      rowsOf<SealedSecretsRow>(db, statements.allSealedSigningSecrets, []).then((rows) =>
        rows.flatMap(toSealed),
      ),

    rotateSigningSecret: (id, sealed) =>
      changesOf(db, statements.rotateSigningSecret, [id, sealed]).then((count) => count === 1),
  };
}
