import { describe, expect, it } from 'vitest';

import type { SessionStage } from './second-factor';
import {
  pendingSignInMs,
  sessionAbsoluteMs,
  sessionExpiry,
  sessionIdleMs,
  sessionTouchIntervalMs,
  shouldTouchSession,
  tokenLifetimeMs,
  tokenPurposes,
  type TokenPurpose,
} from './session-policy';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

const start = new Date('2025-03-03T08:00:00.000Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('sessionExpiry', () => {
  const cases: {
    sentence: string;
    createdAfter: number;
    lastSeenAfter: number;
    nowAfter: number;
    expected: 'idle' | 'absolute' | null;
  }[] = [
    { sentence: 'a session just created is alive', createdAfter: 0, lastSeenAfter: 0, nowAfter: 0, expected: null },
    {
      sentence: 'a session idle for 29:59 is alive',
      createdAfter: 0,
      lastSeenAfter: 0,
      nowAfter: 29 * minute + 59 * second,
      expected: null,
    },
    {
      sentence: 'a session idle for one millisecond under 30 minutes is alive',
      createdAfter: 0,
      lastSeenAfter: 0,
      nowAfter: 30 * minute - 1,
      expected: null,
    },
    {
      sentence: 'a session idle for exactly 30 minutes has expired as idle',
      createdAfter: 0,
      lastSeenAfter: 0,
      nowAfter: 30 * minute,
      expected: 'idle',
    },
    {
      sentence: 'a session idle for 31 minutes has expired as idle',
      createdAfter: 0,
      lastSeenAfter: 0,
      nowAfter: 31 * minute,
      expected: 'idle',
    },
    {
      sentence: 'a session in use for 11 hours and seen a minute ago is alive',
      createdAfter: 0,
      lastSeenAfter: 11 * hour - minute,
      nowAfter: 11 * hour,
      expected: null,
    },
    {
      sentence: 'a session one millisecond under 12 hours old and seen recently is alive',
      createdAfter: 0,
      lastSeenAfter: 12 * hour - minute,
      nowAfter: 12 * hour - 1,
      expected: null,
    },
    {
      sentence: 'a session exactly 12 hours old has expired as absolute even if seen a minute ago',
      createdAfter: 0,
      lastSeenAfter: 12 * hour - minute,
      nowAfter: 12 * hour,
      expected: 'absolute',
    },
    {
      sentence: 'a session 12 hours old and seen this very moment has expired as absolute',
      createdAfter: 0,
      lastSeenAfter: 12 * hour,
      nowAfter: 12 * hour,
      expected: 'absolute',
    },
    {
      sentence: 'a session both idle and over 12 hours old reports absolute',
      createdAfter: 0,
      lastSeenAfter: 0,
      nowAfter: 13 * hour,
      expected: 'absolute',
    },
  ];

  it.each(cases)('$sentence', ({ createdAfter, lastSeenAfter, nowAfter, expected }) => {
    expect(sessionExpiry({ createdAt: at(createdAfter), lastSeenAt: at(lastSeenAfter) }, at(nowAfter))).toBe(expected);
  });

  const pendingCases: { sentence: string; stage: SessionStage; nowAfter: number; expected: 'absolute' | null }[] = [
    {
      sentence: 'a sign-in waiting 4:59 for its code is alive',
      stage: 'second_factor',
      nowAfter: 5 * minute - second,
      expected: null,
    },
    {
      sentence: 'a sign-in waiting 5 minutes for its code has expired',
      stage: 'second_factor',
      nowAfter: 5 * minute,
      expected: 'absolute',
    },
    {
      sentence: 'a sign-in waiting 14:59 for an enrolment is alive',
      stage: 'enrolment',
      nowAfter: 15 * minute - second,
      expected: null,
    },
    {
      sentence: 'a sign-in waiting 15 minutes for an enrolment has expired',
      stage: 'enrolment',
      nowAfter: 15 * minute,
      expected: 'absolute',
    },
    {
      sentence: 'a signed-in session 15 minutes old is alive',
      stage: 'signed_in',
      nowAfter: 15 * minute,
      expected: null,
    },
  ];

  it.each(pendingCases)('$sentence', ({ stage, nowAfter, expected }) => {
    expect(sessionExpiry({ createdAt: start, lastSeenAt: start, stage }, at(nowAfter))).toBe(expected);
  });

  it('gives a waiting sign-in minutes, not hours', () => {
    expect(pendingSignInMs).toEqual({ second_factor: 5 * minute, enrolment: 15 * minute });
  });

  it('states the ASVS limits: 30 minutes idle, 12 hours absolute', () => {
    expect(sessionIdleMs).toBe(30 * minute);
    expect(sessionAbsoluteMs).toBe(12 * hour);
  });
});

describe('shouldTouchSession', () => {
  const cases: { sentence: string; lastSeenAfter: number; nowAfter: number; expected: boolean }[] = [
    { sentence: 'a session seen this moment is not written again', lastSeenAfter: 0, nowAfter: 0, expected: false },
    {
      sentence: 'a session seen 59.999 s ago is not written again',
      lastSeenAfter: 0,
      nowAfter: minute - 1,
      expected: false,
    },
    {
      sentence: 'a session seen exactly 60 s ago is written again',
      lastSeenAfter: 0,
      nowAfter: minute,
      expected: true,
    },
    {
      sentence: 'a session seen five minutes ago is written again',
      lastSeenAfter: 0,
      nowAfter: 5 * minute,
      expected: true,
    },
  ];

  it.each(cases)('$sentence', ({ lastSeenAfter, nowAfter, expected }) => {
    expect(shouldTouchSession({ createdAt: start, lastSeenAt: at(lastSeenAfter) }, at(nowAfter))).toBe(expected);
  });

  it('touches once a minute', () => {
    expect(sessionTouchIntervalMs).toBe(minute);
  });
});

describe('token lifetimes', () => {
  const cases: { sentence: string; purpose: TokenPurpose; expected: number }[] = [
    { sentence: 'an invitation link stays usable for 7 days', purpose: 'invitation', expected: 7 * day },
    { sentence: 'a password-reset link stays usable for 60 minutes', purpose: 'password_reset', expected: 60 * minute },
  ];

  it.each(cases)('$sentence', ({ purpose, expected }) => {
    expect(tokenLifetimeMs[purpose]).toBe(expected);
  });

  it('lists exactly the two token purposes', () => {
    expect([...tokenPurposes].sort()).toEqual(['invitation', 'password_reset']);
  });
});
