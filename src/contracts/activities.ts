import { z } from 'zod';
import { activityPeriodProblem, activityTypes, participantGenders, registrationStatuses } from '../core/activities';
import { areas } from '../core/areas';
import { idSchema, pageSchema, paginationQuerySchema, timestampSchema, versionSchema, visibleLine } from './common';
import { stateAidWarningSchema } from './state-aid';

// Activities (aktiviteter) and registrations (anmälningar): docs/decisions/014.

export const activityLimits = {
  titleMax: 200,
  descriptionMax: 5000,
  placeMax: 300,
  urlMax: 500,
  capacityMax: 10_000,
  costMax: 1_000_000,
  contactsPerRequestMax: 50,
  attendancePerRequestMax: 500,
} as const;

export const activityTypeSchema = z.enum(activityTypes);
export const areaSchema = z.enum(areas);
export const registrationStatusSchema = z.enum(registrationStatuses);

const titleSchema = visibleLine(
  z
    .string({ error: 'Enter a title' })
    .trim()
    .min(1, { error: 'Enter a title' })
    .max(activityLimits.titleMax, { error: `At most ${activityLimits.titleMax} characters` }),
);
const descriptionSchema = z
  .string()
  .trim()
  .max(activityLimits.descriptionMax, { error: `At most ${activityLimits.descriptionMax} characters` });
const placeSchema = visibleLine(
  z
    .string()
    .trim()
    .max(activityLimits.placeMax, { error: `At most ${activityLimits.placeMax} characters` }),
)
  .transform((value) => value || null)
  .nullable();
const onlineUrlSchema = z
  .url({ protocol: /^https$/, error: 'An https:// address' })
  .max(activityLimits.urlMax, { error: `At most ${activityLimits.urlMax} characters` })
  .nullable();
const capacitySchema = z
  .number({ error: 'A whole number of places, or none for no limit' })
  .int()
  .min(1, { error: 'At least 1 place' })
  .max(activityLimits.capacityMax)
  .nullable();
const costSchema = z
  .number({ error: 'Whole kronor' })
  .int({ error: 'Whole kronor' })
  .min(0, { error: 'Not below 0' })
  .max(activityLimits.costMax);
const areasSchema = z
  .array(areaSchema)
  .max(areas.length)
  .refine((list) => new Set(list).size === list.length, {
    error: 'Each area once',
  });
const organisationIdsSchema = z
  .array(idSchema)
  .min(1, { error: 'At least one organising organisation' })
  .max(10)
  .refine((list) => new Set(list).size === list.length, { error: 'Each organisation once' });

export const createActivityBodySchema = z
  .strictObject({
    type: activityTypeSchema,
    title: titleSchema,
    description: descriptionSchema.default(''),
    startsAt: z.iso.datetime({ offset: true, error: 'A date and time' }),
    endsAt: z.iso.datetime({ offset: true, error: 'A date and time' }),
    place: placeSchema.default(null),
    onlineUrl: onlineUrlSchema.default(null),
    capacity: capacitySchema.default(null),
    costPerParticipantSek: costSchema.default(0),
    areas: areasSchema.default([]),
    organisationIds: organisationIdsSchema,
    /** Listed on the public page with a sign-up for people without an account (decision 046). */
    isPublic: z.boolean().default(false),
  })
  .refine((body) => !activityPeriodProblem(new Date(body.startsAt), new Date(body.endsAt)), {
    // The same answer the service gives when a change moves one end (decision 014): a 400 on endsAt.
    path: ['endsAt'],
    error: 'The end must be after the start',
    params: { reason: 'ends_before_start' },
  });
export type CreateActivityBody = z.input<typeof createActivityBodySchema>;

