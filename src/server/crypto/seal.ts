import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// Sealing a short secret for storage: AES-256-GCM with a random 96-bit nonce. The context (a user
// id, a message id) is authenticated data, so a sealed text copied onto another row does not open.

/** The text sealed for storage: `v1.<nonce>.<ciphertext and tag>`, base64url. */
export function sealText(key: Buffer, context: string, text: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(context));
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `v1.${nonce.toString('base64url')}.${sealed.toString('base64url')}`;
}

function openWith(key: Buffer, context: string, sealed: string): string {
  const [version, nonce, body] = sealed.split('.');
  if (version !== 'v1' || !nonce || !body) throw new Error('Unknown format of a sealed text');
  const data = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

/**
 * Opens a sealed text with the key, or the first of the keys that opens it (the current key, then
 * the previous one while a rotation runs); throws when none, the context or the text fits.
 */
export function openText(keys: Buffer | readonly Buffer[], context: string, sealed: string): string {
  const ring = Buffer.isBuffer(keys) ? [keys] : keys;
  let failure: unknown = new Error('No key to open a sealed text');
  for (const key of ring) {
    try {
      return openWith(key, context, sealed);
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

/** Whether the text is sealed under exactly this key (a rotation's test of what is left to do). */
export function isSealedWith(key: Buffer, context: string, sealed: string): boolean {
  try {
    openWith(key, context, sealed);
    return true;
  } catch {
    return false;
  }
}

/** A key of its own for one purpose, derived from the installation's key (HKDF-SHA256). */
export function purposeKey(installationKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', installationKey, Buffer.alloc(0), purpose, 32));
}
