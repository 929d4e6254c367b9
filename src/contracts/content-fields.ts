import { z } from 'zod';

// Fields shared by the content files' schemas. Texts exist in Swedish and English, both non-empty
// (content/README.md). The maturity branch defines localisedTextSchema in contracts/maturity.ts too:
// keep one at merge.

const nonEmpty = z.string().trim().min(1, { error: 'Must not be empty' });

export const localisedTextSchema = z.strictObject({ sv: nonEmpty, en: nonEmpty });
export type LocalisedText = z.infer<typeof localisedTextSchema>;

/** A snake_case key of a content entry (carrier, unit, catalogue action, dimension). */
export const contentKeySchema = z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'A snake_case key' });

/** Reports each entry of `list` (at `path`) whose `field` repeats an earlier entry's, so the message names it. */
export function refineUnique<T, K extends keyof T & string>(
  ctx: z.RefinementCtx,
  list: readonly T[],
  path: readonly (string | number)[],
  field: K,
  message: string,
): void {
  const seen = new Set<T[K]>();
  list.forEach((entry, index) => {
    if (seen.has(entry[field])) ctx.addIssue({ code: 'custom', message, path: [...path, index, field] });
    seen.add(entry[field]);
  });
}
