import type { FieldError } from '../../contracts/common';

/**
 * How deep a JSON body may nest. The deepest body the API takes (an energy mapping's
 * `content.lines[].splits[]`) is 6 levels; 32 leaves room for growth and still keeps every
 * recursive walk over a body (the text checks, zod, the audit copy) far from the stack's end.
 */
export const maxBodyDepth = 32;

/** How many field errors one answer lists; the rest are counted in `omittedFields`. */
export const maxReportedFieldErrors = 50;

const quote = 0x22;
const backslash = 0x5c;
const openBrace = 0x7b;
const openBracket = 0x5b;
const closeBrace = 0x7d;
const closeBracket = 0x5d;

/**
 * Whether JSON text nests deeper than `max`, read without parsing and without recursion, so a
 * body of a million brackets costs one pass over its characters and cannot overflow the stack.
 * Brackets inside strings do not count. Text that is not JSON is left for the parser to refuse.
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === backslash) i += 1;
      else if (char === quote) inString = false;
    } else if (char === quote) inString = true;
    else if (char === openBrace || char === openBracket) {
      depth += 1;
      if (depth > max) return true;
    } else if (char === closeBrace || char === closeBracket) depth -= 1;
  }
  return false;
}

/** The first field errors and how many more there were, so a body of 90 000 unknown keys answers
 * a few kilobytes, not megabytes. */
export function capFieldErrors(fields: FieldError[]): { fields: FieldError[]; omittedFields?: number } {
  if (fields.length <= maxReportedFieldErrors) return { fields };
  return { fields: fields.slice(0, maxReportedFieldErrors), omittedFields: fields.length - maxReportedFieldErrors };
}
