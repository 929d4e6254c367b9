// The failures services report, in the API's words (decision 004). They know nothing of HTTP:
// http/errors.ts maps each code to its status, so a service, a job or a script can throw them alike.
import type { ApiError, ErrorCode, FieldError } from '../contracts/common';

/** A failure a service means to report; the error handler turns it into the API's error body. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ApiError['details'],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

// Factories keep the messages consistent and the call sites short.
export const invalidInput = (fields: FieldError[], message = 'Some fields need attention') =>
  new AppError('invalid_input', message, { fields });
export const invalidField = (field: string, code: string, message: string) => invalidInput([{ field, code, message }]);
export const unauthenticated = (message = 'Sign in to continue') => new AppError('unauthenticated', message);
export const forbidden = (message = 'You may not do this') => new AppError('forbidden', message);
export const notFound = (what = 'The record') => new AppError('not_found', `${what} was not found`);
export const conflict = (message: string, currentVersion?: number) =>
  new AppError('conflict', message, currentVersion === undefined ? undefined : { currentVersion });
export const staleVersion = (currentVersion: number) =>
  conflict('Someone else changed this record after you opened it. Reload to see their change.', currentVersion);
export const ruleViolated = (message: string, fields?: FieldError[]) =>
  new AppError('rule_violated', message, fields && { fields });
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('rate_limited', 'Too many attempts. Wait a moment and try again.', { retryAfterSeconds });
