// The domain as the store hands it out, whatever the engine: plain values, times in ms since the epoch.

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

/** What a host may change of a room's guest access; `lobbyMessage: null` clears it, undefined keeps it. */
export interface GuestAccessChange {
  enabled?: boolean;
  admission?: Admission;
  lobbyMessage?: string | null;
}

export interface GuestAccess {
  enabled: boolean;
  admission: Admission;
  lobbyMessage: string | null;
}

export type RoomType = 'room' | 'channel';

export type Admission = 'moderator' | 'auto';

/** A link's own admission: `room` follows the room's policy; the others override it for this link's guests. */
export type LinkAdmission = 'room' | Admission;

/** What an integrator registers for a room (PUT /v1/admin/rooms/:roomId). */
export interface RoomFields {
  title: string;
  type: RoomType;
  startsAt: number | null;
  endsAt: number | null;
  timeZone: string | null;
  joinUrl: string | null;
}

export interface Room extends RoomFields {
  pk: number;
  tenantId: string;
  id: string;
  removedAt: number | null;
  guestAccessEnabled: boolean;
  admission: Admission;
  createdAt: number;
  /** Shown to waiting guests; null when the host set none. */
  lobbyMessage: string | null;
  /** Event streams open now (on every instance) of hosts who may admit: whether a host is here. */
  hostsOnline: number;
}

export interface Link {
  id: string;
  roomPk: number;
  name: string;
  maxUses: number | null;
  uses: number;
  expiresAt: number | null;
  createdBy: string | null;
  createdAt: number;
  deletedAt: number | null;
  /** What the link's token derives from: its id until the first rotation, then a fresh random id. */
  tokenId: string;
  /** A paused link answers like an invalid one until resumed. */
  paused: boolean;
  admission: LinkAdmission;
}

/** What a host may change of a link; undefined keeps a field, null clears `maxUses` or `expiresAt`. */
export interface LinkChanges {
  name?: string;
  maxUses?: number | null;
  expiresAt?: number | null;
  paused?: boolean;
  admission?: LinkAdmission;
}

export interface NewLink {
  id: string;
  roomPk: number;
  tokenHash: Buffer;
  name: string;
  maxUses: number | null;
  expiresAt: number | null;
  createdBy: string | null;
  createdAt: number;
  /** Default `room`. */
  admission?: LinkAdmission;
}

export type GuestStatus = 'waiting' | 'admitted' | 'denied' | 'left' | 'removed';

export interface Guest {
  id: string;
  roomPk: number;
  linkId: string;
  linkName: string;
  name: string;
  email: string;
  status: GuestStatus;
  createdAt: number;
  decidedAt: number | null;
  /** Presence: at least one of the guest's connections is open (on any instance). */
  online: boolean;
  /** When a connection of the guest last opened or closed; null before the first. */
  lastSeenAt: number | null;
  /** How often a denied guest asked again, and when last. */
  knocks: number;
  knockedAt: number | null;
  /** Their place in line is by this: arrival, or the last knock. Null unless waiting. */
  waitingSince: number | null;
  /** When the guest was last admitted; null if never. */
  admittedAt: number | null;
  /** The host user who made the last status change; null when the guest or the service made it. */
  decidedBy: string | null;
  /** When the guest's stay ended (left or removed); null otherwise. */
  leftAt: number | null;
  /** When the name and email were erased (retention or a request); null while kept. */
  erasedAt: number | null;
}

/** Which guests a history page lists: all, or of one status and/or one link. */
export interface GuestFilter {
  status?: GuestStatus;
  linkId?: string;
}

export interface NewGuest {
  id: string;
  roomPk: number;
  linkId: string;
  name: string;
  email: string;
  status: GuestStatus;
  sessionHash: Buffer;
  idempotencyKey: string | null;
  createdAt: number;
}

/** What an integrator's webhook endpoint may subscribe to (issue 15, item 10). */
export const WEBHOOK_EVENT_TYPES = [
  'guest.waiting',
  'guest.admitted',
  'guest.denied',
  'guest.left',
  'guest.removed',
  'link.used_up',
  'link.expired',
  'guest_access.changed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEndpoint {
  id: string;
  tenantId: string;
  url: string;
  events: WebhookEventType[];
  /** The `whsec_` secret, sealed with the server secret (it must be read back to sign). */
  secretSealed: Buffer;
  createdAt: number;
}

/** One event as the change's transaction records it; the store fans it out to the subscribed endpoints. */
export interface NewWebhookEvent {
  /** The Standard Webhooks `webhook-id`: the same on every attempt and every endpoint. */
  messageId: string;
  roomPk: number;
  type: WebhookEventType;
  /** The event's `data` as JSON, without the room id (the store adds it from the room). */
  data: string;
  createdAt: number;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  id: number;
  endpointId: string;
  url: string;
  messageId: string;
  type: WebhookEventType;
  roomId: string;
  data: string;
  createdAt: number;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: number | null;
  lastAttemptAt: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: number | null;
}

/** A delivery claimed for sending, with its endpoint's sealed secret (null when the endpoint was removed). */
export interface ClaimedDelivery extends WebhookDelivery {
  secretSealed: Buffer | null;
}

/** How one attempt ended: delivered, tried again at `nextAttemptAt`, or given up. */
export interface WebhookAttempt {
  status: WebhookDeliveryStatus;
  attemptedAt: number;
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: number | null;
}
