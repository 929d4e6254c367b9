import { z } from 'zod';
import { areas } from '../core/areas';
import { companyStatuses } from '../core/company-status';
import { generalArea } from '../core/dashboard';
import { interventionKinds } from '../core/interventions';
import {
  isLegalPersonNumber,
  parseOrganisationNumber,
  type OrganisationNumberProblem,
} from '../core/organisation-number';
import {
  idSchema,
  limits,
  pageSchema,
  paginationQuerySchema,
  timestampSchema,
  versionSchema,
  visibleLine,
} from './common';
import { contactSchema } from './contacts';
import { reportingAreaSchema } from './organisations';

// The company register's API: companies, their status, thin views for coaches of other
// organisations, and hand-over requests. One schema per shape, shared by the forms and the server.

export const companyStatusSchema = z.enum(companyStatuses);
export const sizeClasses = ['micro', 'small', 'medium', 'large'] as const;
export const sizeClassSchema = z.enum(sizeClasses);

const organisationNumberReasons = {
  format: 'organisation_number_format',
  check_digit: 'organisation_number_check_digit',
  birth_date: 'organisation_number_birth_date',
} as const satisfies Record<OrganisationNumberProblem, string>;
const organisationNumberMessages: Record<OrganisationNumberProblem, string> = {
  format: 'An organisation number has ten digits, written NNNNNN-NNNN',
  check_digit: 'The check digit does not match: check the number for a typo',
  birth_date: "A sole trader's personal identity number starts with a real date of birth: check the date",
};

/** A Swedish organisation number (or a sole trader's personal identity number), normalised to NNNNNN-NNNN. */
export const organisationNumberSchema = z
  .string({ error: 'Enter an organisation number' })
  .trim()
  .transform((value, ctx) => {
    const parsed = parseOrganisationNumber(value);
    if ('problem' in parsed) {
      ctx.addIssue({
        code: 'custom',
        params: { reason: organisationNumberReasons[parsed.problem] },
        message: organisationNumberMessages[parsed.problem],
      });
      return z.NEVER;
    }
    return parsed.value;
  });

const optionalText = (max: number) =>
  visibleLine(
    z
      .string()
      .trim()
      .max(max, { error: `At most ${max} characters` }),
  )
    .transform((value) => value || null)
    .nullable()
    .optional();

export const municipalityCodeSchema = z
  .string()
  .regex(/^1[34]\d{2}$/, { error: 'Choose a municipality in Västra Götaland or Halland' });
export const sniCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{2}(\.?\d{1,3})?$/, { error: 'An SNI code is 2–5 digits, e.g. 25.620' });
const moneySekSchema = z.number({ error: 'Enter an amount in SEK' }).int({ error: 'Whole kronor' }).min(0).max(1e13);
const yearSchema = z.number().int().min(1990).max(2100);

/** A company's name as registered: the register's form and the public interest form (decision 045). */
export const companyNameSchema = visibleLine(
  z.string({ error: 'Enter the company name' }).trim().min(2, { error: 'At least 2 characters' }).max(limits.nameMax),
);

const companyFactsShape = {
  name: companyNameSchema,
  streetAddress: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{3} ?\d{2})?$/, { error: 'A postal code is five digits, e.g. 411 04' })
    .transform((value) => value.replace(/^(\d{3}) ?(\d{2})$/, '$1 $2') || null)
    .nullable()
    .optional(),
  city: optionalText(100),
  municipalityCode: municipalityCodeSchema.nullable().optional(),
  sniCode: sniCodeSchema.nullable().optional(),
  headcount: z.number().int().min(0).max(1_000_000).nullable().optional(),
  turnoverSek: moneySekSchema.nullable().optional(),
  balanceSheetSek: moneySekSchema.nullable().optional(),
  financialYear: yearSchema.nullable().optional(),
  coachId: idSchema.nullable().optional(),
};

/** A fact of the company register: what the form, the import and the export carry besides the
 * organisation number, in the form's order. The coach is an assignment, not a fact. */
export type CompanyFactField = Exclude<keyof typeof companyFactsShape, 'coachId'>;
/** The register's facts, read from the contract above so that the import (contracts/company-import.ts,
 * the companies service's comparison) and the export never list them again. */
export const companyFactFields: readonly CompanyFactField[] = (
  Object.keys(companyFactsShape) as (keyof typeof companyFactsShape)[]
).filter((field): field is CompanyFactField => field !== 'coachId');

export const createCompanyBodySchema = z.strictObject({
  organisationNumber: organisationNumberSchema,
  ...companyFactsShape,
  /** Admins choose the responsible organisation; a coach registers for their own. */
  organisationId: idSchema.optional(),
});
export type CreateCompanyBody = z.input<typeof createCompanyBodySchema>;

