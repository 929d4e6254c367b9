import type { Role } from './roles';

// The second factor at sign-in, docs/quality.md S7 (OWASP ASVS 5.0 V6): a time-based one-time password
// (TOTP, RFC 6238) from an authenticator app, with single-use recovery codes for a lost phone.
// Decision 021 records why it works this way. Time is an argument, as everywhere in the core.

/** TOTP parameters every authenticator app understands: RFC 6238's defaults. */
export const totpSettings = { algorithm: 'SHA1', digits: 6, periodSeconds: 30 } as const;

/** Codes of the previous and the next 30-second step count too, for clocks a little apart (RFC 6238 §5.2). */
export const totpWindowSteps = 1;

/** How many recovery codes a user gets at a time. */
export const recoveryCodeCount = 10;

/** A recovery code is 16 Crockford base32 characters: 80 random bits. */
export const recoveryCodeLength = 16;

/** Where a sign-in stands after the password: done, waiting for a code, or waiting for enrolment. */
export const sessionStages = ['signed_in', 'second_factor', 'enrolment'] as const;
export type SessionStage = (typeof sessionStages)[number];
export type PendingStage = Exclude<SessionStage, 'signed_in'>;

/** Admins must use a second factor; everyone else may turn it on (docs/quality.md S7). */
export function isSecondFactorRequired(role: Role): boolean {
  switch (role) {
    case 'admin':
      return true;
    case 'coach':
    case 'company':
      return false;
  }
}

/**
 * What a right password leads to: a code when the account has a second factor, enrolment first
 * when its role requires one it does not have yet, else a full session (decision 021).
 */
export function stageAfterPassword(role: Role, hasSecondFactor: boolean): SessionStage {
  if (hasSecondFactor) return 'second_factor';
  return isSecondFactorRequired(role) ? 'enrolment' : 'signed_in';
}

/** The 30-second step a moment falls in (RFC 6238 §4.2, T0 = 0). */
export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / totpSettings.periodSeconds);
}

/**
 * True when a code of `step` may be accepted: no code of this step or an earlier one has been
 * used, so a code seen over a shoulder or replayed from a log is worth nothing (RFC 6238 §5.2).
 */
export function isFreshTotpStep(step: number, lastUsedStep: number | null): boolean {
  return lastUsedStep === null || step > lastUsedStep;
}

/** True when the input looks like a code from the app (six digits, spaces allowed). */
export function isTotpCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ''));
}

/** The digits of a code from the app, without the space some apps show in the middle. */
export function normaliseTotpCode(input: string): string {
  return input.replace(/\s/g, '');
}

/**
 * A recovery code as stored (before hashing): Crockford base32 upper case without separators, with
 * the look-alikes a person may type read as Crockford does (I and L as 1, O as 0).
 */
export function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** A recovery code for people: groups of four, e.g. "7K2M-9QXD-4TPA-HW3R". */
export function formatRecoveryCode(normalised: string): string {
  return normalised.match(/.{1,4}/g)?.join('-') ?? normalised;
}
