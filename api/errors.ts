// The one error type of the API: routes throw it, app.onError turns it into `{error:{code,message,fields?}}`.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const ERROR_CODES = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'module_disabled',
  'not_found',
  'room_not_found',
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

export const LINK_UNAVAILABLE_MESSAGE =
  'Access to this media via this link was removed. Please contact the media owner for access.';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: ContentfulStatusCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** Extra top-level members of the error body, e.g. the room of an unavailable link. */
    readonly details?: Record<string, unknown>,
    /** Response headers that belong to the error, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  response(): Response {
    return Response.json(this.toJSON(), { status: this.status, headers: this.headers });
  }

  toJSON() {
    return {
      error: { code: this.code, message: this.message, ...(this.fields && { fields: this.fields }) },
      ...this.details,
    };
  }
}

export const unauthorized = (message = 'A valid bearer token is required.') =>
  new ApiError('unauthorized', 401, message);
export const forbidden = (message: string) => new ApiError('forbidden', 403, message);
export const notFound = (message = 'Not found.') => new ApiError('not_found', 404, message);
export const roomNotFound = () => new ApiError('room_not_found', 404, 'No such room.');

/** A mistake in how the service is run (settings, key file, command-line values): one line for the operator. */
export class OperatorError extends Error {}
