import { passwordProblem } from '../../../core/password-policy';
import { anonymous, type Actor } from '../../../core/roles';
import {
  isSecondFactorRequired,
  stageAfterPassword,
  type PendingStage,
  type SessionStage,
} from '../../../core/second-factor';
import {
  pendingSignInMs,
  sessionAbsoluteMs,
  sessionExpiry,
  sessionIdleMs,
  shouldTouchSession,
  tokenLifetimeMs,
  type TokenPurpose,
} from '../../../core/session-policy';
import { abilitiesOf } from '../../../core/access';
import type { Me } from '../../../contracts/auth';
import type {
  AcceptInvitationBody,
  Invitation,
  LoginBody,
  PasswordResetConfirmBody,
  UpdateMeBody,
} from '../../../contracts/auth';
import type { Locale } from '../../../contracts/common';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { AppError, invalidField, rateLimited, unauthenticated } from '../../errors';
import { invitationMail, passwordResetMail } from '../../mail/templates';
import { recordAudit } from '../audit/audit.service';
import * as q from './auth.queries';
import { hashPassword, newSecret, secretDigest, verifyPassword } from './passwords';

export type SessionInfo = { token: string; me: Me };

/** Where a right password leads: a signed-in session, or one that waits for a second step. */
export type SignInResult = { token: string } & ({ stage: 'signed_in'; me: Me } | { stage: PendingStage });

/** A sign-in past its password and waiting for a code or an enrolment (decision 021). */
export type PendingSignIn = { sessionId: string; userId: string; stage: PendingStage };

/** What a session cookie stands for: an actor, or a pending sign-in (then the actor is anonymous). */
export type SessionState = { actor: Actor; pendingSignIn: PendingSignIn | null };

/** Checks a new password against the policy; throws invalid_input naming the field. */
export function assertAcceptablePassword(ctx: AppContext, password: string, field = 'password'): void {
  const problem = passwordProblem(password, ctx.commonPasswords);
  if (problem === 'too_common') throw invalidField(field, 'too_common', 'This password is too common; choose another');
  if (problem === 'too_short') throw invalidField(field, 'too_short', 'The password is too short');
  if (problem === 'too_long') throw invalidField(field, 'too_long', 'The password is too long');
}

/** Who the browser is: the signed-in user, or null for anyone else (a pending sign-in included). */
export async function getSession(db: Db, actor: Actor): Promise<{ me: Me | null }> {
  if (actor.kind === 'anonymous') return { me: null };
  return { me: await getMe(db, actor).catch(() => null) };
}

/** The signed-in user with names and abilities, as the web app needs it. */
export async function getMe(db: Db, actor: Actor): Promise<Me> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const user = await q.findUserById(db, actor.userId);
  if (!user) throw unauthenticated();
  const names = await q.findTenantNames(db, user.organisationId, user.companyId);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: names.organisationName,
    companyId: user.companyId,
    companyName: names.companyName,
    locale: user.locale,
    abilities: abilitiesOf(actor),
  };
}

function actorOf(user: q.UserRow, companyOrganisationId: string | null): Actor | null {
  switch (user.role) {
    case 'admin':
      return { kind: 'user', userId: user.id, role: 'admin' };
    case 'coach':
      return user.organisationId
        ? { kind: 'user', userId: user.id, role: 'coach', organisationId: user.organisationId }
        : null;
    case 'company':
      return user.companyId && companyOrganisationId
        ? {
            kind: 'user',
            userId: user.id,
            role: 'company',
            companyId: user.companyId,
            organisationId: companyOrganisationId,
          }
        : null;
  }
}

