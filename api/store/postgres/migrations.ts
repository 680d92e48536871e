// Numbered PostgreSQL migrations, mirroring ../migrations.ts: entry N is version N+1. Append only; never edit
// an applied one. Times are BIGINT milliseconds since the epoch; secrets are stored only hashed or sealed.
export const migrations: string[] = [
  `
  CREATE TABLE tenants (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    api_key_hash BYTEA NOT NULL UNIQUE,
    signing_secret_sealed BYTEA NOT NULL,
    previous_signing_secret_sealed BYTEA,
    invite_to_media BOOLEAN NOT NULL DEFAULT TRUE,
    theming_media_page BOOLEAN NOT NULL DEFAULT TRUE,
    logo_url TEXT,
    accent_color TEXT,
    guest_url_template TEXT,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE tenant_origins (
    origin TEXT NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    PRIMARY KEY (origin, tenant_id)
  );
  CREATE INDEX tenant_origins_tenant ON tenant_origins(tenant_id);
  CREATE TABLE rooms (
    pk BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('room', 'channel')),
    starts_at BIGINT,
    ends_at BIGINT,
    time_zone TEXT,
    join_url TEXT,
    removed_at BIGINT,
    guest_access_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    admission TEXT NOT NULL DEFAULT 'moderator' CHECK (admission IN ('moderator', 'auto')),
    created_at BIGINT NOT NULL,
    UNIQUE (tenant_id, id)
  );
  CREATE TABLE links (
    id TEXT PRIMARY KEY,
    room_pk BIGINT NOT NULL REFERENCES rooms(pk) ON DELETE CASCADE,
    token_hash BYTEA NOT NULL UNIQUE,
    name TEXT NOT NULL,
    max_uses INTEGER,
    uses INTEGER NOT NULL DEFAULT 0,
    expires_at BIGINT,
    created_by TEXT,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT,
    -- The claim statement never passes the limit; this makes the table itself refuse it too.
    CHECK (max_uses IS NULL OR uses <= max_uses)
  );
  CREATE INDEX links_room ON links(room_pk, created_at);
  CREATE TABLE guests (
    id TEXT PRIMARY KEY,
    room_pk BIGINT NOT NULL REFERENCES rooms(pk) ON DELETE CASCADE,
    link_id TEXT NOT NULL REFERENCES links(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'admitted', 'denied', 'left', 'removed')),
    session_hash BYTEA NOT NULL UNIQUE,
    idempotency_key TEXT,
    -- Hash of the normalised redemption body, so a key replayed with another body is told apart.
    idempotency_fingerprint BYTEA,
    created_at BIGINT NOT NULL,
    decided_at BIGINT,
    UNIQUE (link_id, idempotency_key)
  );
  -- Guest listing pages newest first by (created_at, id), for the whole room or one status.
  CREATE INDEX guests_room_created ON guests(room_pk, created_at, id);
  CREATE INDEX guests_room_status_created ON guests(room_pk, status, created_at, id);
  CREATE INDEX guests_link ON guests(link_id);
  -- Small server-wide values, e.g. the key-check value of the server secret.
  CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value BYTEA NOT NULL
  );
  `,
  `
  -- Counters every instance sees (a client must not multiply its allowance by the number of instances).
  -- Fixed rate-limit windows per key.
  CREATE TABLE rate_windows (
    key TEXT PRIMARY KEY,
    started_at BIGINT NOT NULL,
    count INTEGER NOT NULL
  );
  -- One row per open event stream, under the keys it counts against; its instance renews it while alive,
  -- so the streams of an instance that died stop counting once their lease runs out.
  CREATE TABLE stream_leases (
    id TEXT PRIMARY KEY,
    instance TEXT NOT NULL,
    keys TEXT[] NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX stream_leases_keys ON stream_leases USING GIN (keys);
  CREATE INDEX stream_leases_instance ON stream_leases (instance);
  `,
  // Presence, the lobby message and asking again (issue 12): open connections are counted per guest and per
  // room's admitting hosts, so every instance reads who is here.
  `
  ALTER TABLE guests ADD COLUMN connections INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE guests ADD COLUMN last_seen_at BIGINT;
  ALTER TABLE guests ADD COLUMN knocks INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE guests ADD COLUMN knocked_at BIGINT;
  ALTER TABLE guests ADD COLUMN waiting_since BIGINT;
  UPDATE guests SET waiting_since = created_at WHERE status = 'waiting';
  CREATE INDEX guests_room_status_waiting ON guests(room_pk, status, waiting_since, id);
  ALTER TABLE rooms ADD COLUMN lobby_message TEXT;
  ALTER TABLE rooms ADD COLUMN hosts_online INTEGER NOT NULL DEFAULT 0;
  `,
  // Presence leases: what each instance's open connections counted, taken back when the instance dies.
  `
  CREATE TABLE presence_leases (
    instance TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    count INTEGER NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (instance, kind, key)
  );
  CREATE INDEX presence_leases_expiry ON presence_leases(expires_at);
  -- The lobby sweep (waiting, absent since) and the metrics' count of waiting guests read only waiting rows.
  CREATE INDEX guests_waiting ON guests(last_seen_at) WHERE status = 'waiting';
  `,
  // Links beyond create and delete, and guest history (issue 15): a link's token derives from `token_id` once
  // rotated (null: from its id); guests keep when they were admitted and left, who decided, and the erasure.
  `
  ALTER TABLE links ADD COLUMN token_id TEXT;
  ALTER TABLE links ADD COLUMN paused BOOLEAN NOT NULL DEFAULT FALSE;
  ALTER TABLE links ADD COLUMN admission TEXT NOT NULL DEFAULT 'room'
    CHECK (admission IN ('room', 'moderator', 'auto'));
  ALTER TABLE guests ADD COLUMN admitted_at BIGINT;
  ALTER TABLE guests ADD COLUMN decided_by TEXT;
  ALTER TABLE guests ADD COLUMN left_at BIGINT;
  ALTER TABLE guests ADD COLUMN erased_at BIGINT;
  UPDATE guests SET admitted_at = decided_at WHERE status = 'admitted';
  UPDATE guests SET left_at = decided_at WHERE status IN ('left', 'removed');
  CREATE INDEX guests_link_created ON guests(link_id, created_at, id);
  CREATE INDEX guests_not_erased ON guests(created_at) WHERE erased_at IS NULL;
  `,
  // Signed webhooks (issue 15, item 10): endpoints, the outbox of deliveries written in the change's own
  // transaction, and the link expiries already announced (once per link and expiry).
  `
  CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    events TEXT[] NOT NULL,
    secret_sealed BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (tenant_id, url)
  );
  CREATE TABLE webhook_deliveries (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    endpoint_id TEXT NOT NULL,
    url TEXT NOT NULL,
    message_id TEXT NOT NULL,
    type TEXT NOT NULL,
    room_id TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,
    last_attempt_at BIGINT,
    last_status_code INTEGER,
    last_error TEXT,
    delivered_at BIGINT
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';
  CREATE INDEX webhook_deliveries_tenant ON webhook_deliveries(tenant_id, id);
  CREATE TABLE webhook_link_expiries (
    link_id TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (link_id, expires_at)
  );
  CREATE INDEX links_expires ON links(expires_at) WHERE expires_at IS NOT NULL AND deleted_at IS NULL;
  `,
  // The lobby order only ever reads waiting guests: a partial index spares every other row (an
  // auto-admitted redemption, each decision) one B-tree write.
  `
  DROP INDEX guests_room_status_waiting;
  CREATE INDEX guests_room_waiting ON guests(room_pk, waiting_since, id) WHERE status = 'waiting';
  `,
];
