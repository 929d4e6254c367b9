import { z } from 'zod';
import { emailSchema, idSchema, personNameSchema, timestampSchema, versionSchema, visibleLine } from './common';

// A person at a company. Gender is asked for funder reports (women/men); consents record what
// the person agreed to, when, and which text version they saw.

export const genderSchema = z.enum(['woman', 'man', 'other', 'not_stated']);

export const consentSchema = z.object({
  id: idSchema,
  purpose: z.string(),
  textVersion: z.string(),
  givenOn: timestampSchema,
  withdrawnOn: timestampSchema.nullable(),
});

export const contactSchema = z.object({
  id: idSchema,
  companyId: idSchema,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.string().nullable(),
  gender: genderSchema,
  isErased: z.boolean(),
  consents: z.array(consentSchema),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Contact = z.infer<typeof contactSchema>;

export const consentParamsSchema = z.strictObject({ id: idSchema, consentId: idSchema });

export const consentBodySchema = z.strictObject({
  purpose: z.string({ error: 'Say what was agreed' }).trim().min(3, { error: 'At least 3 characters' }).max(500),
  textVersion: z.string({ error: 'Which version of the text' }).trim().min(1).max(50),
  givenOn: z.iso.datetime({ offset: true, error: 'A date and time' }),
});
export type ConsentBody = z.infer<typeof consentBodySchema>;

/** A phone number as a person writes it; empty is none. */
export const phoneSchema = z
  .string()
  .trim()
  .max(30)
  .regex(/^[+\d][\d\s()-]*$/, { error: 'Digits, spaces, +, ( ) and - only' })
  .or(z.literal(''))
  .transform((value) => value || null)
  .nullable()
  .optional();

const contactFieldsShape = {
  name: personNameSchema,
  email: emailSchema
    .or(z.literal('').transform(() => null))
    .nullable()
    .optional(),
  phone: phoneSchema,
  role: visibleLine(z.string().trim().max(100))
    .transform((value) => value || null)
    .nullable()
    .optional(),
  gender: genderSchema.default('not_stated'),
};

export const createContactBodySchema = z.strictObject({
  ...contactFieldsShape,
  consent: consentBodySchema.optional(),
});
export type CreateContactBody = z.input<typeof createContactBodySchema>;

export const updateContactBodySchema = z.strictObject({
  version: versionSchema,
  name: contactFieldsShape.name.optional(),
  email: contactFieldsShape.email,
  phone: contactFieldsShape.phone,
  role: contactFieldsShape.role,
  gender: genderSchema.optional(),
});
export type UpdateContactBody = z.input<typeof updateContactBodySchema>;

/** Everything the platform holds about a person (GDPR art. 15/20), as JSON. */
export const contactExportSchema = z.object({
  exportedAt: timestampSchema,
  contact: contactSchema,
  companyName: z.string(),
  auditTrail: z.array(z.object({ at: timestampSchema, action: z.string() })),
});