async function insertSession(
  ctx: AppContext,
  db: Db,
  userId: string,
  stage: SessionStage,
  userAgent: string | undefined,
): Promise<string> {
  const token = newSecret();
  const now = ctx.now();
  await q.insertSession(db, {
    id: secretDigest(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    userAgent: userAgent?.slice(0, 300) ?? null,
    stage,
  });
  return token;
}

async function startSession(ctx: AppContext, db: Db, user: q.UserRow, userAgent: string | undefined): Promise<string> {
  const token = await insertSession(ctx, db, user.id, 'signed_in', userAgent);
  const now = ctx.now();
  await q.updateUserRow(db, user.id, { lastSignedInAt: now });
  await recordAudit(db, { userId: user.id }, now, {
    action: 'user.sign_in',
    entityType: 'user',
    entityId: user.id,
    organisationId: user.organisationId,
  });
  return token;
}

/** Starts a signed-in session for a user who has passed every step of the sign-in. */
export async function sessionFor(
  ctx: AppContext,
  db: Db,
  user: q.UserRow,
  userAgent: string | undefined,
): Promise<SessionInfo> {
  const token = await db.transaction((tx) => startSession(ctx, tx, user, userAgent));
  const found = await q.findSessionWithUser(db, secretDigest(token));
  const actor = found ? actorOf(found.user, found.companyOrganisationId) : null;
  if (!actor) throw unauthenticated();
  return { token, me: await getMe(db, actor) };
}

/**
 * After a right password: a signed-in session, or a short-lived one that opens only the code step
 * or the enrolment of a second factor (S7, decision 021).
 */
async function signInAfterPassword(
  ctx: AppContext,
  db: Db,
  user: q.UserRow,
  hasSecondFactor: boolean,
  userAgent: string | undefined,
): Promise<SignInResult> {
  const stage = stageAfterPassword(user.role, hasSecondFactor);
  if (stage === 'signed_in') return { stage, ...(await sessionFor(ctx, db, user, userAgent)) };
  return { stage, token: await insertSession(ctx, db, user.id, stage, userAgent) };
}

/**
 * Signs in with e-mail and password. The throttle is asked before any hashing, so a burst costs
 * no CPU (S8); wrong e-mail and wrong password give the same answer. After many failures at an
 * account without a second factor, a password alone no longer signs it in for the hour: its owner
 * resets the password by e-mail, which clears the count (decision 029). An account with a second
 * factor is not held: a right password still needs the code.
 */
export async function login(
  ctx: AppContext,
  input: LoginBody,
  meta: { ip: string; userAgent?: string },
): Promise<SignInResult> {
  const waitSeconds = await ctx.loginLimiter.attempt(meta.ip, input.email);
  if (waitSeconds !== null) throw rateLimited(waitSeconds);
  const user = await q.findUserByEmail(ctx.db, input.email);
  const hasSecondFactor = user?.status === 'active' && user.secondFactorConfirmedAt !== null;
  if (!hasSecondFactor) {
    // Unknown addresses are held alike, so the answer tells nothing about who has an account.
    const heldSeconds = await ctx.loginLimiter.accountHeld(input.email);
    if (heldSeconds !== null) throw accountHeld(heldSeconds);
  }
  const isValid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isValid || user.status !== 'active') {
    await ctx.loginLimiter.fail(meta.ip, input.email);
    throw unauthenticated('Wrong e-mail address or password');
  }
  // With a second factor the count is cleared once the code is right too (second-factor.service).
  if (!hasSecondFactor) await ctx.loginLimiter.clear(input.email, meta.ip);
  // A new id at every sign-in: a session id planted before sign-in is worth nothing (S9).
  return signInAfterPassword(ctx, ctx.db, user, hasSecondFactor, meta.userAgent);
}

/** Too many failed passwords at an account: the way in now is a password reset (decision 029). */
const accountHeld = (retryAfterSeconds: number) =>
  new AppError(
    'rate_limited',
    'Too many failed sign-ins at this account. Reset the password by e-mail to sign in now, or wait.',
    { retryAfterSeconds },
  );

export async function logout(ctx: AppContext, actor: Actor, sessionToken: string | undefined): Promise<void> {
  if (!sessionToken) return;
  await ctx.db.transaction(async (tx) => {
    await q.deleteSession(tx, secretDigest(sessionToken));
    if (actor.kind === 'user') {
      await recordAudit(tx, actor, ctx.now(), { action: 'user.sign_out', entityType: 'user', entityId: actor.userId });
    }
  });
}

