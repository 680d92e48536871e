// Request validation through hono-openapi (so the same valibot schemas feed /v1/openapi.json); failures
// become 400 validation_failed with a message per field.
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { ValidationTargets } from 'hono';
import { resolver, validator } from 'hono-openapi';
import { ApiError } from './errors.ts';
import { errorResponse } from './schemas.ts';

export function validationError(issues: readonly StandardSchemaV1.Issue[]): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field =
      issue.path?.map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.') ||
      'body';
    fields[field] ??= issue.message;
  }
  return new ApiError('validation_failed', 400, 'Some fields are not valid.', fields);
}

export const validate = <Schema extends StandardSchemaV1, Target extends keyof ValidationTargets>(
  target: Target,
  schema: Schema,
) =>
  validator(target, schema, (result) => {
    if (!result.success) throw validationError(result.error);
  });

/** OpenAPI response entries: `json(schema, 'what')`. */
export const json = (schema: StandardSchemaV1, description: string) => ({
  description,
  content: { 'application/json': { schema: resolver(schema) } },
});

export const errorJson = (description: string) => json(errorResponse, description);
