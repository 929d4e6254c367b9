import { z } from 'zod';
import { abilities, type Ability } from '../core/access';
import { roles } from '../core/roles';
import { emailSchema, idSchema, localeSchema, passwordSchema, personNameSchema } from './common';

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

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  // Sign-in checks the stored hash only; length rules apply when a password is set.
  password: z.string({ error: 'Enter your password' }).min(1, { error: 'Enter your password' }).max(1024),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

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
