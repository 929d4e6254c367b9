import { describe, expect, it } from 'vitest';
import en from './en.json';
import sv from './sv.json';

// The common strings and every feature's own files (features/<feature>/i18n/{sv,en}.json),
// checked as one tree per language: together they are what the app can show.
const featureFiles = import.meta.glob<{ default: Tree }>('../features/*/i18n/*.json', { eager: true });
const featureTree = (language: string): Tree[] =>
  Object.entries(featureFiles)
    .filter(([path]) => path.endsWith(`/${language}.json`))
    .map(([, module]) => module.default);

type Tree = { [key: string]: string | Tree };

/** Every leaf of a translation tree as "dotted.key" → text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [leafKey, leafValue] of leaves(value, path)) result.set(leafKey, leafValue);
  }
  return result;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const merged = (trees: Tree[]) => new Map(trees.flatMap((tree) => [...leaves(tree)]));
const svLeaves = merged([sv as Tree, ...featureTree('sv')]);
const enLeaves = merged([en as Tree, ...featureTree('en')]);

describe('translations', () => {
  it('has every Swedish key in English', () => {
    const missing = [...svLeaves.keys()].filter((key) => !enLeaves.has(key));
    expect(missing).toEqual([]);
  });

  it('has every English key in Swedish', () => {
    const missing = [...enLeaves.keys()].filter((key) => !svLeaves.has(key));
    expect(missing).toEqual([]);
  });

  it('has no empty text in either language', () => {
    const empty = [...svLeaves, ...enLeaves].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages, so no value goes missing in one of them', () => {
    const differing = [...svLeaves].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(enLeaves.get(key) ?? '').join(),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('finds every feature that has strings, in both languages', () => {
    const features = (language: string) =>
      Object.keys(featureFiles)
        .filter((path) => path.endsWith(`/${language}.json`))
        .map((path) => path.split('/')[2])
        .sort();
    expect(features('sv')).toEqual(features('en'));
    expect(features('sv')).toContain('companies');
  });

  it('finds a key missing in one language (the check itself works)', () => {
    const broken = leaves({ a: { b: 'x', c: 'y' } });
    const other = leaves({ a: { b: 'x' } });
    expect([...broken.keys()].filter((key) => !other.has(key))).toEqual(['a.c']);
  });
});