const noSession: SessionState = { actor: anonymous, pendingSignIn: null };

/**
 * What a session cookie stands for. Expired or disabled sessions are deleted and anonymous. A
 * pending sign-in is anonymous too: only the second-factor routes read it (decision 021).
 */
export async function resolveSession(ctx: AppContext, sessionToken: string | undefined): Promise<SessionState> {
  if (!sessionToken || sessionToken.length > 100) return noSession;
  const sessionId = secretDigest(sessionToken);
  const found = await q.findSessionWithUser(ctx.db, sessionId);
  if (!found) return noSession;
  const now = ctx.now();
  const { session, user } = found;
  const actor = actorOf(user, found.companyOrganisationId);
  // A signed-in session of a role that needs a second factor and has none (one from before the
  // rule, say) signs nobody in: the person signs in again and enrols.
  const lacksSecondFactor =
    session.stage === 'signed_in' && isSecondFactorRequired(user.role) && found.secondFactorConfirmedAt === null;
  if (sessionExpiry(session, now) !== null || user.status !== 'active' || !actor || lacksSecondFactor) {
    await q.deleteSession(ctx.db, sessionId);
    return noSession;
  }
  if (session.stage !== 'signed_in') {
    return { actor: anonymous, pendingSignIn: { sessionId, userId: user.id, stage: session.stage } };
  }
  if (shouldTouchSession(session, now)) await q.touchSession(ctx.db, sessionId, now);
  return { actor, pendingSignIn: null };
}

export async function updateMe(ctx: AppContext, actor: Actor, input: UpdateMeBody): Promise<Me> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  await ctx.db.transaction(async (tx) => {
    const before = await q.findUserById(tx, actor.userId);
    if (!before) throw unauthenticated();
    const after = await q.updateUserRow(tx, actor.userId, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.locale !== undefined && { locale: input.locale }),
      updatedAt: ctx.now(),
      version: before.version + 1,
    });
    await recordAudit(tx, actor, ctx.now(), {
      action: 'user.update_self',
      entityType: 'user',
      entityId: actor.userId,
      organisationId: before.organisationId,
      before: { name: before.name, locale: before.locale },
      after: { name: after?.name, locale: after?.locale },
    });
  });
  return getMe(ctx.db, actor);
}

function link(ctx: AppContext, pathname: string, token: string): string {
  return `${ctx.config.publicUrl}${pathname}?token=${token}`;
}

/** Makes a one-time link token; earlier live tokens of the same purpose stop working. */
export async function issueToken(ctx: AppContext, db: Db, userId: string, purpose: TokenPurpose): Promise<string> {
  const token = newSecret();
  const now = ctx.now();
  await q.expireTokensOfUser(db, userId, purpose, now);
  await q.insertToken(db, {
    id: secretDigest(token),
    userId,
    purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + tokenLifetimeMs[purpose]),
  });
  return token;
}

/** Whether the user's invitation link still works (unused, not expired). */
export async function hasLiveInvitation(ctx: AppContext, userId: string): Promise<boolean> {
  return q.hasLiveToken(ctx.db, userId, 'invitation', ctx.now());
}

/** Sends (or re-sends) the invitation e-mail of an invited user. */
export async function sendInvitation(
  ctx: AppContext,
  user: { id: string; email: string; name: string; locale: Locale },
): Promise<string> {
  const token = await issueToken(ctx, ctx.db, user.id, 'invitation');
  const days = tokenLifetimeMs.invitation / (24 * 60 * 60 * 1000);
  const invitationLink = link(ctx, '/invitation', token);
  await ctx.mailer.send(ctx.db, invitationMail(user.locale, user.email, user.name, invitationLink, days), ctx.now());
  return invitationLink;
}

