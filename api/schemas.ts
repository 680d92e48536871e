// valibot schemas: the one source of request and response shapes, used to validate and to build OpenAPI.
import * as v from 'valibot';
import {
  LOBBY_MESSAGE_MAX_LENGTH,
  MAX_LINK_DAYS,
  MAX_LINK_USES,
  MAX_LINKS_PER_ROOM,
  NAME_CONTROL,
  NAME_MAX_LENGTH,
  VISIBLE,
} from '../widget/internal/limits.ts';
import { ERROR_CODES } from './errors.ts';
import { parseInstant } from './rules.ts';
import { WEBHOOK_EVENT_TYPES } from './store/types.ts';

// Rule 2 names (guests and links): trimmed, 1–80 characters, no controls, something visible, stored as NFC.
// Room titles and tenant names, shown to guests as well, take the same rule with a longer limit.
const displayName = (label: string, maxLength = NAME_MAX_LENGTH) =>
  v.pipe(
    v.string(`${label} must be text.`),
    // A lone surrogate would be stored as U+FFFD while the 201 echoes it.
    v.check((value) => value.isWellFormed(), `${label} contains a broken character; type it again.`),
    v.trim(),
    v.normalize('NFC'),
    v.minLength(1, `${label} is required.`),
    v.maxLength(maxLength, `${label} must be at most ${maxLength} characters.`),
    v.check(
      (value) => !NAME_CONTROL.test(value),
      `${label} must not contain line breaks, tabs or invisible text-direction characters.`,
    ),
    v.check(
      (value) => VISIBLE.test(value),
      `${label} must contain at least one visible letter, digit or symbol.`,
    ),
  );

/** What the URL parser would quietly drop or encode, stored as sent: a NUL is refused by PostgreSQL's text. */
const URL_UNSAFE = /[\p{Cc}\p{Bidi_Control}\p{White_Space}]/u;

const httpUrl = (label: string) =>
  v.pipe(
    v.string(`${label} must be text.`),
    v.maxLength(2000, `${label} is too long.`),
    v.check(
      (value) => value.isWellFormed() && !URL_UNSAFE.test(value),
      `${label} must not contain spaces, line breaks or control characters; percent-encode them (a space as %20).`,
    ),
    v.url(`${label} must be a URL.`),
    v.regex(/^https?:\/\//i, `${label} must start with http:// or https://.`),
  );

const instant = (label: string) =>
  v.pipe(
    v.string(`${label} must be an ISO-8601 date-time.`),
    v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, `${label} must be an ISO-8601 date-time.`),
    v.check((value) => !Number.isNaN(parseInstant(value)), `${label} must be an ISO-8601 date-time.`),
  );

