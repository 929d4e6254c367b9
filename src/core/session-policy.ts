// Session lifetime rules, docs/quality.md S9 (ASVS 5.0 V7): idle at most 30 minutes, absolute at most
// 12 hours. Time is an argument so tests can move the clock.

import type { SessionStage } from './second-factor';

export const sessionIdleMs = 30 * 60 * 1000;
export const sessionAbsoluteMs = 12 * 60 * 60 * 1000;
/** How stale `lastSeenAt` may get before a request refreshes it; saves a write per request. */
export const sessionTouchIntervalMs = 60 * 1000;

/**
 * How long a sign-in may wait after the password (decision 021): a few minutes for the code from
 * the app, longer for a first enrolment, which means installing an app and scanning a QR code.
 */
export const pendingSignInMs = { second_factor: 5 * 60 * 1000, enrolment: 15 * 60 * 1000 } as const;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; stage?: SessionStage };

/** Why a session is no longer valid at `now`, or null when it is alive. */
export function sessionExpiry(session: SessionTimes, now: Date): 'idle' | 'absolute' | null {
  const lifetime =
    session.stage === undefined || session.stage === 'signed_in' ? sessionAbsoluteMs : pendingSignInMs[session.stage];
  if (now.getTime() - session.createdAt.getTime() >= lifetime) return 'absolute';
  if (now.getTime() - session.lastSeenAt.getTime() >= sessionIdleMs) return 'idle';
  return null;
}

/** True when a live session's `lastSeenAt` should be written again. */
export function shouldTouchSession(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= sessionTouchIntervalMs;
}

/** Invitation and password-reset links: how long each stays usable. */
export const tokenLifetimeMs = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  password_reset: 60 * 60 * 1000,
} as const;
export type TokenPurpose = keyof typeof tokenLifetimeMs;
export const tokenPurposes = Object.keys(tokenLifetimeMs) as TokenPurpose[];
