import type {
  ConfirmSecondFactorBody,
  DisableSecondFactorBody,
  RecoveryCodes,
  SecondFactorEnrolment,
  SecondFactorStatus,
} from '../../../contracts/auth';
import type { Actor } from '../../../core/roles';
import {
  isFreshTotpStep,
  isSecondFactorRequired,
  isTotpCode,
  normaliseRecoveryCode,
  normaliseTotpCode,
} from '../../../core/second-factor';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { AppError, conflict, invalidField, rateLimited, ruleViolated, unauthenticated } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import * as q from './auth.queries';
import { sessionFor, type PendingSignIn, type SessionInfo } from './auth.service';
import { secretDigest, verifyPassword } from './passwords';
import * as sf from './second-factor.queries';
import {
  matchingTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  totpQrCode,
  totpUri,
} from './totp';

// The second factor at sign-in (docs/quality.md S7, decision 021): enrolment, the code step, recovery
// codes and turning it off. Every check of a code or password goes through the throttle first.

type Meta = { ip: string; userAgent?: string };

const wrongCode = () => invalidField('code', 'wrong_code', 'The code is wrong, has expired or has been used');
const noPendingSignIn = () => unauthenticated('No sign-in is waiting for a code. Sign in again.');
const notEnabled = () => conflict('Two-step sign-in is not on for this account');

/** Spends one attempt of the user's code checks; 429 before any check when they are used up. */
async function spendAttempt(ctx: AppContext, ip: string, userId: string): Promise<void> {
  const held = await ctx.secondFactorLimiter.accountHeld(userId);
  if (held !== null) throw rateLimited(held);
  const waitSeconds = await ctx.secondFactorLimiter.attempt(ip, userId);
  if (waitSeconds !== null) throw rateLimited(waitSeconds);
}

/** Counts a wrong code or password towards the hold and answers with the field error. */
async function refuse(ctx: AppContext, ip: string, userId: string, error = wrongCode()): Promise<never> {
  await ctx.secondFactorLimiter.fail(ip, userId);
  throw error;
}

const isWrongSecret = (error: unknown) =>
  error instanceof AppError &&
  (error.details?.fields ?? []).some((f) => f.code === 'wrong_code' || f.code === 'wrong_password');

/**
 * Runs a check that may throw `wrongCode()` inside its transaction, and counts that failure after
 * the transaction: the throttle writes to the database, and on PGlite's one connection a write
 * from outside an open transaction would wait for it for ever.
 */
async function countingFailures<T>(ctx: AppContext, ip: string, userId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isWrongSecret(error)) await ctx.secondFactorLimiter.fail(ip, userId);
    throw error;
  }
}

/** Accepts a code of the app once: right within ± one step, and newer than the last one used. */
async function useTotpCode(ctx: AppContext, db: Db, factor: sf.SecondFactorRow, code: string): Promise<boolean> {
  const secret = openTotpSecret(ctx.config.secondFactorKeys, factor.userId, factor.sealedSecret);
  const step = matchingTotpStep(secret, normaliseTotpCode(code), ctx.now());
  if (step === null || !isFreshTotpStep(step, factor.lastUsedStep)) return false;
  return sf.useTotpStep(db, factor.userId, step);
}

/** Makes a new set of recovery codes, replacing the old; returns them in clear text, once. */
async function issueRecoveryCodes(ctx: AppContext, db: Db, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  const hashes = codes.map((code) => secretDigest(normaliseRecoveryCode(code)));
  await sf.replaceRecoveryCodes(db, userId, hashes, ctx.now());
  return codes;
}

/** Ends every session of the user and starts a new, signed-in one for this browser (ASVS 7.4.3). */
async function renewSessions(ctx: AppContext, db: Db, userId: string, userAgent: string | undefined) {
  const user = await q.findUserById(db, userId);
  if (!user || user.status !== 'active') throw unauthenticated();
  await q.deleteSessionsOfUser(db, userId);
  return sessionFor(ctx, db, user, userAgent);
}

/** Whether the signed-in user has a second factor, must have one, and how many recovery codes are left. */
export async function getSecondFactorStatus(ctx: AppContext, actor: Actor): Promise<SecondFactorStatus> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const factor = await sf.findSecondFactor(ctx.db, actor.userId);
  const isEnabled = Boolean(factor?.confirmedAt);
  return {
    isEnabled,
    isRequired: isSecondFactorRequired(actor.role),
    enabledAt: factor?.confirmedAt?.toISOString() ?? null,
    recoveryCodesLeft: isEnabled ? await sf.countUnusedRecoveryCodes(ctx.db, actor.userId) : 0,
  };
}

