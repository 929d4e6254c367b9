import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { projectRoot } from '../paths';

// Content files are data reviewed like code: read and checked once at import, so a bad edit stops
// the server at start with a message naming the file, the path and the entry as written.

const root = projectRoot;

/** Validates parsed content; `listKey` names the array whose entries the message quotes. */
export function parseContent<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  label: string,
  listKey: string,
): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const entries = (raw as Record<string, unknown> | null)?.[listKey];
  const problems = result.error.issues.map((issue) => {
    const [key, index] = issue.path;
    const entry = key === listKey && typeof index === 'number' && Array.isArray(entries) ? entries[index] : undefined;
    const where = issue.path.map(String).join('.') || '(root)';
    return entry === undefined
      ? `${where}: ${issue.message}`
      : `${where} (entry ${JSON.stringify(entry)}): ${issue.message}`;
  });
  throw new Error(`${label} is invalid:\n  ${problems.join('\n  ')}`);
}

/** Reads a JSON file under content/ (path relative to the repository root). */
export function readContentJson(fileName: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, fileName), 'utf8'));
  } catch (error) {
    throw new Error(`${fileName} could not be read as JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** The JSON files of a folder under content/ (relative paths, sorted), for content kept one file per entry. */
export function listContentJson(folder: string): string[] {
  const names = fs.readdirSync(path.join(root, folder)).filter((name) => name.endsWith('.json'));
  return names.sort().map((name) => `${folder}/${name}`);
}
