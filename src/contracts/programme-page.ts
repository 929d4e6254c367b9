import { z } from 'zod';
import { areas } from '../core/areas';
import { emailSchema, idSchema, personNameSchema } from './common';
import { companyNameSchema, municipalityCodeSchema, organisationNumberSchema } from './companies';
import { phoneSchema } from './contacts';

// The public programme page (issue 15, decision 045): what the programme offers and who covers
// which municipality, read by anyone without signing in, and the interest form a company sends.

/** What the page shows: the five organisations, each with the municipalities it takes companies from. */
export const publicProgrammeSchema = z.object({
  organisations: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      shortName: z.string(),
      /** By name; every municipality is under the one organisation that takes its companies. */
      municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  ),
});
export type PublicProgramme = z.infer<typeof publicProgrammeSchema>;

/** A signed time of issue: a form sent sooner after it than a person can fill it in is a bot's. */
export const interestFormSchema = z.object({ formToken: z.string() });
export type InterestForm = z.infer<typeof interestFormSchema>;

/** Seconds a person needs at least between opening the form and sending it. */
export const interestMinimumFillSeconds = 4;
/** Hours a form token stays good: a page left open overnight asks for a reload. */
export const interestFormTokenHours = 24;
/** The version of the consent text the form shows (its words are in the page's strings). */
export const interestConsentTextVersion = '2026-12';

const messageSchema = z
  .string()
  .trim()
  .max(2000, { error: 'At most 2000 characters' })
  .transform((value) => value || null)
  .nullable()
  .optional();

/** The bot hurdles every public form carries (decisions 045, 046). */
export const publicFormFields = {
  formToken: z.string({ error: 'Reload the page' }).min(1).max(200),
  /** Hidden from people (the honeypot): a form that fills it in is a bot's. */
  website: z.string().max(500).optional(),
};

/** A public form's consent: sent only when given (`consent_required`). */
export const consentGivenSchema = (error: string) =>
  z.boolean().refine((value) => value, { params: { reason: 'consent_required' }, error });

export const interestBodySchema = z
  .strictObject({
    ...publicFormFields,
    companyName: companyNameSchema,
    organisationNumber: organisationNumberSchema,
    municipalityCode: municipalityCodeSchema,
    contactName: personNameSchema,
    email: emailSchema,
    phone: phoneSchema,
    /** What the company wants help with: the foundation step and the four focus areas. */
    areas: z
      .array(z.enum(areas))
      .max(areas.length)
      .refine((list) => new Set(list).size === list.length, { error: 'Each area once' }),
    message: messageSchema,
    hasConsent: consentGivenSchema('The form is sent only with consent to keep the data'),
  })
  .superRefine((body, ctx) => {
    if (body.areas.length === 0 && !body.message) {
      ctx.addIssue({
        code: 'custom',
        path: ['areas'],
        params: { reason: 'help_required' },
        message: 'Choose an area or say in the message what you want help with',
      });
    }
  });
export type InterestBody = z.input<typeof interestBodySchema>;
export type InterestInput = z.output<typeof interestBodySchema>;

/** The one answer every accepted form gets, whatever happened to it (no one learns who is enrolled). */
export const interestAnswerSchema = z.object({ isReceived: z.literal(true) });
export type InterestAnswer = z.infer<typeof interestAnswerSchema>;
