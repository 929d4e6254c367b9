import { randomUUID } from 'node:crypto';
import { can, canSeeUser, companyUserAbilities, tenantShapeError, userScope } from '../../../core/access';
import type { Actor } from '../../../core/roles';
import type {
  CompanyUser,
  CompanyUsers,
  InviteCompanyUserInput,
  InviteUserBody,
  UpdateUserBody,
  User,
  UserListQuery,
} from '../../../contracts/users';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { conflict, forbidden, invalidField, notFound, ruleViolated, staleVersion, unauthenticated } from '../../errors';
import { secondFactorResetMail } from '../../mail/templates';
import { recordAudit } from '../audit/audit.service';
import { endSessionsOf, hasLiveInvitation, revokeInvitationsOf, sendInvitation } from '../auth/auth.service';
import { forgetFailedCodes, removeSecondFactor } from '../auth/second-factor.service';
import { companyExists, getPortalCompany } from '../companies/companies.service';
import { organisationExists } from '../organisations/organisations.service';
import * as q from './users.queries';

const tenantMessages = {
  organisation_required: ['organisationId', 'A coach belongs to an organisation: choose one'],
  company_required: ['companyId', 'A company user belongs to a company: choose one'],
  organisation_not_allowed: ['organisationId', 'Only coaches belong to an organisation'],
  company_not_allowed: ['companyId', 'Only company users belong to a company'],
} as const;

function assertCan(actor: Actor, ability: 'viewUsers' | 'manageUsers'): void {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, ability)) throw forbidden();
}

/** Validates the role's tenant fields and that the organisation or company exists. */
async function assertTenant(db: Db, role: User['role'], organisationId: string | null, companyId: string | null) {
  const problem = tenantShapeError(role, organisationId, companyId);
  if (problem) {
    const [field, message] = tenantMessages[problem];
    throw invalidField(field, problem, message);
  }
  if (organisationId && !(await organisationExists(db, organisationId))) {
    throw invalidField('organisationId', 'not_found', 'No such organisation');
  }
  if (companyId && !(await companyExists(db, companyId))) {
    throw invalidField('companyId', 'not_found', 'No such company');
  }
}

export async function listUsers(ctx: AppContext, actor: Actor, query: UserListQuery) {
  assertCan(actor, 'viewUsers');
  return q.listUsers(ctx.db, userScope(actor), query);
}

/** One account; an account the actor may not see answers 404 like one that does not exist. */
export async function getUser(ctx: AppContext, actor: Actor, id: string): Promise<User> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const found = await q.findUser(ctx.db, id);
  if (!found || !canSeeUser(actor, { ...found.user, organisationId: found.workingOrganisationId })) {
    throw notFound('The user');
  }
  return found.user;
}

type Invitee = Pick<InviteUserBody, 'email' | 'name' | 'role' | 'locale'> & {
  organisationId: string | null;
  companyId: string | null;
};

/** Inserts an invited account with its audit row inside the caller's transaction; the caller
 * sends the invitation once the transaction has committed, as every invitation goes out. */
async function insertInvitedUser(
  tx: Db,
  ctx: AppContext,
  actor: Actor,
  invitee: Invitee,
  auditOrganisationId: string | null,
) {
  if (await q.emailTaken(tx, invitee.email))
    throw invalidField('email', 'taken', 'An account with this e-mail address already exists');
  const now = ctx.now();
  const values = { id: randomUUID(), ...invitee, status: 'invited' as const, createdAt: now, updatedAt: now };
  await q.insertUser(tx, values);
  await recordAudit(tx, actor, now, {
    action: 'user.invite',
    entityType: 'user',
    entityId: values.id,
    organisationId: auditOrganisationId,
    after: values,
  });
  return values;
}

/** Creates an invited account and e-mails its link (admin). */
export async function inviteUser(ctx: AppContext, actor: Actor, input: InviteUserBody): Promise<User> {
  assertCan(actor, 'manageUsers');
  const organisationId = input.organisationId ?? null;
  const companyId = input.companyId ?? null;
  const invited = await ctx.db.transaction(async (tx) => {
    await assertTenant(tx, input.role, organisationId, companyId);
    const invitee = { email: input.email, name: input.name, role: input.role, locale: input.locale };
    return insertInvitedUser(tx, ctx, actor, { ...invitee, organisationId, companyId }, organisationId);
  });
  await sendInvitation(ctx, invited);
  return getUser(ctx, actor, invited.id);
}

