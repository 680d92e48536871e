// The store contract: what routes, rules and redemption see of the database. Engine-neutral and async;
// api/store/sqlite/ and api/store/postgres/ implement it and prove it through the same test suite.
import type {
  ClaimedDelivery,
  Guest,
  GuestAccess,
  GuestAccessChange,
  GuestFilter,
  GuestStatus,
  Link,
  LinkChanges,
  NewGuest,
  NewLink,
  NewTenant,
  NewWebhookEvent,
  Room,
  RoomFields,
  Tenant,
  TenantChanges,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
} from './types.ts';

/** A unique constraint refused a write that a concurrent transaction made first (PostgreSQL 23505). */
export class DuplicateKeyError extends Error {
  override readonly name = 'DuplicateKeyError';
}

/**
 * PostgreSQL ended this statement's transaction, or its savepoint, because it and another waited on each
 * other (40P01); the other goes on, and the same work run again waits for it instead.
 */
export class DeadlockError extends Error {
  override readonly name = 'DeadlockError';
}

/** A link with its room and tenant. */
export interface LinkContextRow {
  tenant: Tenant;
  room: Room;
  link: Link;
}

/** As read: with whether the tenant has a webhook endpoint at all (without one, no event is recorded). */
export interface LinkContextRead extends LinkContextRow {
  hasWebhookEndpoints: boolean;
}

/** Guests per page of a host's list. */
export const PAGE_SIZE = 1000;

/** One page of a room's guests, newest first. */
export interface GuestPage {
  guests: Guest[];
  /** The last guest's id when more follow, for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface TenantTable {
  create(tenant: NewTenant): Promise<void>;
  get(id: string): Promise<Tenant | undefined>;
  /** The tenant with its sealed signing secrets (current first), read together. */
  withSealedSecrets(id: string): Promise<{ tenant: Tenant; sealed: Buffer[] } | undefined>;
  byApiKeyHash(hash: Buffer): Promise<Tenant | undefined>;
  /** CORS preflights carry no token: an origin is acceptable if any tenant lists it. */
  anyAllowsOrigin(origin: string): Promise<boolean>;
  update(current: Tenant, changes: TenantChanges): Promise<void>;
  /** Every sealed signing secret of every tenant: what the server secret must open. */
  allSealedSigningSecrets(): Promise<Buffer[]>;
  /** The current secret becomes the previous one; false when there is no such tenant. */
  rotateSigningSecret(id: string, sealed: Buffer): Promise<boolean>;
}

export interface RoomTable {
  /** Creates or updates; re-registering a removed room makes it available again. */
  put(tenantId: string, id: string, fields: RoomFields, now: number): Promise<Room>;
  get(tenantId: string, id: string): Promise<Room | undefined>;
  /** Every room of the tenant, removed ones too (their `removedAt` set), by id. */
  listOfTenant(tenantId: string): Promise<Room[]>;
  /**
   * The room read with a lock that lasts until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite holds
   * the write lock already): what a transaction checks against it cannot change under it.
   */
  lockByPk(pk: number): Promise<Room | undefined>;
  byPk(pk: number): Promise<Room | undefined>;
  remove(room: Room, now: number): Promise<void>;
  setGuestAccess(room: Room, change: GuestAccessChange): Promise<GuestAccess>;
  /** Counts a host stream that may admit opening (+1) or closing (-1); the count after it. */
  countHost(pk: number, delta: number): Promise<number>;
}

export interface LinkTable {
  create(link: NewLink): Promise<Link>;
  get(id: string): Promise<Link | undefined>;
  /** The links not deleted, oldest first. */
  listOfRoom(roomPk: number): Promise<Link[]>;
  countOfRoom(roomPk: number): Promise<number>;
  /** Deletion is for good: the row stays only so its token is recognised as once real. */
  delete(id: string, now: number): Promise<boolean>;
  deleteOfRoom(roomPk: number, now: number): Promise<void>;
  /** Counts one use unless the limit is reached, in one atomic statement; the link after it, or undefined. */
  countUseReturning(id: string): Promise<Link | undefined>;
  /**
   * Applies `changes` to a link not deleted, in one statement that also refuses a `maxUses` below the uses
   * counted by then (a redemption racing the edit cannot slip past it); the link after it, or undefined.
   */
  update(id: string, changes: LinkChanges): Promise<Link | undefined>;
  /** A new token for a link not deleted (its hash and what it derives from); the link after it, or undefined. */
  rotate(id: string, tokenId: string, tokenHash: Buffer): Promise<Link | undefined>;
}

