// The one error type of the API: routes throw it, app.onError turns it into `{error:{code,message,fields?}}`.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from './error-codes.ts';

export { ERROR_CODES, type ErrorCode } from './error-codes.ts';

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
export const roomNotFound = () =>
  new ApiError(
    'room_not_found',
    404,
    'No such room for this tenant: it was removed, or never registered (PUT /v1/admin/rooms/{roomId}, or `guest-access room put`).',
  );

/** A mistake in how the service is run (settings, key file, command-line values): one line for the operator. */
export class OperatorError extends Error {}