/** A company holds a handful of logins; the list stops here all the same. */
const companyUsersMax = 200;

function toCompanyUser(user: User): CompanyUser {
  const { id, email, name, status, locale, lastSignedInAt, createdAt } = user;
  return { id, email, name, status, locale, lastSignedInAt, createdAt };
}

/** The portal's logins of a company, with what the actor may do about them (decision 043); a
 * company the actor does not see in full answers 404. */
export async function listCompanyUsers(ctx: AppContext, actor: Actor, companyId: string): Promise<CompanyUsers> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const company = await getPortalCompany(ctx.db, actor, companyId);
  const { canInvite, canChangeColleagueInvites } = companyUserAbilities(actor, company);
  const users = await q.listUsersOfCompany(ctx.db, companyId, companyUsersMax);
  return {
    items: users.map(toCompanyUser),
    allowsColleagueInvites: company.allowsColleagueInvites,
    abilities: { canInvite, canChangeColleagueInvites },
  };
}

/**
 * Gives a person of a company a login to its portal (issue 15, decision 043): project management
 * or a coach of the company's responsible organisation, or a user of the company while its setting
 * lets them invite colleagues. The invitation goes out through the outbox as an admin's does.
 */
export async function inviteCompanyUser(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: InviteCompanyUserInput,
): Promise<CompanyUser> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const invited = await ctx.db.transaction(async (tx) => {
    const company = await getPortalCompany(tx, actor, companyId);
    if (!companyUserAbilities(actor, company).canInvite) {
      throw forbidden('Your coach has not let the company’s users invite colleagues');
    }
    const invitee = { email: input.email, name: input.name, role: 'company' as const, locale: input.locale };
    return insertInvitedUser(tx, ctx, actor, { ...invitee, organisationId: null, companyId }, company.organisationId);
  });
  await sendInvitation(ctx, invited);
  return toCompanyUser((await q.findUser(ctx.db, invited.id))!.user);
}

/** Changes name, role, tenant or status (admin); deactivation ends the account's sessions at once. */
export async function updateUser(ctx: AppContext, actor: Actor, id: string, input: UpdateUserBody): Promise<User> {
  assertCan(actor, 'manageUsers');
  await ctx.db.transaction(async (tx) => {
    const before = await q.findUserRow(tx, id);
    if (!before) throw notFound('The user');
    if (before.version !== input.version) throw staleVersion(before.version);
    const role = input.role ?? before.role;
    const roleChanged = input.role !== undefined && input.role !== before.role;
    // Changing role without naming the tenant drops the old role's tenant.
    const organisationId =
      input.organisationId !== undefined ? input.organisationId : roleChanged ? null : before.organisationId;
    const companyId = input.companyId !== undefined ? input.companyId : roleChanged ? null : before.companyId;
    await assertTenant(tx, role, organisationId, companyId);
    let status = before.status;
    if (input.status === 'deactivated') status = 'deactivated';
    if (input.status === 'active' && before.status === 'deactivated')
      status = before.passwordHash ? 'active' : 'invited';
    const isSelf = actor.kind === 'user' && actor.userId === id;
    if (isSelf && (status === 'deactivated' || role !== 'admin')) {
      throw ruleViolated('You cannot deactivate your own account or remove your own admin role');
    }
    if (
      before.role === 'admin' &&
      before.status === 'active' &&
      (role !== 'admin' || status !== 'active') &&
      (await q.countActiveAdmins(tx)) <= 1
    ) {
      throw ruleViolated('The programme needs at least one active admin');
    }
    const now = ctx.now();
    const after = await q.updateUserIfVersion(tx, id, input.version, {
      ...(input.name !== undefined && { name: input.name }),
      role,
      organisationId,
      companyId,
      status,
      updatedAt: now,
    });
    if (!after) throw staleVersion(before.version);
    // A changed role or tenant changes what the sessions may see: sign the user in again.
    if (
      status === 'deactivated' ||
      roleChanged ||
      organisationId !== before.organisationId ||
      companyId !== before.companyId
    ) {
      await endSessionsOf(tx, id);
    }
    if (status === 'deactivated') await revokeInvitationsOf(tx, id, now);
    const { passwordHash: _b, ...beforeAudit } = before;
    const { passwordHash: _a, ...afterAudit } = after;
    await recordAudit(tx, actor, now, {
      action:
        status !== before.status ? `user.${status === 'deactivated' ? 'deactivate' : 'reactivate'}` : 'user.update',
      entityType: 'user',
      entityId: id,
      organisationId: organisationId ?? before.organisationId,
      before: beforeAudit,
      after: afterAudit,
    });
  });
  return getUser(ctx, actor, id);
}