export interface GuestTable {
  /** Inserts without reading back: the guest as stored (`linkName` is its link's name). */
  insert(guest: NewGuest, linkName: string): Promise<Guest>;
  get(id: string): Promise<Guest | undefined>;
  /** The guest read with a lock until the transaction ends, for decisions (see `RoomTable.lockByPk`). */
  lock(id: string): Promise<Guest | undefined>;
  bySessionHash(hash: Buffer): Promise<Guest | undefined>;
  byIdempotencyKey(linkId: string, key: string): Promise<Guest | undefined>;
  /** A page of `PAGE_SIZE`, newest first, optionally of one status and/or link, after `cursor` (from a page). */
  pageOfRoom(roomPk: number, filter?: GuestFilter, cursor?: string): Promise<GuestPage>;
  /** `decidedBy`: the host user making the change; null (default) when the guest or the service makes it. */
  setStatus(guest: Guest, status: GuestStatus, now: number, decidedBy?: string | null): Promise<Guest>;
  /** Admits every waiting guest of the room at once; returns them as admitted. */
  admitWaiting(roomPk: number, now: number, decidedBy?: string | null): Promise<Guest[]>;
  /** Removes every waiting or admitted guest who came through the link, at once; returns them as removed. */
  removeOfLink(linkId: string, now: number, decidedBy: string | null): Promise<Guest[]>;
  /** Erases the name and email of up to `limit` guests created before `createdBefore` not erased yet; how many. */
  eraseCreatedBefore(createdBefore: number, now: number, limit: number): Promise<number>;
  /** Erases the name and email of the tenant's guests with this email (any letter case); how many. */
  eraseByEmail(tenantId: string, email: string, now: number): Promise<number>;
  /** Guests waiting in any room's lobby, for the metrics. */
  countWaiting(): Promise<number>;
  /** A connection of the guest opened (+1) or closed (-1) at `now`; the guest after it. */
  countConnection(id: string, delta: number, now: number): Promise<Guest | undefined>;
  /**
   * A waiting guest with no connection open since `seenBefore` becomes left (the lobby grace ran out);
   * the guest after it, or undefined when they came back, were decided, or left otherwise.
   */
  leaveIfAbsent(id: string, seenBefore: number, now: number): Promise<Guest | undefined>;
  /** A denied guest asks again: waiting once more, at the end of the line, one more knock counted. */
  knock(guest: Guest, now: number): Promise<Guest>;
  /** The waiting guest's place in the room's line, 1 = next (by `waitingSince`, then id). */
  lobbyPosition(guest: Guest): Promise<number>;
  /** The ids of the room's waiting guests in line order (as `lobbyPosition` counts): one read for a whole lobby. */
  waitingLine(roomPk: number): Promise<string[]>;
  /**
   * Every waiting guest with no connection open since `seenBefore`, and waiting since before it, becomes left:
   * those whose grace timer died with its instance, and those who never opened one (a browser that closed
   * between joining and its stream, a client that only posted). The guests after it.
   */
  leaveAbsentWaiting(seenBefore: number, now: number): Promise<Guest[]>;
}

/** What an instance's open connections counted, so that another can take it back when the instance dies. */
export type PresenceKind = 'guest' | 'host';

/**
 * Presence leases: per instance, what its open connections added to `guests.connections` (by guest id) and
 * `rooms.hosts_online` (by room pk). The instance renews them while it lives; whoever finds them expired
 * subtracts them again, so a killed instance's guests go offline and its hosts stop counting.
 */
export interface PresenceLeaseTable {
  /**
   * Holds the instance's lease on `key` until the transaction ends (made at 0 if there was none), now ending at
   * `expiresAt`; the count it holds. A caller that sets it from what it knows once held writes the same
   * whether or not an earlier write's answer was lost.
   */
  hold(instance: string, kind: PresenceKind, key: string, expiresAt: number): Promise<number>;
  /** Sets the held lease's count; 0 drops the lease. */
  set(instance: string, kind: PresenceKind, key: string, count: number): Promise<void>;
  renew(instance: string, expiresAt: number): Promise<void>;
  /**
   * Takes every lease expired at `now` back out of the counts (a guest's `last_seen_at` becomes `now`); the
   * guests and rooms whose counts changed.
   */
  reapExpired(
    now: number,
  ): Promise<{ guestIds: string[]; rooms: Array<{ pk: number; hostsOnline: number }> }>;
}

/** Deliveries per page of the admin's list. */
export const DELIVERY_PAGE_SIZE = 100;