/**
 * Starts (or starts over) an enrolment: a new secret waits for a code from the app. The secret is
 * shown now and never again; it signs nobody in before it is confirmed.
 */
export async function startEnrolment(ctx: AppContext, userId: string): Promise<SecondFactorEnrolment> {
  const user = await q.findUserById(ctx.db, userId);
  if (!user) throw unauthenticated();
  const secret = newTotpSecret();
  const isStored = await sf.putPendingSecondFactor(ctx.db, {
    userId,
    sealedSecret: sealTotpSecret(ctx.config.secondFactorKey, userId, secret),
    createdAt: ctx.now(),
  });
  if (!isStored) throw conflict('Two-step sign-in is already on for this account');
  const uri = totpUri(secret, user.email);
  return { secret, uri, qrCode: await totpQrCode(uri) };
}

/** Who enrols: a signed-in user, or a sign-in waiting for its enrolment (password just given). */
export type Enroller = { userId: string; isSignedIn: boolean };

/** Checks the password of a signed-in user before a change to how they sign in (ASVS 5.0 7.5.1). */
async function assertPassword(
  ctx: AppContext,
  ip: string,
  userId: string,
  password: string | undefined,
): Promise<void> {
  if (password === undefined) throw invalidField('password', 'required', 'Enter your password');
  const user = await q.findUserById(ctx.db, userId);
  if (!(await verifyPassword(user?.passwordHash ?? null, password))) {
    await refuse(ctx, ip, userId, invalidField('password', 'wrong_password', 'The password is wrong'));
  }
}

/**
 * Confirms an enrolment with a code from the app (and the password of a signed-in user): the
 * second factor is on, the first recovery codes are made, and every session of the user ends but
 * a new signed-in one for this browser.
 */
export async function confirmEnrolment(
  ctx: AppContext,
  enroller: Enroller,
  input: ConfirmSecondFactorBody,
  meta: Meta,
): Promise<SessionInfo & RecoveryCodes> {
  const { userId } = enroller;
  const factor = await sf.findSecondFactor(ctx.db, userId);
  if (factor?.confirmedAt) throw conflict('Two-step sign-in is already on for this account');
  if (!factor) throw conflict('Start the enrolment first: there is no code to confirm');
  await spendAttempt(ctx, meta.ip, userId);
  if (enroller.isSignedIn) await assertPassword(ctx, meta.ip, userId, input.password);
  const result = await countingFailures(ctx, meta.ip, userId, () =>
    ctx.db.transaction(async (tx) => {
      if (!(await useTotpCode(ctx, tx, factor, input.code))) throw wrongCode();
      if (!(await sf.confirmSecondFactor(tx, userId, ctx.now()))) {
        throw conflict('Two-step sign-in is already on for this account');
      }
      const recoveryCodes = await issueRecoveryCodes(ctx, tx, userId);
      const session = await renewSessions(ctx, tx, userId, meta.userAgent);
      await recordAudit(tx, { userId }, ctx.now(), {
        action: 'user.enable_second_factor',
        entityType: 'user',
        entityId: userId,
        after: { isEnabled: true, recoveryCodes: recoveryCodes.length },
      });
      return { ...session, recoveryCodes };
    }),
  );
  await ctx.secondFactorLimiter.clear(userId, meta.ip);
  return result;
}

/**
 * The code step of a sign-in: a code from the app, or a recovery code (spent, and audited). The
 * waiting session gives way to a new, signed-in one.
 */
