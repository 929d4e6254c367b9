import { z } from 'zod';
import { passwordMaxLength, passwordMinLength } from '../core/password-policy';
import { languages } from '../core/languages';

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

/** The one error body of the API (decision 004). */
export const errorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z
    .object({
      fields: z.array(fieldErrorSchema).optional(),
      /** How many more field errors there were than `fields` lists (it lists at most 50). */
      omittedFields: z.number().optional(),
      retryAfterSeconds: z.number().optional(),
      currentVersion: z.number().optional(),
      /** A 409 on registering a company the programme already has: its thin view. */
      existingCompany: z.record(z.string(), z.unknown()).optional(),
      /** A 422 on a state aid grant: why it was refused and its figures (decision 032). */
      stateAid: z.record(z.string(), z.unknown()).optional(),
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

/** Length only: no composition rules and no trimming (docs/quality.md S5). */
export const passwordSchema = z
  .string({ error: 'Enter a password' })
  .min(limits.passwordMin, { error: `At least ${limits.passwordMin} characters` })
  .max(limits.passwordMax, { error: `At most ${limits.passwordMax} characters` });

/** Unicode's bidirectional controls (embeddings, overrides, isolates and the marks): they reorder
 * how the text around them is shown, so "invoice\u202Eexe.pdf" reads as "invoicefdp.exe". */
const directionControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Characters that take no room: zero-width space, non-joiner and joiner, word joiner, byte order mark. */
const invisibles = /[\u200B-\u200D\u2060\uFEFF\s]/gu;

/** Why `visibleLine` refuses a value, as the field error's code (the web translates it). */
export const lineTextCodes = ['direction_control', 'invisible_only'] as const;

/**
 * A single line a person types and others read: a name, a title, a file name. Refuses
 * bidirectional controls and a value of invisible characters only, rather than removing them: a
 * typed value is kept as typed or refused (decisions 024 and 033). An empty value is left to the
 * field's own rules (required or optional). Multi-line text (notes, descriptions) is not a line:
 * right-to-left marks may belong in it.
 */
export function visibleLine<T extends z.ZodString>(schema: T): T {
  return schema.superRefine((value, ctx) => {
    if (directionControls.test(value)) {
      ctx.addIssue({
        code: 'custom',
        params: { reason: 'direction_control' },
        message: 'Remove the characters that change the direction of the text',
      });
    } else if (value.length > 0 && value.replace(invisibles, '').length === 0) {
      ctx.addIssue({
        code: 'custom',
        params: { reason: 'invisible_only' },
        message: 'Enter visible characters, not only invisible ones',
      });
    }
  });
}

export const personNameSchema = visibleLine(
  z
    .string({ error: 'Enter a name' })
    .trim()
    .min(1, { error: 'Enter a name' })
    .max(limits.nameMax, { error: `At most ${limits.nameMax} characters` }),
);

export const versionSchema = z.number({ error: 'Send the version you read' }).int().min(1);

export const localeSchema = z.enum(languages);
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
