import { describe, expect, it } from 'vitest';
import en from './en.json';
import sv from './sv.json';

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

const svLeaves = leaves(sv as Tree);
const enLeaves = leaves(en as Tree);

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

  it('finds a key missing in one language (the check itself works)', () => {
    const broken = leaves({ a: { b: 'x', c: 'y' } });
    const other = leaves({ a: { b: 'x' } });
    expect([...broken.keys()].filter((key) => !other.has(key))).toEqual(['a.c']);
  });
});