export async function completeSignIn(
  ctx: AppContext,
  pending: PendingSignIn | null,
  code: string,
  meta: Meta,
): Promise<SessionInfo> {
  if (pending?.stage !== 'second_factor') throw noPendingSignIn();
  const { userId } = pending;
  await spendAttempt(ctx, meta.ip, userId);
  const factor = await sf.findSecondFactor(ctx.db, userId);
  if (!factor?.confirmedAt) throw noPendingSignIn();
  const result = await countingFailures(ctx, meta.ip, userId, () =>
    ctx.db.transaction(async (tx) => {
      const isTotp = isTotpCode(code);
      const isAccepted = isTotp
        ? await useTotpCode(ctx, tx, factor, code)
        : await sf.useRecoveryCode(tx, userId, secretDigest(normaliseRecoveryCode(code)), ctx.now());
      if (!isAccepted) throw wrongCode();
      await q.deleteSession(tx, pending.sessionId);
      if (!isTotp) {
        await recordAudit(tx, { userId }, ctx.now(), {
          action: 'user.use_recovery_code',
          entityType: 'user',
          entityId: userId,
          after: { recoveryCodesLeft: await sf.countUnusedRecoveryCodes(tx, userId) },
        });
      }
      const user = await q.findUserById(tx, userId);
      if (!user || user.status !== 'active') throw noPendingSignIn();
      return { session: await sessionFor(ctx, tx, user, meta.userAgent), email: user.email };
    }),
  );
  // Both factors were right: the failures counted at the account and its codes are forgotten.
  await ctx.secondFactorLimiter.clear(userId, meta.ip);
  await ctx.loginLimiter.clear(result.email, meta.ip);
  return result.session;
}

/** New recovery codes for a code from the app; the old ones stop working. */
export async function regenerateRecoveryCodes(
  ctx: AppContext,
  actor: Actor,
  code: string,
  meta: Meta,
): Promise<RecoveryCodes> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const { userId } = actor;
  const factor = await sf.findSecondFactor(ctx.db, userId);
  if (!factor?.confirmedAt) throw notEnabled();
  await spendAttempt(ctx, meta.ip, userId);
  const recoveryCodes = await countingFailures(ctx, meta.ip, userId, () =>
    ctx.db.transaction(async (tx) => {
      if (!(await useTotpCode(ctx, tx, factor, code))) throw wrongCode();
      const codes = await issueRecoveryCodes(ctx, tx, userId);
      await recordAudit(tx, actor, ctx.now(), {
        action: 'user.regenerate_recovery_codes',
        entityType: 'user',
        entityId: userId,
        after: { recoveryCodes: codes.length },
      });
      return codes;
    }),
  );
  await ctx.secondFactorLimiter.clear(userId, meta.ip);
  return { recoveryCodes };
}

/**
 * Turns the second factor off, for a code from the app or the password. A role that requires it
 * cannot (422). Every session of the user ends but a new one for this browser.
 */
export async function disableSecondFactor(
  ctx: AppContext,
  actor: Actor,
  input: DisableSecondFactorBody,
  meta: Meta,
): Promise<{ token: string; status: SecondFactorStatus }> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const { userId } = actor;
  if (isSecondFactorRequired(actor.role)) throw ruleViolated('Admins must keep two-step sign-in on');
  const factor = await sf.findSecondFactor(ctx.db, userId);
  if (!factor?.confirmedAt) throw notEnabled();
  await spendAttempt(ctx, meta.ip, userId);
  if (input.password !== undefined) await assertPassword(ctx, meta.ip, userId, input.password);
  const { token } = await countingFailures(ctx, meta.ip, userId, () =>
    ctx.db.transaction(async (tx) => {
      if (input.code !== undefined && !(await useTotpCode(ctx, tx, factor, input.code))) throw wrongCode();
      await sf.deleteSecondFactor(tx, userId);
      const renewed = await renewSessions(ctx, tx, userId, meta.userAgent);
      await recordAudit(tx, actor, ctx.now(), {
        action: 'user.disable_second_factor',
        entityType: 'user',
        entityId: userId,
        before: { isEnabled: true },
        after: { isEnabled: false, by: input.password !== undefined ? 'password' : 'code' },
      });
      return renewed;
    }),
  );
  await ctx.secondFactorLimiter.clear(userId, meta.ip);
  return { token, status: { isEnabled: false, isRequired: false, enabledAt: null, recoveryCodesLeft: 0 } };
}

/**
 * Turns off a user's confirmed second factor for an admin who resets a lost one (issue 14), in the
 * caller's transaction, and forgets the user's failed codes; false when it was not on.
 */
export async function removeSecondFactor(db: Db, userId: string): Promise<boolean> {
  const factor = await sf.findSecondFactor(db, userId);
  if (!factor?.confirmedAt) return false;
  await sf.deleteSecondFactor(db, userId);
  return true;
}

/** After a reset: the user's failed codes no longer hold their code checks. */
export async function forgetFailedCodes(ctx: AppContext, userId: string): Promise<void> {
  await ctx.secondFactorLimiter.clear(userId);
}
