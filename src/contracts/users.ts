import { z } from 'zod';
import { userStatuses } from '../core/roles';
import { roleSchema } from './auth';
import {
  emailSchema,
  idSchema,
  localeSchema,
  pageSchema,
  paginationQuerySchema,
  personNameSchema,
  timestampSchema,
  versionSchema,
} from './common';

export const userStatusSchema = z.enum(userStatuses);

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  status: userStatusSchema,
  organisationId: idSchema.nullable(),
  organisationName: z.string().nullable(),
  companyId: idSchema.nullable(),
  companyName: z.string().nullable(),
  locale: localeSchema,
  lastSignedInAt: timestampSchema.nullable(),
  /** Two-step sign-in is on (a confirmed second factor): an admin may reset it when it is lost. */
  hasSecondFactor: z.boolean(),
  version: z.number().int(),
  createdAt: timestampSchema,
});
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = paginationQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  status: userStatusSchema.optional(),
  organisationId: idSchema.optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;
export const userPageSchema = pageSchema(userSchema);

export const inviteUserBodySchema = z.strictObject({
  email: emailSchema,
  name: personNameSchema,
  role: roleSchema,
  organisationId: idSchema.nullable().optional(),
  companyId: idSchema.nullable().optional(),
  locale: localeSchema.default('sv'),
});
export type InviteUserBody = z.infer<typeof inviteUserBodySchema>;

export const updateUserBodySchema = z.strictObject({
  version: versionSchema,
  name: personNameSchema.optional(),
  role: roleSchema.optional(),
  organisationId: idSchema.nullable().optional(),
  companyId: idSchema.nullable().optional(),
  status: z.enum(['active', 'deactivated']).optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

// The portal's logins of one company (issue 15, decision 043): who of the company has an account,
// for its coaches and for the company's own users, without the fields only staff need.
export const companyUserSchema = userSchema.pick({
  id: true,
  email: true,
  name: true,
  status: true,
  locale: true,
  lastSignedInAt: true,
  createdAt: true,
});
export type CompanyUser = z.infer<typeof companyUserSchema>;

export const companyUsersSchema = z.object({
  items: z.array(companyUserSchema),
  /** Whether the company's own users may invite colleagues: the coach's setting. */
  allowsColleagueInvites: z.boolean(),
  abilities: z.object({ canInvite: z.boolean(), canChangeColleagueInvites: z.boolean() }),
});
export type CompanyUsers = z.infer<typeof companyUsersSchema>;

export const inviteCompanyUserBodySchema = z.strictObject({
  email: emailSchema,
  name: personNameSchema,
  locale: localeSchema.default('sv'),
});
export type InviteCompanyUserBody = z.input<typeof inviteCompanyUserBodySchema>;
export type InviteCompanyUserInput = z.output<typeof inviteCompanyUserBodySchema>;