/** Sends a new invitation link to an account that has not accepted yet; older links stop working. */
export async function resendInvitation(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'manageUsers');
  const user = await q.findUserRow(ctx.db, id);
  if (!user) throw notFound('The user');
  if (user.status !== 'invited')
    throw ruleViolated('Only an account that has not accepted its invitation can get a new one');
  await ctx.db.transaction(async (tx) => {
    await recordAudit(tx, actor, ctx.now(), {
      action: 'user.resend_invitation',
      entityType: 'user',
      entityId: id,
      organisationId: user.organisationId,
    });
  });
  await sendInvitation(ctx, user);
}

/**
 * Turns off the second factor of someone who lost it (admin, issue 14): their sessions end, the
 * change is audited and they are told by e-mail, in one transaction. An admin's own is refused:
 * they turn it off under Security, and a programme needs another admin to vouch for one.
 */
export async function resetSecondFactor(ctx: AppContext, actor: Actor, id: string): Promise<User> {
  assertCan(actor, 'manageUsers');
  if (actor.kind === 'user' && actor.userId === id) {
    throw ruleViolated('Another admin resets your two-step sign-in; you manage your own under Security');
  }
  await ctx.db.transaction(async (tx) => {
    const user = await q.findUserRow(tx, id);
    if (!user) throw notFound('The user');
    if (!(await removeSecondFactor(tx, id))) throw conflict('Two-step sign-in is not on for this account');
    await endSessionsOf(tx, id);
    const now = ctx.now();
    await recordAudit(tx, actor, now, {
      action: 'user.reset_second_factor',
      entityType: 'user',
      entityId: id,
      organisationId: user.organisationId,
      before: { isEnabled: true },
      after: { isEnabled: false },
    });
    await ctx.mailer.send(tx, secondFactorResetMail(user.locale, user.email, user.name), now);
  });
  await forgetFailedCodes(ctx, id);
  return getUser(ctx, actor, id);
}

/** The coach if the user is an active coach of the organisation, for pickers in other modules. */
export async function findCoachOf(db: Db, userId: string, organisationId: string) {
  const user = await q.findUserRow(db, userId);
  return user && user.role === 'coach' && user.organisationId === organisationId && user.status !== 'deactivated'
    ? user
    : undefined;
}

/**
 * A new installation without demo data has no one to sign in: with ADMIN_EMAIL set, a start while
 * no admin is active invites that address as admin. Returns the invitation link for the operator's
 * terminal, or undefined when there is nothing to do: an admin is active, the address's invitation
 * still works, or the address belongs to an account that is not an invited admin. An invitation
 * that lapsed unopened is sent again, or the installation could only be entered by hand-written SQL.
 */
export async function inviteFirstAdmin(ctx: AppContext, email: string): Promise<string | undefined> {
  if ((await q.countActiveAdmins(ctx.db)) > 0) return undefined;
  const existing = await q.findUserRowByEmail(ctx.db, email);
  if (existing) {
    if (existing.role !== 'admin' || existing.status !== 'invited') return undefined;
    if (await hasLiveInvitation(ctx, existing.id)) return undefined;
    await ctx.db.transaction(async (tx) => {
      await recordAudit(tx, null, ctx.now(), {
        action: 'user.reinvite_first_admin',
        entityType: 'user',
        entityId: existing.id,
      });
    });
    return sendInvitation(ctx, existing);
  }
  const id = randomUUID();
  const now = ctx.now();
  const values = {
    id,
    email,
    name: 'Administratör',
    role: 'admin' as const,
    organisationId: null,
    companyId: null,
    locale: 'sv' as const,
    status: 'invited' as const,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    await q.insertUser(tx, values);
    await recordAudit(tx, null, now, {
      action: 'user.invite_first_admin',
      entityType: 'user',
      entityId: id,
      after: values,
    });
  });
  return sendInvitation(ctx, values);
}

/** The organisation's coaches to tell of a company's interest (decision 045): every one not
 * deactivated, with the language they read the platform in. */
export async function listCoachesToTell(db: Db, organisationId: string) {
  const rows = await q.listCoachesOfOrganisation(db, organisationId);
  return rows.map(({ id, name, email, locale }) => ({ id, name, email, locale }));
}