export const updateActivityBodySchema = z.strictObject({
  version: versionSchema,
  type: activityTypeSchema.optional(),
  title: titleSchema.optional(),
  description: descriptionSchema.optional(),
  startsAt: z.iso.datetime({ offset: true, error: 'A date and time' }).optional(),
  endsAt: z.iso.datetime({ offset: true, error: 'A date and time' }).optional(),
  place: placeSchema.optional(),
  onlineUrl: onlineUrlSchema.optional(),
  capacity: capacitySchema.optional(),
  costPerParticipantSek: costSchema.optional(),
  areas: areasSchema.optional(),
  organisationIds: organisationIdsSchema.optional(),
  isPublic: z.boolean().optional(),
});
export type UpdateActivityBody = z.input<typeof updateActivityBodySchema>;

export const activityOrganiserSchema = z.object({ id: idSchema, name: z.string(), shortName: z.string() });

export const activitySummarySchema = z.object({
  id: idSchema,
  type: activityTypeSchema,
  title: z.string(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int().nullable(),
  costPerParticipantSek: z.number().int(),
  areas: z.array(areaSchema),
  organisers: z.array(activityOrganiserSchema),
  /** Shown on the public page with its sign-up (decision 046). */
  isPublic: z.boolean(),
  registeredCount: z.number().int(),
  waitlistedCount: z.number().int(),
});
export type ActivitySummary = z.infer<typeof activitySummarySchema>;

export const activityListQuerySchema = paginationQuerySchema.extend({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  q: z.string().trim().max(200).optional(),
  type: activityTypeSchema.optional(),
  area: areaSchema.optional(),
  organisationId: idSchema.optional(),
  from: z.iso.date({ error: 'A date, e.g. 2026-11-26' }).optional(),
  to: z.iso.date({ error: 'A date, e.g. 2026-11-26' }).optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;
export const activityPageSchema = pageSchema(activitySummarySchema);

export const registrationSchema = z.object({
  id: idSchema,
  contactId: idSchema,
  contactName: z.string(),
  companyId: idSchema,
  companyName: z.string(),
  status: registrationStatusSchema,
  /** 1 = next to move up; null when not on the waiting list. */
  waitingListPosition: z.number().int().nullable(),
  registeredAt: timestampSchema,
  cancelledAt: timestampSchema.nullable(),
  attended: z.boolean().nullable(),
  version: z.number().int(),
});
export type Registration = z.infer<typeof registrationSchema>;

export const genderCountSchema = z.object({
  gender: z.enum(participantGenders),
  registered: z.number().int(),
  attended: z.number().int(),
});
export const companyCountSchema = z.object({
  companyId: idSchema,
  companyName: z.string(),
  registered: z.number().int(),
  attended: z.number().int(),
});

export const activitySchema = activitySummarySchema.extend({
  description: z.string(),
  version: z.number().int(),
  abilities: z.object({
    canEdit: z.boolean(),
    canMarkAttendance: z.boolean(),
    canSeeAllRegistrations: z.boolean(),
  }),
  /** The registrations the actor may see: all for an organiser, else those of their companies. */
  registrations: z.array(registrationSchema),
  /** Participants by gender and by company (staff only; null for company users). "registered"
   * counts held places, waiting list excluded. */
  counts: z.object({ byGender: z.array(genderCountSchema), byCompany: z.array(companyCountSchema) }).nullable(),
  /** On the answer to registering people (staff): their companies without a current state aid
   * grant (issue 13). The registrations are recorded all the same. */
  stateAidWarnings: z
    .array(z.object({ companyId: idSchema, companyName: z.string(), warning: stateAidWarningSchema }))
    .optional(),
});
export type Activity = z.infer<typeof activitySchema>;

export const registerContactsBodySchema = z.strictObject({
  contactIds: z
    .array(idSchema)
    .min(1, { error: 'Choose at least one person' })
    .max(activityLimits.contactsPerRequestMax)
    .refine((list) => new Set(list).size === list.length, { error: 'Each person once' }),
});
export type RegisterContactsBody = z.infer<typeof registerContactsBodySchema>;

export const attendanceBodySchema = z.strictObject({
  items: z
    .array(z.strictObject({ registrationId: idSchema, attended: z.boolean(), version: versionSchema }))
    .min(1, { error: 'Mark at least one person' })
    .max(activityLimits.attendancePerRequestMax),
});
export type AttendanceBody = z.infer<typeof attendanceBodySchema>;
