import { isApiError } from '../../../components/api-client';

/** The server's field errors of a failed save, by field path (`content.lines.0.unit`). */
export function fieldErrorsOf(error: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (isApiError(error)) for (const field of error.fieldErrors) map.set(field.field, field.code);
  return map;
}