const timeZone = v.pipe(
  v.string('Time zone must be text.'),
  v.maxLength(64, 'Time zone is too long.'),
  v.check((value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'Time zone must be an IANA time zone such as Europe/Paris.'),
);

const wholeNumber = (label: string, min: number, max: number) =>
  v.pipe(
    v.number(`${label} must be a whole number.`),
    v.integer(`${label} must be a whole number.`),
    v.minValue(min, `${label} must be between ${min} and ${max}.`),
    v.maxValue(max, `${label} must be between ${min} and ${max}.`),
  );

const identifier = (label: string) =>
  v.pipe(
    v.string(),
    v.minLength(1, `${label} is required.`),
    v.maxLength(128, `${label} must be at most 128 characters.`),
    v.regex(/^[A-Za-z0-9._:~-]+$/, `${label} may contain only letters, digits and . _ : ~ -`),
  );

// An http(s) scheme and a host, nothing more but the bare "/" an address bar shows after it; a backslash would
// end the host for the URL parser, as a slash does.
const ORIGIN_SHAPE = /^https?:\/\/[^/?#@\\\s]+\/?$/i;
const ORIGIN_MESSAGE = 'Origin must look like https://example.com (http or https, a host, no path).';

/**
 * The origin `value` names as browsers send it (scheme and host lower-cased, default port dropped, a bare
 * trailing "/" left out), if any: allowed origins and GUEST_ACCESS_PUBLIC_ORIGIN both read through here.
 */
export function normalOrigin(value: string): string | undefined {
  if (!ORIGIN_SHAPE.test(value)) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/** An allowed origin, stored normalised: the admin API and the command line both read it through here. */
export const origin = v.pipe(
  v.string('Origin must be text.'),
  v.maxLength(300, 'Origin is too long.'),
  v.regex(ORIGIN_SHAPE, ORIGIN_MESSAGE),
  v.check((value) => normalOrigin(value) !== undefined, ORIGIN_MESSAGE),
  v.transform((value) => normalOrigin(value) as string),
);

export const admission = v.picklist(['moderator', 'auto'], 'Admission must be "moderator" or "auto".');
export const linkAdmission = v.picklist(
  ['room', 'moderator', 'auto'],
  'Admission must be "room" (follow the room\'s policy), "moderator" or "auto".',
);
export const roomType = v.picklist(['room', 'channel'], 'Type must be "room" or "channel".');
export const guestStatus = v.picklist(
  ['waiting', 'admitted', 'denied', 'left', 'removed'],
  'Status must be waiting, admitted, denied, left or removed.',
);
export const permission = v.picklist(['guest-access:manage', 'guests:admit']);

// Path parameters
export const roomParams = v.object({ roomId: identifier('Room id') });
export const linkParams = v.object({ roomId: identifier('Room id'), linkId: identifier('Link id') });
export const guestParams = v.object({ roomId: identifier('Room id'), guestId: identifier('Guest id') });
// Any string: a token that names no link answers 410 link_unavailable (rule 14), never a 400.
export const tokenParams = v.object({ token: v.string() });

/**
 * A request body that refuses a field it does not know, naming it: a misspelt field (`origins` for
 * `allowedOrigins`) would otherwise be ignored and answered 200.
 */
const strictBody = <Entries extends v.ObjectEntries>(entries: Entries, label = 'The body') => {
  const notObject = `${label} must be a JSON object.`;
  return v.pipe(
    // valibot's object takes an array (as `{}`): `[]` passed as a PATCH that changes nothing, answered 200.
    v.unknown(),
    v.check((value) => !Array.isArray(value), notObject),
    v.strictObject(entries, (issue) => {
      if (issue.expected === 'never')
        return `Unknown field; the fields are ${Object.keys(entries).join(', ')}.`;
      // A required field left out is reported by the object, with the field as the issue's path.
      const missing = issue.path?.at(-1)?.key;
      return missing === undefined ? notObject : `${String(missing)} is required.`;
    }),
  );
};

// Request bodies and queries
export const roomBody = strictBody({
  title: displayName('Title', 200),
  type: v.optional(roomType, 'room'),
  startsAt: v.nullish(instant('Start')),
  endsAt: v.nullish(instant('End')),
  timeZone: v.nullish(timeZone),
  joinUrl: v.nullish(httpUrl('Join URL')),
});

export const tenantPatchBody = strictBody({
  name: v.optional(displayName('Name', 200)),
  allowedOrigins: v.optional(v.pipe(v.array(origin, 'Allowed origins must be a list.'), v.maxLength(50))),
  modules: v.optional(
    strictBody(
      {
        inviteToMedia: v.optional(v.boolean('inviteToMedia must be true or false.')),
        theming: v.optional(
          strictBody({ mediaPage: v.optional(v.boolean('mediaPage must be true or false.')) }, 'theming'),
        ),
      },
      'modules',
    ),
  ),
  branding: v.optional(
    strictBody(
      {
        logoUrl: v.nullish(httpUrl('Logo URL')),
        accentColor: v.nullish(
          v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i, 'Accent colour must look like #1a2b3c.')),
        ),
      },
      'branding',
    ),
  ),
  guestUrlTemplate: v.nullish(
    v.pipe(
      httpUrl('Guest URL template'),
      v.includes('{token}', 'The guest URL template must contain {token}.'),
      v.maxLength(500, 'The guest URL template is too long.'),
    ),
  ),
});

/** Lines may break; other controls and the bidi controls may not. */
const MESSAGE_CONTROL = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;

// Empty after trimming clears the message, as null does.
const lobbyMessage = v.nullish(
  v.pipe(
    v.string('Lobby message must be text or null.'),
    v.check((value) => value.isWellFormed(), 'Lobby message contains a broken character; type it again.'),
    v.trim(),
    v.normalize('NFC'),
    v.maxLength(
      LOBBY_MESSAGE_MAX_LENGTH,
      `Lobby message must be at most ${LOBBY_MESSAGE_MAX_LENGTH} characters.`,
    ),
    v.check(
      (value) => !MESSAGE_CONTROL.test(value.replaceAll('\n', '')),
      'Lobby message must not contain tabs, control or invisible text-direction characters.',
    ),
    v.transform((value) => (value === '' ? null : value)),
  ),
);

export const guestAccessPatchBody = strictBody({
  enabled: v.optional(v.boolean('Enabled must be true or false.')),
  admission: v.optional(admission),
  lobbyMessage,
});

const linkFields = {
  name: displayName('Link name'),
  maxUses: v.nullish(wholeNumber('Number of clicks', 1, MAX_LINK_USES)),
  durationDays: v.nullish(wholeNumber('Duration', 1, MAX_LINK_DAYS)),
  /** An alternative to `durationDays` (not both): the instant the link expires, null for never. */
  expiresAt: v.nullish(instant('Expiry')),
  admission: v.optional(linkAdmission),
};

export const linkBody = strictBody(linkFields);

/** PATCH of a link: what is sent changes, what is left out stays. */
export const linkPatchBody = strictBody({
  ...linkFields,
  name: v.optional(linkFields.name),
  paused: v.optional(v.boolean('Paused must be true or false.')),
});

export const linkDeleteQuery = v.object({
  removeGuests: v.optional(
    v.pipe(
      v.picklist(['true', 'false'], 'removeGuests must be true or false.'),
      v.transform((value) => value === 'true'),
    ),
  ),
});

/** A guest's email address: one check for the guest who gives it and for the erasure that looks it up. */
const emailAddress = (messages: { notText: string; invalid: string }) =>
  v.pipe(
    v.string(messages.notText),
    v.trim(),
    v.minLength(1, 'Email is required.'),
    v.maxLength(254, 'Email must be at most 254 characters.'),
    v.email(messages.invalid),
  );

export const guestBody = strictBody({
  name: displayName('Name'),
  email: emailAddress({ notText: 'Email must be text.', invalid: 'Email must be a valid email address.' }),
});

export const redemptionHeaders = v.object({
  'idempotency-key': v.optional(
    v.pipe(
      v.string(),
      v.minLength(1, 'Idempotency-Key must not be empty.'),
      v.maxLength(200, 'Idempotency-Key must be at most 200 characters.'),
      // Two headers arrive joined by ", ", so a space also means the header was sent twice.
      v.regex(/^[\x21-\x7e]+$/, 'Send one Idempotency-Key header, of printable ASCII without spaces.'),
    ),
  ),
});

export const guestsQuery = v.object({
  status: v.optional(guestStatus),
  linkId: v.optional(identifier('Link id')),
  cursor: v.optional(identifier('Cursor')),
});

/**
 * Why an erasure was refused: in a query string a bare `+` reads as a space, so `ada+news@example.com` sent
 * as is would match nobody and answer `{erased: 0}`, a silent no-op on a request under privacy law.
 */
export const ERASURE_EMAIL_MESSAGE =
  'Give the person’s email address as ?email=…, URL-encoded (encodeURIComponent): a bare + reads as a space, so write it as %2B.';

export const guestErasureQuery = v.object(
  {
    // Every stored email passed the same check on redemption, so a value failing it matches nobody.
    email: emailAddress({
      notText: 'Give one email address.',
      invalid: 'Email must be a valid email address, URL-encoded (+ as %2B).',
    }),
  },
  // A missing `email` key is reported by the object itself (valibot's default names the key, not the fix).
  'Email is required.',
);

export const guestErasureResponse = v.object({
  /** How many guest records had their name and email erased. */
  erased: v.number(),
});

// Responses (documentation)
const isoOrNull = v.nullable(v.string());

export const errorResponse = v.object({
  error: v.object({
    code: v.picklist(ERROR_CODES),
    message: v.string(),
    fields: v.optional(v.record(v.string(), v.string())),
  }),
});

export const linkResponse = v.object({
  id: v.string(),
  name: v.string(),
  url: v.string(),
  maxUses: v.nullable(v.number()),
  uses: v.number(),
  expiresAt: isoOrNull,
  createdAt: v.string(),
  status: v.picklist(['active', 'expired', 'used_up', 'paused', 'inactive']),
  paused: v.boolean(),
  /** `room` follows the room's policy; `moderator` or `auto` override it for this link's guests. */
  admission: linkAdmission,
});

const schedule = {
  title: v.string(),
  startsAt: isoOrNull,
  endsAt: isoOrNull,
  timeZone: v.nullable(v.string()),
};

export const guestAccessPatchResponse = v.object({
  enabled: v.boolean(),
  admission,
  lobbyMessage: v.nullable(v.string()),
});

export const guestAccessResponse = v.object({
  enabled: v.boolean(),
  admission,
  lobbyMessage: v.nullable(v.string()),
  maxLinks: v.literal(MAX_LINKS_PER_ROOM),
  linkCount: v.number(),
  permissions: v.array(permission),
  /** The schedule too, for the invitation text ("Copy invitation"). */
  room: v.object({ id: v.string(), type: roomType, ...schedule }),
  links: v.array(linkResponse),
});

export const hostGuestResponse = v.object({
  id: v.string(),
  name: v.string(),
  email: v.string(),
  status: guestStatus,
  linkId: v.string(),
  linkName: v.string(),
  createdAt: v.string(),
  decidedAt: isoOrNull,
  /** At least one of the guest's connections is open: the entry page while waiting, the media page once admitted. */
  online: v.boolean(),
  /** When a connection last opened or closed; null before the first. */
  lastSeenAt: isoOrNull,
  /** How often the guest asked again after being denied. */
  knocks: v.number(),
  /** When the guest was last admitted; null if never. */
  admittedAt: isoOrNull,
  /** The host user id of the last status change; null when the guest or the service made it (auto admission, leaving). */
  decidedBy: v.nullable(v.string()),
  /** When the guest's stay ended: left or removed. */
  leftAt: isoOrNull,
  /** When the name and email were erased (retention or an erasure request); they read as empty strings after it. */
  erasedAt: isoOrNull,
});

export const guestsResponse = v.object({
  guests: v.array(hostGuestResponse),
  /** Pass as `cursor` for the next page (older guests); null on the last page. */
  nextCursor: v.nullable(v.string()),
});

export const guestRoomResponse = v.object({ id: v.string(), ...schedule, joinUrl: v.nullable(v.string()) });

export const linkPreviewResponse = v.object({
  room: v.object(schedule),
  // `name`: the tenant's name, the entry card's brand where there is no logo.
  branding: v.object({
    name: v.string(),
    logoUrl: v.nullable(v.string()),
    accentColor: v.nullable(v.string()),
  }),
  admission,
});

const publicGuest = v.object({ id: v.string(), name: v.string(), status: guestStatus });

export const redemptionResponse = v.object({
  guest: publicGuest,
  session: v.string(),
  room: guestRoomResponse,
});
/** A waiting guest's view of the lobby; null otherwise. */
export const lobbyResponse = v.nullable(
  v.object({ message: v.nullable(v.string()), position: v.number(), hostPresent: v.boolean() }),
);

/** Whether a denied guest may ask again: knocks left, and when the next is allowed (null: now). */
export const knockResponse = v.object({ left: v.number(), availableAt: isoOrNull });

export const guestSessionResponse = v.object({
  guest: publicGuest,
  room: guestRoomResponse,
  lobby: lobbyResponse,
  knock: knockResponse,
});

export const tenantResponse = v.object({
  id: v.string(),
  name: v.string(),
  allowedOrigins: v.array(v.string()),
  modules: v.object({ inviteToMedia: v.boolean(), theming: v.object({ mediaPage: v.boolean() }) }),
  branding: v.object({ logoUrl: v.nullable(v.string()), accentColor: v.nullable(v.string()) }),
  guestUrlTemplate: v.nullable(v.string()),
});

export const adminRoomResponse = v.object({
  id: v.string(),
  ...schedule,
  type: roomType,
  joinUrl: v.nullable(v.string()),
  guestAccess: v.object({ enabled: v.boolean(), admission }),
});

// Webhooks (issue 15, item 10)
export const MAX_WEBHOOK_ENDPOINTS = 10;

const webhookEventType = v.picklist(
  WEBHOOK_EVENT_TYPES,
  `Each event must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}.`,
);

/**
 * A URL as the parser reads it, so `HTTPS://Hooks.Example/x` and `https://hooks.example/x` are one endpoint. This
 * check runs even when a URL failed its own (valibot goes on after a failed check), hence the fallback.
 */
function parsedUrl(url: string) {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

export const webhooksBody = strictBody({
  endpoints: v.pipe(
    v.array(
      strictBody(
        {
          url: httpUrl('URL'),
          events: v.pipe(
            v.array(webhookEventType, 'Events must be a list.'),
            v.minLength(1, 'Name at least one event.'),
            v.check((events) => new Set(events).size === events.length, 'Name each event once.'),
          ),
        },
        'Each endpoint',
      ),
      'Endpoints must be a list.',
    ),
    v.maxLength(MAX_WEBHOOK_ENDPOINTS, `At most ${MAX_WEBHOOK_ENDPOINTS} endpoints.`),
    v.check(
      (endpoints) => new Set(endpoints.map((endpoint) => parsedUrl(endpoint.url))).size === endpoints.length,
      'Name each URL once.',
    ),
  ),
});

export const webhooksResponse = v.object({
  endpoints: v.array(
    v.object({
      id: v.string(),
      url: v.string(),
      events: v.array(webhookEventType),
      secret: v.pipe(v.string(), v.description('`whsec_…`: verify deliveries with it (Standard Webhooks).')),
      createdAt: v.string(),
    }),
  ),
});

const deliveryStatus = v.picklist(
  ['pending', 'delivered', 'failed'],
  'Status must be pending, delivered or failed.',
);

export const deliveriesQuery = v.object({
  status: v.optional(deliveryStatus),
  cursor: v.optional(
    v.pipe(v.string(), v.regex(/^[1-9]\d{0,15}$/, 'Cursor must be a nextCursor this list returned.')),
  ),
});

export const deliveriesResponse = v.object({
  deliveries: v.array(
    v.object({
      id: v.string(),
      messageId: v.pipe(v.string(), v.description('The `webhook-id` header: the same on every attempt.')),
      type: webhookEventType,
      url: v.string(),
      roomId: v.string(),
      status: deliveryStatus,
      attempts: v.number(),
      lastStatusCode: v.nullable(v.number()),
      lastError: v.nullable(v.string()),
      createdAt: v.string(),
      lastAttemptAt: isoOrNull,
      nextAttemptAt: isoOrNull,
      deliveredAt: isoOrNull,
    }),
  ),
  nextCursor: v.nullable(v.string()),
});
