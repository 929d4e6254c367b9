import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { openText, sealText } from '../../crypto/seal';
import {
  formatRecoveryCode,
  recoveryCodeCount,
  totpSettings,
  totpStepAt,
  totpWindowSteps,
} from '../../../core/second-factor';

// TOTP (RFC 6238) through `otpauth`, and the sealing of its secrets at rest (decision 021).

const issuer = 'Industry In West';

function totpOf(secretBase32: string, label = 'account'): TOTP {
  return new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: totpSettings.algorithm,
    digits: totpSettings.digits,
    period: totpSettings.periodSeconds,
  });
}

/** A new random secret of 160 bits, the HMAC-SHA1 key length RFC 4226 §4 recommends, in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app reads from the QR code, labelled with the e-mail. */
export function totpUri(secretBase32: string, email: string): string {
  return totpOf(secretBase32, email).toString();
}

/** The URI as a QR code: an SVG data URL, drawn on the server so the web bundle carries no encoder. */
export async function totpQrCode(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The code an app shows at `at`; tests and the demo sign-in compute it too. */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpOf(secretBase32).generate({ timestamp: at.getTime() });
}

/** The step a code belongs to when it is right at `now` (± one step), else null. */
export function matchingTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: now.getTime(), window: totpWindowSteps });
  return delta === null ? null : totpStepAt(now) + delta;
}

// Sealing (src/server/crypto/seal.ts): the user id is the context, so a sealed secret copied
// onto another user's row does not open.

/** The secret sealed for storage: `v1.<nonce>.<ciphertext and tag>`, base64url. */
export function sealTotpSecret(key: Buffer, userId: string, secretBase32: string): string {
  return sealText(key, userId, secretBase32);
}

/** Opens a sealed secret; throws when the key, the user or the text is not the one it was sealed with. */
export function openTotpSecret(keys: Buffer | readonly Buffer[], userId: string, sealed: string): string {
  return openText(keys, userId, sealed);
}

// Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or typed is not misread.
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh set of recovery codes for people, e.g. "7K2M-9QXD-4TPA-HW3R": 80 random bits each. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const bytes = randomBytes(10);
    let bits = 0;
    let value = 0;
    let code = '';
    for (const byte of bytes) {
      value = (value << 8) | byte;
      bits += 8;
      while (bits >= 5) {
        code += crockford[(value >>> (bits - 5)) & 31];
        bits -= 5;
      }
      value &= (1 << bits) - 1;
    }
    return formatRecoveryCode(code);
  });
}
