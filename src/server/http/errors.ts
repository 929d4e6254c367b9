import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorSchema, type ErrorCode, type FieldError } from '../../contracts/common';
import { AppError } from '../errors';
import { capFieldErrors } from './body-shape';

/** Each error code's HTTP status: the one place a domain failure becomes HTTP. */
const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_violated: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  const inner = path.map(String).join('.');
  // The body's fields are named bare ("email"); params and query carry their part ("query.page").
  if (prefix === 'body') return inner || 'body';
  return inner ? `${prefix}.${inner}` : prefix;
}

/** A zod issue's code, or for a custom rule the reason it names (`params.reason`, as the
 * organisation number and `visibleLine` give), so the client can translate why, not just "custom". */
function issueCode(issue: { keyword: string; params: Record<string, unknown> }): string {
  const reason = (issue.params.params as { reason?: unknown } | undefined)?.reason;
  return issue.keyword === 'custom' && typeof reason === 'string' ? reason : issue.keyword;
}

/** The one place that maps errors to HTTP: codes to status, and never internals in a 5xx. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'rate_limited' && error.details?.retryAfterSeconds) {
        void reply.header('retry-after', String(error.details.retryAfterSeconds));
      }
      const details = error.details?.fields
        ? { ...error.details, ...capFieldErrors(error.details.fields) }
        : error.details;
      return reply.status(statusOf[error.code]).send({ code: error.code, message: error.message, details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const prefix = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
      const fields = error.validation.flatMap((issue): FieldError[] => {
        const path = issue.instancePath.split('/').filter(Boolean);
        // A forbidden field is reported under its own name, so the client sees which one (S3).
        const keys = issue.keyword === 'unrecognized_keys' ? (issue.params as { keys?: string[] }).keys : undefined;
        if (keys?.length) {
          return keys.map((key) => ({
            field: fieldPath(prefix, [...path, key]),
            code: 'unknown_field',
            message: 'This field is not accepted here',
          }));
        }
        return [{ field: fieldPath(prefix, path), code: issueCode(issue), message: issue.message ?? 'Invalid value' }];
      });
      return reply
        .status(400)
        .send({ code: 'invalid_input', message: 'Some fields need attention', details: capFieldErrors(fields) });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its contract');
      return reply.status(500).send({ code: 'internal', message: 'Something went wrong on our side.' });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      // Fastify's own 4xx: bad JSON, wrong content type, body too large.
      const code: ErrorCode = status === 404 ? 'not_found' : status === 429 ? 'rate_limited' : 'invalid_input';
      const message =
        error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Send the request as application/json'
          : error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? 'The request body is empty; send {}'
            : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
              ? 'The request body is too large'
              : 'The request could not be read';
      return reply.status(status === 415 || status === 413 ? status : status === 404 ? 404 : 400).send({
        code,
        message,
        details: { fields: [{ field: 'body', code: error.code ?? 'invalid', message }] },
      });
    }
    if (databaseErrorCode(error) === '23505') {
      // Two requests raced to create the same thing; the unique index kept one (R1, R4).
      return reply.status(409).send({ code: 'conflict', message: 'This already exists. Reload to see it.' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: 'Something went wrong on our side.' });
  });
}

/** The SQLSTATE of a database error, wherever the driver or the ORM put it. */
function databaseErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 3; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The error answers a route may give, for its response schema (and the OpenAPI document). */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  422: errorSchema,
} as const;
