import { maturityAreas } from '../../core/maturity-areas';
import { actionCatalogueFileSchema, type CatalogueEntry } from '../../contracts/action-catalogue';
import { parseContent, readContentJson } from './content-file';

// The catalogue of suggested actions (content/action-catalogue/<area>.json, see its README) is
// content: read and checked once at import, so a bad edit stops the server naming the file and the
// problem. Keys are unique across the whole catalogue, since a company's adopted and dismissed
// suggestions are kept by key.

const folder = 'content/action-catalogue';

/** Validates one area's file; throws naming the file, the path and the entry as written. */
export function parseActionCatalogueFile(raw: unknown, label: string, expectedArea: string): CatalogueEntry[] {
  const file = parseContent(actionCatalogueFileSchema, raw, label, 'actions');
  if (file.area !== expectedArea)
    throw new Error(`${label} is invalid:\n  area: "${file.area}" in the file of ${expectedArea}`);
  return file.actions.map((action) => ({ ...action, area: file.area }));
}

/** Joins the areas' files in the ladder's order; a key used in two areas throws naming both files. */
export function joinCatalogue(
  files: readonly { label: string; entries: readonly CatalogueEntry[] }[],
): CatalogueEntry[] {
  const firstFile = new Map<string, string>();
  const problems: string[] = [];
  for (const { label, entries } of files) {
    for (const entry of entries) {
      const earlier = firstFile.get(entry.key);
      if (earlier) problems.push(`${label}: key "${entry.key}" is already used in ${earlier}`);
      else firstFile.set(entry.key, label);
    }
  }
  if (problems.length > 0) throw new Error(`${folder} is invalid:\n  ${problems.join('\n  ')}`);
  return files.flatMap((file) => file.entries);
}

/** Reads content/action-catalogue/<area>.json for every area. */
export function loadActionCatalogue(): CatalogueEntry[] {
  return joinCatalogue(
    maturityAreas.map((area) => {
      const label = `${folder}/${area}.json`;
      return { label, entries: parseActionCatalogueFile(readContentJson(label), label, area) };
    }),
  );
}

/** Every suggested action, area by area in the ladder's order, each area in its editors' order. */
export const actionCatalogue: readonly CatalogueEntry[] = loadActionCatalogue();
