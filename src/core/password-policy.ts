// Password rules of OWASP ASVS 5.0 level 2 (docs/quality.md S5): length only, no composition rules,
// never truncated, and common passwords refused.

/** Shortest accepted password, ASVS 6.2.1. */
export const passwordMinLength = 8;
/** Longest accepted password; ASVS asks for at least 64, we allow 128+ without truncation. */
export const passwordMaxLength = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

/**
 * The problem with a proposed password, or null when it is acceptable. Length counts Unicode
 * code points, so "lösenord" is eight characters, not nine bytes. `commonPasswords` holds
 * lower-case entries.
 */
export function passwordProblem(password: string, commonPasswords: ReadonlySet<string>): PasswordProblem | null {
  const length = [...password].length;
  if (length < passwordMinLength) return 'too_short';
  if (length > passwordMaxLength) return 'too_long';
  if (commonPasswords.has(password.toLowerCase())) return 'too_common';
  return null;
}
