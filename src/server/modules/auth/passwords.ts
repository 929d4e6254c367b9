import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP ASVS 5.0 minimum (docs/quality.md S5): m = 19 MiB, t = 2, p = 1.
export const argon2Options = {
  // Algorithm.Argon2id; a const enum, which isolated modules cannot read.
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

// Unknown e-mail addresses are checked against this so a sign-in takes as long either way and
// does not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;

/** How many password checks ran; the throttle test proves a refused burst adds none (S8). */
export const passwordChecks = { count: 0 };

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  passwordChecks.count += 1;
  if (!storedHash) {
    dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

/** A random secret for a cookie or a link: 256 bits, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a secret: its SHA-256, so a leaked table opens nothing. */
export function secretDigest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
