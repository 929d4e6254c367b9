import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { matchingTotpStep, newRecoveryCodes, newTotpSecret, openTotpSecret, sealTotpSecret, totpCodeAt } from './totp';

// RFC 6238 appendix B: the SHA1 secret "12345678901234567890"; the six digits are the last six of
// the eight the RFC lists.
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP codes', () => {
  const vectors: { sentence: string; seconds: number; code: string }[] = [
    { sentence: 'at 59 s (RFC 6238: 94287082)', seconds: 59, code: '287082' },
    { sentence: 'at 1111111109 s (RFC 6238: 07081804)', seconds: 1_111_111_109, code: '081804' },
    { sentence: 'at 1234567890 s (RFC 6238: 89005924)', seconds: 1_234_567_890, code: '005924' },
    { sentence: 'at 20000000000 s (RFC 6238: 65353130)', seconds: 20_000_000_000, code: '353130' },
  ];

  it.each(vectors)('matches the RFC test vector $sentence', ({ seconds, code }) => {
    const at = new Date(seconds * 1000);
    expect(totpCodeAt(rfcSecret, at)).toBe(code);
    expect(matchingTotpStep(rfcSecret, code, at)).toBe(Math.floor(seconds / 30));
  });

  it('accepts a code one step either side and reports its own step, not two steps away', () => {
    const now = new Date(1_234_567_890_000);
    const step = Math.floor(1_234_567_890 / 30);
    expect(matchingTotpStep(rfcSecret, totpCodeAt(rfcSecret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchingTotpStep(rfcSecret, totpCodeAt(rfcSecret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
    expect(matchingTotpStep(rfcSecret, totpCodeAt(rfcSecret, new Date(now.getTime() + 60_000)), now)).toBeNull();
  });

  it('makes secrets of 160 bits', () => {
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(newTotpSecret());
  });
});

describe('sealed secrets', () => {
  const key = randomBytes(32);
  const userId = '00000000-0000-4000-8000-000000000301';

  it('opens with the key and the user it was sealed for', () => {
    const sealed = sealTotpSecret(key, userId, rfcSecret);
    expect(sealed).not.toContain(rfcSecret);
    expect(openTotpSecret(key, userId, sealed)).toBe(rfcSecret);
    // A fresh nonce each time: the same secret never seals the same way twice.
    expect(sealTotpSecret(key, userId, rfcSecret)).not.toBe(sealed);
  });

  it('does not open with another key, for another user, or when changed', () => {
    const sealed = sealTotpSecret(key, userId, rfcSecret);
    expect(() => openTotpSecret(randomBytes(32), userId, sealed)).toThrow();
    expect(() => openTotpSecret(key, '00000000-0000-4000-8000-000000000302', sealed)).toThrow();
    // One character of the body changed to another: a base64url character in the middle carries
    // six whole bits, so the bytes change (the last character may carry padding bits only).
    const at = sealed.length - 10;
    const tampered = `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(at + 1)}`;
    expect(tampered).not.toBe(sealed);
    expect(() => openTotpSecret(key, userId, tampered)).toThrow();
  });
});

describe('recovery codes', () => {
  it('makes ten different codes of 16 Crockford characters in groups of four', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });
});
