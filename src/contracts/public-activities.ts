import { z } from 'zod';
import { emailSchema, idSchema, localeSchema, personNameSchema, timestampSchema } from './common';
import { activityOrganiserSchema, activityTypeSchema, areaSchema } from './activities';
import { companyNameSchema, organisationNumberSchema } from './companies';
import { genderSchema } from './contacts';
import { consentGivenSchema, interestAnswerSchema, publicFormFields } from './programme-page';

// Public activities (issue 15, decision 046): the activities a coach shows on the public page,
// with their non-personal fields only, and the sign-up of someone without an account, which takes
// a place only once the e-mailed link confirms it.

export const publicActivitySchema = z.object({
  id: idSchema,
  type: activityTypeSchema,
  title: z.string(),
  description: z.string(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  place: z.string().nullable(),
  isOnline: z.boolean(),
  areas: z.array(areaSchema),
  organisers: z.array(activityOrganiserSchema),
  /** Free places; null when there is no limit. 0: a sign-up goes on the waiting list. */
  placesLeft: z.number().int().nullable(),
});
export type PublicActivity = z.infer<typeof publicActivitySchema>;

export const publicActivityListSchema = z.object({ items: z.array(publicActivitySchema) });
export type PublicActivityList = z.infer<typeof publicActivityListSchema>;

/** Hours the confirm link works (never past the activity's start). */
export const signUpConfirmHours = 48;
/** The version of the sign-up's consent text (its words are in the page's strings). */
export const signUpConsentTextVersion = '2026-12';

export const publicSignUpBodySchema = z.strictObject({
  ...publicFormFields,
  name: personNameSchema,
  email: emailSchema,
  companyName: companyNameSchema,
  organisationNumber: organisationNumberSchema,
  /** Only if the person wants to give it; the funders' statistics count "not stated" too. */
  gender: genderSchema.default('not_stated'),
  /** The page's language: the confirm e-mail is written in it. */
  locale: localeSchema.default('sv'),
  hasConsent: consentGivenSchema('The sign-up is sent only with consent to keep the data'),
});
export type PublicSignUpBody = z.input<typeof publicSignUpBodySchema>;
export type PublicSignUpInput = z.output<typeof publicSignUpBodySchema>;

/** The one answer every accepted sign-up gets: no one learns who is registered. */
export const publicSignUpAnswerSchema = interestAnswerSchema;
export type PublicSignUpAnswer = z.infer<typeof publicSignUpAnswerSchema>;

export const signUpTokenBodySchema = z.strictObject({
  token: z.string({ error: 'The link is incomplete' }).min(1, { error: 'The link is incomplete' }).max(200),
});
export type SignUpTokenBody = z.infer<typeof signUpTokenBodySchema>;

const signedUpActivitySchema = z.object({
  id: idSchema,
  title: z.string(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
});

export const signUpConfirmationSchema = z.object({
  activity: signedUpActivitySchema,
  /** registered: the place is taken; waitlisted: on the waiting list at `waitingListPosition`;
   * cancelled: the sign-up was cancelled before or after it was confirmed. */
  status: z.enum(['registered', 'waitlisted', 'cancelled']),
  waitingListPosition: z.number().int().nullable(),
});
export type SignUpConfirmation = z.infer<typeof signUpConfirmationSchema>;