export const updateCompanyBodySchema = z.strictObject({
  version: versionSchema,
  ...Object.fromEntries(Object.entries(companyFactsShape).map(([key, schema]) => [key, schema.optional()])),
  name: companyFactsShape.name.optional(),
  undertakingId: idSchema.nullable().optional(),
  /** Whether the company's own users may invite colleagues (decision 043). */
  allowsColleagueInvites: z.boolean().optional(),
}) as z.ZodType<
  { version: number; undertakingId?: string | null; allowsColleagueInvites?: boolean } & Partial<
    z.output<z.ZodObject<typeof companyFactsShape>>
  >,
  { version: number; undertakingId?: string | null; allowsColleagueInvites?: boolean } & Partial<
    z.input<z.ZodObject<typeof companyFactsShape>>
  >
>;
export type UpdateCompanyBody = z.input<typeof updateCompanyBodySchema>;

export const changeCompanyStatusBodySchema = z.strictObject({
  version: versionSchema,
  status: companyStatusSchema,
  changedOn: z.iso.date({ error: 'A date, e.g. 2026-11-26' }),
  reason: z.string().trim().max(1000).optional(),
});
export type ChangeCompanyStatusBody = z.infer<typeof changeCompanyStatusBodySchema>;

export const companyListItemSchema = z.object({
  id: idSchema,
  name: z.string(),
  organisationNumber: z.string(),
  organisationId: idSchema,
  organisationName: z.string(),
  coachId: idSchema.nullable(),
  coachName: z.string().nullable(),
  status: companyStatusSchema,
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  sizeClass: sizeClassSchema.nullable(),
  sniCode: z.string().nullable(),
  updatedAt: timestampSchema,
});
export type CompanyListItem = z.infer<typeof companyListItemSchema>;

export const companySortKeys = [
  'name',
  'organisationNumber',
  'status',
  'municipality',
  'sizeClass',
  'updatedAt',
] as const;

/** What the dashboard's maturity figures count: a baseline, a follow-up, both, or a climb of a step. */
export const maturityFilters = ['baseline', 'follow_up', 'compared', 'climbed'] as const;
/** Which actions a company has: any in its plan (not cancelled), open, done, done with confirmed or
 * with unconfirmed realised effects (decision 025). */
export const actionFilters = ['plan', 'open', 'done', 'confirmed', 'unconfirmed'] as const;
const listDate = z.iso.date({ error: 'A date, e.g. 2026-06-30' });

/**
 * The filters behind the dashboard's figures (decision 034), so that each number opens the companies
 * it counts. A period (`from`, `to`) reads states as at its end (the status, maturity) and events
 * within it (taken up, coaching, attendance); the action filters are of the plans today, as the
 * dashboard's action figures.
 */
export const companyRecordFilters = {
  from: listDate.optional(),
  to: listDate.optional(),
  /** Taken up into the programme (first enrolled), within the period when one is given. */
  takenUp: z.enum(['true']).optional(),
  /** In a co-financer's geography (content/co-financers.json key). */
  coFinancer: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, { error: 'A co-financer key' })
    .max(100)
    .optional(),
  /** Without this fact recorded. */
  missing: z.enum(['size_class', 'municipality', 'sni_division']).optional(),
  maturityArea: z.enum(areas).optional(),
  maturity: z.enum(maturityFilters).optional(),
  actions: z.enum(actionFilters).optional(),
  /** Coaching logged in the period: any kind, or one. */
  coaching: z.enum(['any', ...interventionKinds]).optional(),
  coachingArea: z.enum([...areas, generalArea]).optional(),
  /** Coaching logged by this organisation. */
  coachingOrganisationId: idSchema.optional(),
  /** A person of the company attended an activity held in the period. */
  attended: z.enum(['true']).optional(),
};

export const companyListQuerySchema = paginationQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  status: companyStatusSchema.optional(),
  organisationId: idSchema.optional(),
  coachId: idSchema.optional(),
  municipalityCode: municipalityCodeSchema.optional(),
  reportingArea: reportingAreaSchema.optional(),
  sizeClass: sizeClassSchema.optional(),
  sniDivision: z
    .string()
    .regex(/^\d{2}$/, { error: 'Two digits, e.g. 25' })
    .optional(),
  ...companyRecordFilters,
  sort: z.enum(companySortKeys).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type CompanyListQuery = z.infer<typeof companyListQuerySchema>;
/** Lists count exactly up to this many rows; beyond it the total says "more than". */
export const companyCountCap = 1000;
export const companyPageSchema = pageSchema(companyListItemSchema).extend({
  /** True when more rows match than `total` (the count stopped at companyCountCap). */
  isTotalCapped: z.boolean(),
});

/** Kept for the foundation's pickers: the fields every list row has. */
export const companySummarySchema = companyListItemSchema.pick({
  id: true,
  name: true,
  organisationNumber: true,
  organisationId: true,
  organisationName: true,
});
export type CompanySummary = z.infer<typeof companySummarySchema>;

