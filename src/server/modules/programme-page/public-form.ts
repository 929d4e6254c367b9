import { createHmac, timingSafeEqual } from 'node:crypto';
import { interestFormTokenHours, interestMinimumFillSeconds } from '../../../contracts/programme-page';
import type { AppContext } from '../../context';
import { purposeKey } from '../../crypto/seal';
import { invalidField, rateLimited } from '../../errors';
import type { LoginLimiter } from '../auth/login-limiter';

// The bot hurdles of the public forms (decision 045, shared by the public sign-up of decision 046):
// a limit per address, a signed time of issue with a minimum fill time, and a hidden field.

const tokenKey = (ctx: AppContext) => purposeKey(ctx.config.secondFactorKey, 'interest form tokens');
const signatureOf = (ctx: AppContext, issuedAtMs: number) =>
  createHmac('sha256', tokenKey(ctx)).update(`interest-form:${issuedAtMs}`).digest('base64url');

/** A form token issued at `issuedAt`: the time, signed, so a sender cannot claim an earlier one. */
export function formTokenAt(ctx: AppContext, issuedAt: Date): string {
  const issuedAtMs = issuedAt.getTime();
  return `${issuedAtMs}.${signatureOf(ctx, issuedAtMs)}`;
}

/** When the token was issued, or null when it is not one of ours. */
function issuedAtOf(ctx: AppContext, token: string): number | null {
  const [time, signature] = token.split('.');
  if (!time || !signature || !/^\d{1,15}$/.test(time)) return null;
  const expected = Buffer.from(signatureOf(ctx, Number(time)));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? Number(time) : null;
}

/**
 * Passes a public form through its hurdles, in order: the address's limit (429, asked first and
 * outside any transaction, decision 029), a token that is not ours or too old (400 on formToken).
 * Answers false for a bot's form (the hidden field filled in, or sent faster than a person fills
 * it in), which the caller answers like any other and leaves without a trace; true to take it.
 */
export async function passesBotHurdles(
  ctx: AppContext,
  limiter: LoginLimiter,
  form: { formToken: string; website?: string | undefined },
  meta: { ip: string; account: string },
): Promise<boolean> {
  const waitSeconds = await limiter.attempt(meta.ip, meta.account);
  if (waitSeconds !== null) throw rateLimited(waitSeconds);
  const issuedAt = issuedAtOf(ctx, form.formToken);
  const age = issuedAt === null ? Infinity : ctx.now().getTime() - issuedAt;
  if (age > interestFormTokenHours * 3_600_000) {
    throw invalidField('formToken', 'form_expired', 'Reload the page and send the form again');
  }
  return !form.website && age >= interestMinimumFillSeconds * 1000;
}
