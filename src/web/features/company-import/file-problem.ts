import { isApiError } from '../../components/api-client';

const serverFileProblems = ['invalid_base64', 'too_large', 'unreadable', 'empty', 'too_many_rows'] as const;
export type ServerFileProblem = (typeof serverFileProblems)[number];

/**
 * The server's reason for refusing the file itself (not a row), if that is what it said: a code the
 * page words itself, or the server's own message for a reason it does not know.
 */
export function serverFileProblem(error: unknown): { code: ServerFileProblem } | { message: string } | null {
  if (!isApiError(error, 'invalid_input')) return null;
  const found = error.fieldErrors.find((field) => field.field === 'contentBase64' || field.field === 'fileName');
  if (!found) return null;
  return (serverFileProblems as readonly string[]).includes(found.code)
    ? { code: found.code as ServerFileProblem }
    : { message: found.message };
}
