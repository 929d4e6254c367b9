import { describe, expect, it } from 'vitest';
import type { Role } from './roles';
import {
  formatRecoveryCode,
  isFreshTotpStep,
  isSecondFactorRequired,
  isTotpCode,
  normaliseRecoveryCode,
  normaliseTotpCode,
  stageAfterPassword,
  totpStepAt,
  type SessionStage,
} from './second-factor';

describe('stageAfterPassword', () => {
  const cases: { sentence: string; role: Role; hasSecondFactor: boolean; expected: SessionStage }[] = [
    {
      sentence: 'an admin with a second factor is asked for the code',
      role: 'admin',
      hasSecondFactor: true,
      expected: 'second_factor',
    },
    { sentence: 'an admin without one must enrol first', role: 'admin', hasSecondFactor: false, expected: 'enrolment' },
    { sentence: 'a coach without one is signed in', role: 'coach', hasSecondFactor: false, expected: 'signed_in' },
    {
      sentence: 'a coach who turned it on is asked for the code',
      role: 'coach',
      hasSecondFactor: true,
      expected: 'second_factor',
    },
    {
      sentence: 'a company user without one is signed in',
      role: 'company',
      hasSecondFactor: false,
      expected: 'signed_in',
    },
    {
      sentence: 'a company user who turned it on is asked for the code',
      role: 'company',
      hasSecondFactor: true,
      expected: 'second_factor',
    },
  ];

  it.each(cases)('$sentence', ({ role, hasSecondFactor, expected }) => {
    expect(stageAfterPassword(role, hasSecondFactor)).toBe(expected);
  });

  it('requires a second factor of admins only', () => {
    expect([
      isSecondFactorRequired('admin'),
      isSecondFactorRequired('coach'),
      isSecondFactorRequired('company'),
    ]).toEqual([true, false, false]);
  });
});

describe('TOTP steps and replay', () => {
  it('counts 30-second steps from the Unix epoch (RFC 6238 test vector time 59 s is step 1)', () => {
    expect(totpStepAt(new Date(59_000))).toBe(1);
    expect(totpStepAt(new Date(1_111_111_109_000))).toBe(37_037_036);
  });

  const cases: { sentence: string; step: number; lastUsedStep: number | null; expected: boolean }[] = [
    { sentence: 'the first code ever is fresh', step: 100, lastUsedStep: null, expected: true },
    { sentence: 'a code of a later step is fresh', step: 101, lastUsedStep: 100, expected: true },
    { sentence: 'the same step again is a replay', step: 100, lastUsedStep: 100, expected: false },
    { sentence: 'an earlier step inside the window is a replay', step: 99, lastUsedStep: 100, expected: false },
  ];

  it.each(cases)('$sentence', ({ step, lastUsedStep, expected }) => {
    expect(isFreshTotpStep(step, lastUsedStep)).toBe(expected);
  });
});

describe('reading codes as people type them', () => {
  const totpCases: { sentence: string; input: string; isCode: boolean; normalised: string }[] = [
    { sentence: 'six digits are a code', input: '123456', isCode: true, normalised: '123456' },
    {
      sentence: 'a space in the middle, as apps show it, is fine',
      input: '123 456',
      isCode: true,
      normalised: '123456',
    },
    { sentence: 'five digits are not a code', input: '12345', isCode: false, normalised: '12345' },
    {
      sentence: 'a recovery code is not a code from the app',
      input: '7K2M-9QXD-4TPA-HW3R',
      isCode: false,
      normalised: '7K2M-9QXD-4TPA-HW3R',
    },
  ];

  it.each(totpCases)('$sentence', ({ input, isCode, normalised }) => {
    expect(isTotpCode(input)).toBe(isCode);
    expect(normaliseTotpCode(input)).toBe(normalised);
  });

  const recoveryCases: { sentence: string; input: string; expected: string }[] = [
    { sentence: 'dashes and spaces are dropped', input: '7K2M-9QXD 4TPA-HW3R', expected: '7K2M9QXD4TPAHW3R' },
    { sentence: 'lower case is read as upper case', input: '7k2m9qxd4tpahw3r', expected: '7K2M9QXD4TPAHW3R' },
    {
      sentence: 'I and L are read as 1, O as 0 (Crockford)',
      input: 'IL0O-0000-0000-0000',
      expected: '1100000000000000',
    },
  ];

  it.each(recoveryCases)('$sentence', ({ input, expected }) => {
    expect(normaliseRecoveryCode(input)).toBe(expected);
  });

  it('writes a recovery code in groups of four', () => {
    expect(formatRecoveryCode('7K2M9QXD4TPAHW3R')).toBe('7K2M-9QXD-4TPA-HW3R');
  });
});