/**
 * Sends a reset link when the address belongs to an active account. The answer is the same
 * either way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(ctx: AppContext, email: string, meta: { ip: string }): Promise<void> {
  const waitSeconds = await ctx.loginLimiter.attempt(meta.ip, `reset:${email}`);
  if (waitSeconds !== null) throw rateLimited(waitSeconds);
  const user = await q.findUserByEmail(ctx.db, email);
  if (!user || user.status !== 'active') return;
  const token = await issueToken(ctx, ctx.db, user.id, 'password_reset');
  const minutes = tokenLifetimeMs.password_reset / 60000;
  await ctx.mailer.send(
    ctx.db,
    passwordResetMail(user.locale, user.email, user.name, link(ctx, '/reset-password', token), minutes),
    ctx.now(),
  );
}

const expiredLink = () =>
  new AppError('not_found', 'The link has expired or has already been used. Ask for a new one.');

/** Sets a new password from a reset link and ends every session of the account. */
export async function confirmPasswordReset(ctx: AppContext, input: PasswordResetConfirmBody): Promise<void> {
  assertAcceptablePassword(ctx, input.password);
  const tokenId = secretDigest(input.token);
  const found = await q.findLiveToken(ctx.db, tokenId, 'password_reset', ctx.now());
  if (!found || found.user.status !== 'active') throw expiredLink();
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    if (!(await q.useToken(tx, tokenId, ctx.now()))) throw expiredLink();
    await q.updateUserRow(tx, found.user.id, { passwordHash, updatedAt: ctx.now() });
    await q.deleteSessionsOfUser(tx, found.user.id);
    await recordAudit(tx, { userId: found.user.id }, ctx.now(), {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: found.user.id,
      organisationId: found.user.organisationId,
    });
  });
  // The reset proves the mailbox: failed passwords and codes no longer hold the account (decision 029).
  await ctx.loginLimiter.clear(found.user.email);
  await ctx.secondFactorLimiter.clear(found.user.id);
}

export async function getInvitation(ctx: AppContext, token: string): Promise<Invitation> {
  const found = await q.findLiveToken(ctx.db, secretDigest(token), 'invitation', ctx.now());
  if (!found || found.user.status !== 'invited') throw expiredLink();
  return { email: found.user.email, name: found.user.name, role: found.user.role };
}

/** Activates an invited account with its first password and signs it in. */
export async function acceptInvitation(
  ctx: AppContext,
  input: AcceptInvitationBody,
  meta: { userAgent?: string },
): Promise<SignInResult> {
  assertAcceptablePassword(ctx, input.password);
  const tokenId = secretDigest(input.token);
  const found = await q.findLiveToken(ctx.db, tokenId, 'invitation', ctx.now());
  if (!found || found.user.status !== 'invited') throw expiredLink();
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    if (!(await q.useToken(tx, tokenId, ctx.now()))) throw expiredLink();
    const user = await q.updateUserRow(tx, found.user.id, {
      passwordHash,
      status: 'active',
      ...(input.name !== undefined && { name: input.name }),
      version: found.user.version + 1,
      updatedAt: ctx.now(),
    });
    if (!user) throw expiredLink();
    await recordAudit(tx, { userId: user.id }, ctx.now(), {
      action: 'user.accept_invitation',
      entityType: 'user',
      entityId: user.id,
      organisationId: user.organisationId,
      before: { status: found.user.status },
      after: { status: user.status },
    });
    // An invited admin enrols a second factor before the first signed-in page.
    return signInAfterPassword(ctx, tx, user, false, meta.userAgent);
  });
}

/** Ends every session of an account at once (deactivation, role change). */
export async function endSessionsOf(db: Db, userId: string): Promise<void> {
  await q.deleteSessionsOfUser(db, userId);
}

/**
 * The cleanup job (src/server/jobs): every session that sessionExpiry would refuse at `now`. A
 * request deletes the expired session it carries; this reaches those nobody brings back. Answers
 * how many went.
 */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  return q.deleteSessionsBefore(db, before(sessionIdleMs), {
    signed_in: before(sessionAbsoluteMs),
    second_factor: before(pendingSignInMs.second_factor),
    enrolment: before(pendingSignInMs.enrolment),
  });
}

/** Makes the account's open invitation links stop working. */
export async function revokeInvitationsOf(db: Db, userId: string, at: Date): Promise<void> {
  await q.expireTokensOfUser(db, userId, 'invitation', at);
}
