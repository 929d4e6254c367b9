import { z } from 'zod';
import { passwordMaxLength, passwordMinLength } from '../core/password-policy';

// Reusable fields live here once, with their limits, so form and server refuse the same things.

export const errorCodes = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rule_violated',
  'rate_limited',
  'internal',
  'unavailable',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const fieldErrorSchema = z.object({
  field: z.string().describe('Dotted path of the field, e.g. "email" or "query.page"'),
  code: z.string().describe('Machine-readable reason; the UI translates it'),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The one error body of the API (DESIGN.md, "Errors"). */
export const errorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z
    .object({
      fields: z.array(fieldErrorSchema).optional(),
      retryAfterSeconds: z.number().optional(),
      currentVersion: z.number().optional(),
      /** A 409 on registering a company the programme already has: its thin view. */
      existingCompany: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});
export type ApiError = z.infer<typeof errorSchema>;

export const limits = {
  nameMax: 200,
  emailMax: 254,
  passwordMin: passwordMinLength,
  passwordMax: passwordMaxLength,
  pageSizeMax: 100,
} as const;

export const idSchema = z.uuid({ error: 'Must be an id (UUID)' });
export const idParamsSchema = z.strictObject({ id: idSchema });

export const emailSchema = z
  .string({ error: 'Enter an e-mail address' })
  .trim()
  .toLowerCase()
  .max(limits.emailMax, { error: `At most ${limits.emailMax} characters` })
  .pipe(z.email({ error: 'Enter a valid e-mail address' }));

/** Length only: no composition rules and no trimming (QUALITY.md S5). */
export const passwordSchema = z
  .string({ error: 'Enter a password' })
  .min(limits.passwordMin, { error: `At least ${limits.passwordMin} characters` })
  .max(limits.passwordMax, { error: `At most ${limits.passwordMax} characters` });

export const personNameSchema = z
  .string({ error: 'Enter a name' })
  .trim()
  .min(1, { error: 'Enter a name' })
  .max(limits.nameMax, { error: `At most ${limits.nameMax} characters` });

export const versionSchema = z.number({ error: 'Send the version you read' }).int().min(1);

export const localeSchema = z.enum(['sv', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const timestampSchema = z.iso.datetime({ offset: true });

export const paginationQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(25),
});

/** A page of a list: the items plus what the UI needs to draw the pager. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const emptySchema = z.null().describe('No content');

/** The body of a command that takes no input: `{}` (JSON, so cross-site forms cannot send it). */
export const emptyBodySchema = z.strictObject({});