/** Webhook endpoints and their outbox: one delivery row per event and subscribed endpoint. */
export interface WebhookTable {
  /** The tenant's endpoints, oldest first. */
  endpointsOf(tenantId: string): Promise<WebhookEndpoint[]>;
  /**
   * Makes `endpoints` the tenant's whole set (upserted by id); the pending deliveries of an endpoint no longer in
   * it fail with "endpoint removed", and stay listed.
   */
  replaceEndpoints(tenantId: string, endpoints: WebhookEndpoint[]): Promise<void>;
  /** Queues the event for every endpoint of the room's tenant subscribed to its type; how many were queued. */
  record(event: NewWebhookEvent): Promise<number>;
  /**
   * Up to `limit` pending deliveries due at `now`, leased for `leaseMs` (their next attempt moves past the lease,
   * so another instance skips them; one that died mid-send is retried once the lease runs out). PostgreSQL
   * claims with FOR UPDATE SKIP LOCKED.
   */
  claimDue(now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]>;
  /** The outcome of one attempt; `attempts` counts it. */
  finishAttempt(id: number, attempt: WebhookAttempt): Promise<void>;
  /** A page of the tenant's deliveries, newest first, after `cursor` (a delivery id), optionally of one status. */
  deliveriesOf(
    tenantId: string,
    status?: WebhookDeliveryStatus,
    cursor?: number,
  ): Promise<{ deliveries: WebhookDelivery[]; nextCursor: number | null }>;
  /**
   * Marks links whose expiry passed after `after` and by `now` (not deleted, of a tenant with an endpoint subscribed to
   * `link.expired` since before the expiry) as announced, once per link and expiry; the ids newly marked.
   */
  markExpiredLinks(after: number, now: number, limit: number): Promise<string[]>;
  /** Retention: deletes up to `limit` deliveries created before `createdBefore` (their payloads name guests); how many. */
  deleteCreatedBefore(createdBefore: number, limit: number): Promise<number>;
  /** An erasure request: blanks the guest's name and email in the tenant's delivery payloads about them. */
  eraseGuest(tenantId: string, email: string): Promise<number>;
}

/** Facts about the database itself, by name (e.g. the check value of the server secret that sealed it). */
export interface SettingTable {
  get(name: string): Promise<Buffer | undefined>;
  set(name: string, value: Buffer): Promise<void>;
}

/** The tables, as seen outside or inside a transaction. */
export interface Tables {
  tenants: TenantTable;
  rooms: RoomTable;
  links: LinkTable;
  guests: GuestTable;
  settings: SettingTable;
  presenceLeases: PresenceLeaseTable;
  webhooks: WebhookTable;
  linkContexts: {
    byTokenHash(hash: Buffer): Promise<LinkContextRow | undefined>;
    /** With `hasWebhookEndpoints`, which the redemption's re-read inside its transaction needs. */
    byLinkId(id: string): Promise<LinkContextRead | undefined>;
  };
}

/**
 * Counters several instances share (rate-limit windows, stream slots), where a client must not multiply its
 * allowance by the number of instances.
 */
export interface SharedCounters {
  /** Counts one request for `key` in its fixed window (a new one once `windowMs` has passed). */
  countWindow(key: string, now: number, windowMs: number): Promise<{ startedAt: number; count: number }>;
  /** A slot under every key (none when one is at its cap): the slot's id, or undefined. */
  acquireSlot(slots: ReadonlyArray<{ key: string; cap: number }>, now: number): Promise<string | undefined>;
  releaseSlot(id: string): Promise<void>;
  countSlots(key: string, now: number): Promise<number>;
}

export interface Store extends Tables {
  /** `sqlite` or `postgres`, for logs and the bench. */
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in a write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: READ COMMITTED, with the row locks
   * that `lockByPk`/`lock` take). `fn` must use `tx`, not the store, and do nothing but database work.
   * A thrown error rolls the transaction back and is rethrown.
   */
  transaction<T>(fn: (tx: Tables) => Promise<T>): Promise<T>;
  /**
   * `transaction`, where the engine may share one commit among several calls, each in its own savepoint, so a
   * failing call still rolls back alone. SQLite: the calls of one event-loop turn. PostgreSQL: the calls with
   * the same `key` (the row they lock) that arrive while an earlier one runs; `fn` must lock no other row.
   */
  batchedTransaction<T>(fn: (tx: Tables) => Promise<T>, key?: string): Promise<T>;
  /** Present where several instances share the database (PostgreSQL); one process counts in memory. */
  readonly counters?: SharedCounters;
  /**
   * After an erasure: leaves no copy of erased values in the database's files where the engine can (SQLite
   * zeroes freed space and here moves the WAL into the main file and truncates it); false when a reader in
   * another process kept part of the WAL (the next call tries again).
   */
  purgeErased(): Promise<boolean>;
  /** Ends the connection(s); pending work finishes first. */
  close(): Promise<void>;
}
