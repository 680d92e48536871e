// Request validation through hono-openapi (so the same valibot schemas feed /v1/openapi.json); failures
// become 400 validation_failed with a message per field.
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { Context, MiddlewareHandler, ValidationTargets } from 'hono';
import { resolver, validator } from 'hono-openapi';
import { ApiError } from './errors.ts';
import { errorResponse } from './schemas.ts';

export function validationError(
  issues: readonly StandardSchemaV1.Issue[],
  message = 'Some fields are not valid.',
): ApiError {
  // No prototype: a field named `__proto__` or `constructor` (an unknown field, say) is named like any other.
  const fields: Record<string, string> = Object.create(null);
  for (const issue of issues) {
    const field =
      issue.path?.map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.') ||
      'body';
    fields[field] ??= issue.message;
  }
  return new ApiError('validation_failed', 400, message, fields);
}

/** A JSON media type: application/json or application/<anything>+json. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

const notJson = (mediaType: string) =>
  new ApiError(
    'validation_failed',
    400,
    mediaType
      ? `The body must be JSON, sent with Content-Type: application/json (not ${mediaType.slice(0, 100)}).`
      : 'The Content-Type header is missing: send the body as JSON with Content-Type: application/json.',
    { 'Content-Type': 'Must be application/json.' },
  );

/** The media type of a Content-Type header, without parameters, in lower case ('' when absent). */
const mediaTypeOf = (contentType: string | undefined) =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** A parameter of a Content-Type header: its name, and its value as a token or a quoted-string (RFC 9110 §5.6.6). */
const PARAMETER = /;\s*([^\s;=]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;

/** The charsets a Content-Type header declares, unquoted ([] when it declares none). */
const charsetsOf = (contentType: string) =>
  [...contentType.matchAll(PARAMETER)]
    .filter(([, name]) => name?.toLowerCase() === 'charset')
    .map(([, , value = '']) =>
      value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value.trim(),
    );

/** A name the Encoding Standard gives UTF-8 (`utf-8`, `UTF8`, …), the only encoding a JSON body is read in. */
const isUtf8 = (charset: string) => {
  try {
    return new TextDecoder(charset).encoding === 'utf-8';
  } catch {
    return false;
  }
};

/** A JSON body declared in another charset is refused rather than read as UTF-8 (RFC 8259 §8.1). */
function refuseOtherCharset(contentType: string) {
  const other = charsetsOf(contentType).find((charset) => !isUtf8(charset));
  if (other === undefined) return;
  throw new ApiError(
    'validation_failed',
    400,
    `The body must be JSON encoded as UTF-8: send it with Content-Type: application/json (or application/json; charset=utf-8), not charset=${other.slice(0, 40)}.`,
    { 'Content-Type': 'Must be application/json, in UTF-8.' },
  );
}

/**
 * A query key the schema reads, sent more than once (`?status=waiting&status=left`): Hono hands the schema
 * an array, whose refusal would say the value is not text or not one of the choices.
 */
function refuseRepeated(queries: Record<string, string[]>, schema: StandardSchemaV1, message?: string) {
  const known = (schema as { entries?: Record<string, unknown> }).entries ?? {};
  const repeated = Object.keys(queries).filter((key) => key in known && (queries[key]?.length ?? 0) > 1);
  if (repeated.length === 0) return;
  throw validationError(
    repeated.map((key) => ({ message: `Give ${key} once; it was sent more than once.`, path: [key] })),
    message,
  );
}

/**
 * hono-openapi's validator (which also documents the request in /v1/openapi.json), its failures answered 400
 * validation_failed with a message per field (and `message`, where a route has a better one than the default). A body that is not JSON is refused naming the header: Hono's
 * validator would read it as {} and report its fields missing, or accept it where every field is optional.
 */
export const validate = <Schema extends StandardSchemaV1, Target extends keyof ValidationTargets>(
  target: Target,
  schema: Schema,
  message?: string,
) => {
  const checked = validator(target, schema, (result, c) => {
    if (target === 'query') refuseRepeated(c.req.queries(), schema, message);
    if (target === 'json') {
      const mediaType = mediaTypeOf(c.req.header('content-type'));
      if (!JSON_MEDIA_TYPE.test(mediaType)) throw notJson(mediaType);
    }
    if (!result.success) throw validationError(result.error, message);
  });
  if (target !== 'json') return checked;
  // The same middleware (and its OpenAPI description), after the body's bytes are checked.
  const withUtf8Check: MiddlewareHandler = async (c, next) => {
    await refuseBrokenUtf8(c);
    return checked(c, next);
  };
  return Object.assign(withUtf8Check, checked) as typeof checked;
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A JSON body that is not UTF-8 is refused: Request.json() would read each broken byte as U+FFFD, and a name
 * of them would be stored.
 */
async function refuseBrokenUtf8(c: Context) {
  const contentType = c.req.header('content-type') ?? '';
  if (!JSON_MEDIA_TYPE.test(mediaTypeOf(contentType))) return;
  refuseOtherCharset(contentType);
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ApiError(
      'validation_failed',
      400,
      'The body is not valid UTF-8: send the JSON encoded as UTF-8.',
      {
        body: 'Must be UTF-8.',
      },
    );
  }
  // The validator's c.req.json() parses this text; from the bytes alone Hono would decode them again through
  // a whole web Response (a stream and its buffers per request). Hono keeps promises there, typed as values.
  (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
}

/** OpenAPI response entries: `json(schema, 'what')`. */
export const json = (schema: StandardSchemaV1, description: string) => ({
  description,
  content: { 'application/json': { schema: resolver(schema) } },
});

export const errorJson = (description: string) => json(errorResponse, description);
