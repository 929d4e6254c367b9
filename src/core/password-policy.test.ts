import { describe, expect, it } from 'vitest';

import { passwordMaxLength, passwordMinLength, passwordProblem, type PasswordProblem } from './password-policy';

// The common-password list holds lower-case entries, as the real list does.
const common: ReadonlySet<string> = new Set(['password1', 'qwertyuiop', 'lösenord']);

const emoji = '🔒'; // one code point, two UTF-16 units

describe('passwordProblem', () => {
  const cases: { sentence: string; password: string; expected: PasswordProblem | null }[] = [
    { sentence: 'an empty password is too short', password: '', expected: 'too_short' },
    { sentence: 'seven letters are too short', password: 'abcdefg', expected: 'too_short' },
    { sentence: 'eight letters are long enough', password: 'abcdefgh', expected: null },
    {
      sentence: '"lösenords" counts nine code points, not ten bytes, and is accepted',
      password: 'lösenords',
      expected: null,
    },
    {
      sentence: '"åäöåäöåä" is eight code points and accepted although it is sixteen bytes',
      password: 'åäöåäöåä',
      expected: null,
    },
    {
      sentence: 'seven emoji are too short although they are fourteen UTF-16 units',
      password: emoji.repeat(7),
      expected: 'too_short',
    },
    { sentence: 'eight emoji are long enough', password: emoji.repeat(8), expected: null },
    { sentence: 'a password of exactly 256 characters is accepted', password: 'a'.repeat(256), expected: null },
    { sentence: 'a password of 257 characters is too long', password: 'a'.repeat(257), expected: 'too_long' },
    {
      sentence: '256 emoji are accepted: the maximum counts code points, not UTF-16 units',
      password: emoji.repeat(256),
      expected: null,
    },
    { sentence: '257 emoji are too long', password: emoji.repeat(257), expected: 'too_long' },
    { sentence: 'a common password is refused', password: 'password1', expected: 'too_common' },
    { sentence: 'a common password in capitals is refused', password: 'PASSWORD1', expected: 'too_common' },
    { sentence: 'a common password in mixed case is refused', password: 'QwertyUIOP', expected: 'too_common' },
    { sentence: 'a common Swedish password with ö is refused', password: 'LÖSENORD', expected: 'too_common' },
    {
      sentence: 'a common password padded with spaces is not the common one (never trimmed)',
      password: ' password1 ',
      expected: null,
    },
    {
      sentence: 'a password only of lower-case letters is accepted (no composition rules)',
      password: 'correcthorsebatterystaple',
      expected: null,
    },
    { sentence: 'a password only of digits is accepted (no composition rules)', password: '20240917', expected: null },
    {
      sentence: 'spaces count towards the length: seven letters and a space are enough',
      password: 'abcdefg ',
      expected: null,
    },
    {
      sentence: 'leading and trailing spaces are not trimmed away before counting',
      password: '   abcde',
      expected: null,
    },
    { sentence: 'eight spaces are a password of eight characters', password: ' '.repeat(8), expected: null },
    { sentence: 'too short wins over too common for a short common word', password: 'lösen', expected: 'too_short' },
  ];

  it.each(cases)('$sentence', ({ password, expected }) => {
    expect(passwordProblem(password, common)).toBe(expected);
  });

  it('"lösenord" is exactly the minimum length: refused only because it is common', () => {
    expect([...'lösenord'].length).toBe(passwordMinLength);
    expect(passwordProblem('lösenord', common)).toBe('too_common');
    expect(passwordProblem('lösenord', new Set())).toBeNull();
  });

  it('states the ASVS limits: at least 8 and at most 256 characters', () => {
    expect(passwordMinLength).toBe(8);
    expect(passwordMaxLength).toBe(256);
  });
});
