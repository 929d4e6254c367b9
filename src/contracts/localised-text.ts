import { z } from 'zod';

// Texts of content files exist in Swedish and English, both non-empty (content/README.md).
// The maturity branch defines the same schema in contracts/maturity.ts: keep one at merge.

const nonEmpty = z.string().trim().min(1, { error: 'Must not be empty' });

export const localisedTextSchema = z.strictObject({ sv: nonEmpty, en: nonEmpty });
export type LocalisedText = z.infer<typeof localisedTextSchema>;

/** A snake_case key of a content entry (carrier, factor set, catalogue action, dimension). */
export const contentKeySchema = z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'A snake_case key' });
