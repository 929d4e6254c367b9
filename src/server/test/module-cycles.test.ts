import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

// Server modules depend on each other one way (docs/architecture.md "Server modules"): a circle
// (companies → contacts → companies, as there was) means neither can be read or changed alone.
// Tests are left out: they may set up data through any module.
const modulesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../modules');

function moduleImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const module of readdirSync(modulesDir)) {
    const uses = new Set<string>();
    for (const file of readdirSync(join(modulesDir, module))) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const text = readFileSync(join(modulesDir, module, file), 'utf8');
      for (const [, other] of text.matchAll(/from '\.\.\/([a-z-]+)\//g)) if (other !== module) uses.add(other!);
    }
    graph.set(module, uses);
  }
  return graph;
}

/** Every module that reaches `start` again by following imports, as the path that closes the circle. */
function circleThrough(graph: Map<string, Set<string>>, start: string): string[] | undefined {
  const seen = new Set<string>();
  const walk = (module: string, path: string[]): string[] | undefined => {
    for (const next of graph.get(module) ?? []) {
      if (next === start) return [...path, next];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}

describe('server module imports', () => {
  it('run one way: no module reaches itself again through the others', () => {
    const graph = moduleImports();
    const circles = [...graph.keys()].flatMap((module) => {
      const circle = circleThrough(graph, module);
      return circle ? [circle.join(' → ')] : [];
    });
    expect(circles).toEqual([]);
  });

  it('finds the modules that contacts uses, so an empty answer above means something', () => {
    expect([...(moduleImports().get('contacts') ?? [])]).toContain('company-access');
  });
});
