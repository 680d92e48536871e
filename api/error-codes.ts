// The contract's error codes, apart from ApiError so the elements package's types carry them without Hono.
export const ERROR_CODES = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'module_disabled',
  'not_found',
  'room_not_found',
  'method_not_allowed',
  'request_timeout',
  'unsupported_room_type',
  'link_limit_reached',
  'max_uses_below_uses',
  'guest_already_decided',
  'guest_access_disabled',
  'idempotency_key_reused',
  'link_unavailable',
  'payload_too_large',
  'rate_limited',
  'header_too_large',
  'unavailable',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
