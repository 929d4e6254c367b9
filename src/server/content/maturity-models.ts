import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { maturityAreas } from '../../core/maturity-areas';
import { maturityModelContentSchema, type MaturityModelContent } from '../../contracts/maturity';
import type { Db } from '../db/client';
import { maturityModels } from '../db/schema';
import { projectPath } from '../paths';
import { parseContent } from './content-file';

// The maturity models are content (content/maturity/<area>/vN.json, see its README). They are read
// and validated at start; each version is stored once in maturity_models and never changed, so a
// measurement keeps scoring with the version it used (docs/decisions/013).

export const defaultMaturityContentDir = projectPath('content', 'maturity');

export type MaturityModelFile = { file: string; content: MaturityModelContent; contentHash: string };

/** A stable fingerprint of a model's content: key order and whitespace in the file do not matter. */
export function contentHash(content: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(content)))
    .digest('hex');
}

/** Reads and validates every content/maturity/<area>/vN.json; a bad file throws naming it and the problem. */
export function loadMaturityModels(dir: string = defaultMaturityContentDir): MaturityModelFile[] {
  const models: MaturityModelFile[] = [];
  for (const area of maturityAreas) {
    const areaDir = path.join(dir, area);
    if (!fs.existsSync(areaDir)) continue;
    for (const name of fs.readdirSync(areaDir).sort()) {
      const match = /^v(\d+)\.json$/.exec(name);
      if (!match) continue;
      const file = path.relative(process.cwd(), path.join(areaDir, name));
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(path.join(areaDir, name), 'utf8'));
      } catch (error) {
        throw new Error(`${file} could not be read as JSON: ${(error as Error).message}`, { cause: error });
      }
      const content = parseContent(maturityModelContentSchema, raw, file, 'dimensions');
      if (content.area !== area)
        throw new Error(`${file} is invalid:\n  area: "${content.area}" in the folder ${area}`);
      if (content.version !== Number(match[1])) {
        throw new Error(`${file} is invalid:\n  version: ${content.version} in a file named ${name}`);
      }
      models.push({ file, content, contentHash: contentHash(content) });
    }
  }
  return models;
}

/**
 * Stores each model version not yet stored. A version already stored whose file now differs stops
 * the start: a published version is immutable, an edit is a new version (content/maturity/README.md).
 */
export async function syncMaturityModels(db: Db, models: readonly MaturityModelFile[]): Promise<void> {
  for (const model of models) {
    const { area, version } = model.content;
    const [stored] = await db
      .select({ contentHash: maturityModels.contentHash })
      .from(maturityModels)
      .where(and(eq(maturityModels.area, area), eq(maturityModels.version, version)));
    if (stored && stored.contentHash !== model.contentHash) {
      throw new Error(
        `${model.file} changed after version ${version} of ${area} was published. Published versions never change: ` +
          `restore the file and put the edit in v${version + 1}.json with "version": ${version + 1}.`,
      );
    }
    if (!stored) {
      await db
        .insert(maturityModels)
        .values({ id: randomUUID(), area, version, content: model.content, contentHash: model.contentHash })
        .onConflictDoNothing();
    }
  }
}

let cached: MaturityModelFile[] | undefined;

/** The models of content/maturity, read once per process. */
export function bundledMaturityModels(): MaturityModelFile[] {
  cached ??= loadMaturityModels();
  return cached;
}