export const companyExportQuerySchema = companyListQuerySchema.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
export type CompanyExportQuery = z.infer<typeof companyExportQuerySchema>;

export const statusChangeSchema = z.object({
  id: idSchema,
  fromStatus: companyStatusSchema.nullable(),
  toStatus: companyStatusSchema,
  changedOn: z.string(),
  changedByName: z.string().nullable(),
  reason: z.string().nullable(),
});

export const companyAbilitiesSchema = z.object({
  canEdit: z.boolean(),
  canChangeStatus: z.boolean(),
  canManageContacts: z.boolean(),
  /** A person's export and erasure: staff only (decisions 012, 043). */
  canEraseContacts: z.boolean(),
  /** Adding a contact records their consent too (a company user adding a colleague, decision 043). */
  mustRecordConsent: z.boolean(),
  nextStatuses: z.array(companyStatusSchema),
});

export const companySchema = z.object({
  id: idSchema,
  organisationNumber: z.string(),
  isSoleTrader: z.boolean(),
  name: z.string(),
  streetAddress: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  reportingAreas: z.array(reportingAreaSchema),
  sniCode: z.string().nullable(),
  sniDivision: z.string().nullable(),
  /** The division's name in both languages, with the company, so that the page shows it at once. */
  sniDivisionName: z.object({ sv: z.string(), en: z.string() }).nullable(),
  isManufacturing: z.boolean().nullable(),
  headcount: z.number().int().nullable(),
  turnoverSek: z.number().nullable(),
  balanceSheetSek: z.number().nullable(),
  financialYear: z.number().int().nullable(),
  sizeClass: sizeClassSchema.nullable(),
  organisationId: idSchema,
  organisationName: z.string(),
  coachId: idSchema.nullable(),
  coachName: z.string().nullable(),
  status: companyStatusSchema,
  statusChangedOn: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  undertakingId: idSchema.nullable(),
  undertakingName: z.string().nullable(),
  /** Whether the company's own users may invite colleagues to the portal (decision 043). */
  allowsColleagueInvites: z.boolean(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Codes of facts worth a second look, e.g. `sni_not_manufacturing`. */
  warnings: z.array(z.string()),
  statusHistory: z.array(statusChangeSchema),
  contacts: z.array(contactSchema),
  abilities: companyAbilitiesSchema,
});
export type Company = z.infer<typeof companySchema>;

/** What a coach of another organisation sees: enough to avoid enrolling a company twice. */
export const thinCompanySchema = z.object({
  id: idSchema,
  name: z.string(),
  organisationNumber: z.string(),
  organisationId: idSchema,
  organisationName: z.string(),
  status: companyStatusSchema,
  isOwn: z.boolean(),
  hasPendingHandover: z.boolean(),
});
export type ThinCompany = z.infer<typeof thinCompanySchema>;

export const companyLookupQuerySchema = z.strictObject({
  q: z
    .string({ error: 'Enter a name or an organisation number' })
    .trim()
    .min(2, { error: 'At least 2 characters' })
    .max(200),
});
export const companyLookupSchema = z.object({ items: z.array(thinCompanySchema) });

/** Raised when registering a number the programme already has; the thin view says who holds it. */
export const duplicateCompanyDetailsSchema = thinCompanySchema;

export const handoverStatusSchema = z.enum(['pending', 'approved', 'refused']);
export const handoverRequestSchema = z.object({
  id: idSchema,
  companyId: idSchema,
  companyName: z.string(),
  organisationNumber: z.string(),
  fromOrganisationId: idSchema,
  fromOrganisationName: z.string(),
  toOrganisationId: idSchema,
  toOrganisationName: z.string(),
  requestedByName: z.string().nullable(),
  reason: z.string(),
  status: handoverStatusSchema,
  decidedAt: timestampSchema.nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
});
export type HandoverRequest = z.infer<typeof handoverRequestSchema>;

export const createHandoverRequestBodySchema = z.strictObject({
  reason: z
    .string({ error: 'Say why your organisation should take over' })
    .trim()
    .min(3, { error: 'At least 3 characters' })
    .max(1000),
});
export const handoverListQuerySchema = paginationQuerySchema.extend({ status: handoverStatusSchema.optional() });
export const handoverPageSchema = pageSchema(handoverRequestSchema);
export const decideHandoverBodySchema = z.strictObject({
  version: versionSchema,
  decision: z.enum(['approve', 'refuse']),
  note: z.string().trim().max(1000).optional(),
  /** The coach of the new organisation who takes the company over (optional). */
  coachId: idSchema.nullable().optional(),
});
export type DecideHandoverBody = z.infer<typeof decideHandoverBodySchema>;

export { isLegalPersonNumber };
