import { z } from 'zod';
import { abilities, type Ability } from '../core/access';
import { roles } from '../core/roles';
import { normaliseTotpCode } from '../core/second-factor';
import { emailSchema, idSchema, localeSchema, passwordSchema, personNameSchema, timestampSchema } from './common';

export const roleSchema = z.enum(roles);

export const abilitiesSchema = z.object(
  Object.fromEntries(abilities.map((ability) => [ability, z.boolean()])) as Record<Ability, z.ZodBoolean>,
);

/** The signed-in user as the web app sees it, with what they may do. */
export const meSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organisationId: idSchema.nullable(),
  organisationName: z.string().nullable(),
  companyId: idSchema.nullable(),
  companyName: z.string().nullable(),
  locale: localeSchema,
  abilities: abilitiesSchema,
});
export type Me = z.infer<typeof meSchema>;

/** Who the browser is, asked by the shell on every load: answered 200 either way, so a visitor who
 * is not signed in sees no failed request in the console; `me` is null then. */
export const sessionSchema = z.object({ me: meSchema.nullable() });
export type Session = z.infer<typeof sessionSchema>;

// Sign-in checks the stored hash only; length rules apply when a password is set.
const currentPasswordSchema = z
  .string({ error: 'Enter your password' })
  .min(1, { error: 'Enter your password' })
  .max(1024);

export const loginBodySchema = z.strictObject({ email: emailSchema, password: currentPasswordSchema });
export type LoginBody = z.infer<typeof loginBodySchema>;

// The second factor (decision 021).

/** A right password that needs one more step: the code from the app, or enrolling the app first. */
export const signInStepSchema = z.object({ next: z.enum(['second_factor', 'enrolment']) });
export type SignInStep = z.infer<typeof signInStepSchema>;

/** Six digits from the authenticator app; the space some apps show in the middle is fine. */
export const totpCodeSchema = z
  .string({ error: 'Enter the code from the app' })
  .max(20, { error: 'Enter the 6 digits the app shows' })
  .transform(normaliseTotpCode)
  .pipe(z.string().regex(/^\d{6}$/, { error: 'Enter the 6 digits the app shows' }));

/** The code step of a sign-in: a code from the app or one of the recovery codes. */
export const verifySecondFactorBodySchema = z.strictObject({
  code: z
    .string({ error: 'Enter the code' })
    .trim()
    .min(1, { error: 'Enter the code' })
    .max(40, { error: 'At most 40 characters' }),
});
export type VerifySecondFactorBody = z.infer<typeof verifySecondFactorBodySchema>;

export const secondFactorStatusSchema = z.object({
  isEnabled: z.boolean(),
  /** The role must have a second factor: it cannot be turned off. */
  isRequired: z.boolean(),
  enabledAt: timestampSchema.nullable(),
  recoveryCodesLeft: z.number().int().min(0),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatusSchema>;

/** A new secret to add to the app; shown once, during enrolment, and never again. */
export const secondFactorEnrolmentSchema = z.object({
  secret: z.string().describe('The TOTP secret in base32, for typing into the app'),
  uri: z.string().describe('The otpauth:// URI the QR code holds'),
  qrCode: z.string().describe('The URI as a QR code: an SVG data URL'),
});
export type SecondFactorEnrolment = z.infer<typeof secondFactorEnrolmentSchema>;

/**
 * The first code from the app. A signed-in user also gives the password, so that a session alone
 * (a browser left open) cannot tie the account to someone else's phone (ASVS 5.0 7.5.1). An
 * admin's sign-in waiting for its enrolment has just given it.
 */
export const confirmSecondFactorBodySchema = z.strictObject({
  code: totpCodeSchema,
  password: currentPasswordSchema.optional(),
});
export type ConfirmSecondFactorBody = z.infer<typeof confirmSecondFactorBodySchema>;

/** Recovery codes in clear text: only in the answer that makes them, never again. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

/** A confirmed enrolment: a new, signed-in session and the first recovery codes. */
export const secondFactorEnabledSchema = recoveryCodesSchema.extend({ me: meSchema });
export type SecondFactorEnabled = z.infer<typeof secondFactorEnabledSchema>;

export const regenerateRecoveryCodesBodySchema = z.strictObject({ code: totpCodeSchema });
export type RegenerateRecoveryCodesBody = z.infer<typeof regenerateRecoveryCodesBodySchema>;

/** Turning the second factor off proves the person is there: a code from the app or the password. */
export const disableSecondFactorBodySchema = z
  .strictObject({ code: totpCodeSchema.optional(), password: currentPasswordSchema.optional() })
  .refine((body) => (body.code === undefined) !== (body.password === undefined), {
    path: ['code'],
    error: 'Enter a code from the app or your password',
  });
export type DisableSecondFactorBody = z.infer<typeof disableSecondFactorBodySchema>;

export const passwordResetRequestBodySchema = z.strictObject({ email: emailSchema });
export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestBodySchema>;

export const tokenSchema = z
  .string({ error: 'The link is incomplete' })
  .regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'The link is incomplete or damaged' });

export const passwordResetConfirmBodySchema = z.strictObject({ token: tokenSchema, password: passwordSchema });
export type PasswordResetConfirmBody = z.infer<typeof passwordResetConfirmBodySchema>;

export const invitationParamsSchema = z.strictObject({ token: tokenSchema });
export const invitationSchema = z.object({ email: z.string(), name: z.string(), role: roleSchema });
export type Invitation = z.infer<typeof invitationSchema>;

export const acceptInvitationBodySchema = z.strictObject({
  token: tokenSchema,
  password: passwordSchema,
  name: personNameSchema.optional(),
});
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBodySchema>;

export const updateMeBodySchema = z.strictObject({
  name: personNameSchema.optional(),
  locale: localeSchema.optional(),
});
export type UpdateMeBody = z.infer<typeof updateMeBodySchema>;
