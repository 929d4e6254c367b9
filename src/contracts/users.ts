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
