import type { TFunction } from 'i18next';
import type { FieldError } from '../../contracts/common';
import { ApiRequestError } from './api-client';

// API errors come with a code (translated here) and an English message (the fallback when the
// code is unknown to the interface).

/** A sentence for an error anywhere in the interface, in the active language. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiRequestError)) return t('errors.unknown');
  switch (error.code) {
    case 'rate_limited': {
      const seconds = error.details?.retryAfterSeconds;
      return seconds ? t('errors.rate_limited_wait', { count: Math.ceil(seconds) }) : t('errors.rate_limited');
    }
    case 'invalid_input':
    case 'unauthenticated':
    case 'forbidden':
    case 'not_found':
    case 'conflict':
    case 'internal':
    case 'unavailable':
      return t(`errors.${error.code}`);
    case 'rule_violated':
      // A business rule explains itself; its message is the most precise thing to show.
      return error.message || t('errors.rule_violated');
  }
}

/**
 * The words for a field error's code, when the interface has them (`fieldErrors.<code>` in the
 * shell's or the signed-in layout's strings: adding them there is all a new code needs); else
 * `fallback`. Looked up, not listed, so the sign-in page carries no list of every code.
 */
export function fieldCodeMessage(t: TFunction, code: string, fallback: string): string {
  return t(`fieldErrors.${code}` as 'fieldErrors.required', { defaultValue: fallback });
}

/** A field error from the server, translated by its code when the interface knows it. */
export function fieldErrorMessage(t: TFunction, fieldError: FieldError): string {
  if (fieldError.field === 'email' && fieldError.code === 'invalid_format') return t('validation.email');
  return fieldCodeMessage(t, fieldError.code, fieldError.message);
}

type FormLike = {
  getValues: () => object;
  setFieldError: (path: string, error: string) => void;
  getInputNode: (path: string) => HTMLElement | null;
};

/**
 * Puts the server's field errors next to the matching form fields. Returns true when every field
 * error found its field, so the caller only needs a general alert for what remains.
 */
export function applyFieldErrors(t: TFunction, form: FormLike, error: unknown): boolean {
  if (!(error instanceof ApiRequestError) || error.fieldErrors.length === 0) return false;
  const fields = Object.keys(form.getValues());
  let allPlaced = true;
  let first: string | null = null;
  for (const fieldError of error.fieldErrors) {
    const field = fieldError.field.split('.')[0] ?? '';
    if (fields.includes(field)) {
      form.setFieldError(field, fieldErrorMessage(t, fieldError));
      first ??= field;
    } else allPlaced = false;
  }
  // Focus moves to the first field in error, so a screen reader reads its label and message.
  if (first) form.getInputNode(first)?.focus();
  return allPlaced;
}
