import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

// Every document the code and the docs name is in the repository: a comment that says "decision
// NNN" sends the reader to a record, and a record that was never committed leaves them with the
// code alone. The scan covers the files git knows (tracked, and new ones not ignored), so a
// reference fails here before its commit does. No database: this reads files only.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

// Generated data, not prose: the lock file and the benchmarks' result files.
const skipped = [/^package-lock\.json$/, /^bench\/results\//, /(^|\/)(node_modules|dist|data)(\/|$)/];

function scannedFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return [...new Set(listed.split('\0'))]
    .filter((path) => path !== '' && !skipped.some((pattern) => pattern.test(path)))
    .filter((path) => existsSync(resolve(repoRoot, path)));
}

function textOf(path: string): string | undefined {
  const bytes = readFileSync(resolve(repoRoot, path));
  // A NUL byte marks a binary file (fonts, images): nothing to read there.
  return bytes.includes(0) ? undefined : bytes.toString('utf8');
}

const decisionFiles = readdirSync(resolve(repoRoot, 'docs/decisions'));
const hasDecision = (number: string) =>
  decisionFiles.some((name) => name.startsWith(`${number}-`) && name.endsWith('.md'));

type Missing = { at: string; what: string };

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

// "decision 021", "Decisions 010 and 013", "decisions 027, 028", "decisions 007–010" (a range), also
// when a comment wraps between the word and the number.
const decisionReference = /\b[Dd]ecisions?(?:\s|\/\/|\*|#|--)+(\d{3})((?:\s*(?:,|and|or|to)\s*\d{3}\b|[–-]\d{3}\b)*)/g;

function decisionNumbers(first: string, rest: string): string[] {
  const numbers = [first];
  // A range is "to", or a dash with no space around it ("007–010"); "031 – 250" is not one.
  for (const [, word, dash, number] of rest.matchAll(/(?:\s*(,|and|or|to)\s*|([–-]))(\d{3})/g)) {
    if (word === 'to' || dash !== undefined) {
      for (let n = Number(numbers.at(-1)) + 1; n < Number(number); n += 1) numbers.push(String(n).padStart(3, '0'));
    }
    numbers.push(number!);
  }
  return numbers;
}

// docs/quality.md, docs/decisions/013-maturity-scoring.md, or a record by its number alone
// (docs/decisions/013). docs/style.md's template name (NNN-title) is not a reference.
const docsPath = /(?<![\w-])docs\/((?:decisions\/)?(?!NNN)[\w.-]+?\.md|decisions\/\d{3}(?![\w-]))/g;

// Names of documents that live in another repository (the planning notes), never in this one.
const foreignReference = /\.\.\/shared\b/g;
const upperCaseDocument = /(?<![\w-])([A-Z][A-Z0-9_]*\.md)\b/g;

// A link in a Markdown file to a file of the repository, relative to the file that holds it.
const markdownLink = /\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g;

function missingReferences(): Missing[] {
  const files = scannedFiles();
  const heldNames = new Set(files.map((path) => posix.basename(path)));
  const missing: Missing[] = [];
  for (const path of files) {
    const text = textOf(path);
    if (text === undefined) continue;
    const at = (index: number) => `${path}:${lineOf(text, index)}`;

    for (const match of text.matchAll(decisionReference)) {
      for (const number of decisionNumbers(match[1]!, match[2] ?? '')) {
        if (!hasDecision(number))
          missing.push({ at: at(match.index), what: `decision ${number}: no docs/decisions/${number}-*.md` });
      }
    }
    for (const match of text.matchAll(docsPath)) {
      const target = match[1]!;
      const number = /^decisions\/(\d{3})$/.exec(target)?.[1];
      const held = number === undefined ? existsSync(resolve(repoRoot, 'docs', target)) : hasDecision(number);
      if (!held) missing.push({ at: at(match.index), what: `docs/${target}: no such file` });
    }
    for (const match of text.matchAll(foreignReference)) {
      missing.push({ at: at(match.index), what: `${match[0]} (another repository; refer to docs/*)` });
    }
    for (const match of text.matchAll(upperCaseDocument)) {
      if (!heldNames.has(match[1]!)) missing.push({ at: at(match.index), what: `${match[1]} (refer to docs/*)` });
    }
    if (path.endsWith('.md')) {
      for (const match of text.matchAll(markdownLink)) {
        const target = match[1]!;
        if (/^[a-z][a-z+.-]*:/i.test(target) || target.startsWith('/')) continue;
        if (!existsSync(resolve(repoRoot, posix.dirname(path), target))) {
          missing.push({ at: at(match.index), what: `link to ${target}: no such file` });
        }
      }
    }
  }
  return missing;
}

describe('document references', () => {
  it('name only documents the repository holds', () => {
    const missing = new Set(missingReferences().map(({ at, what }) => `${at}: ${what}`));
    expect([...missing].join('\n')).toBe('');
  });

  it('find the references they look for', () => {
    // The scan is only as good as its patterns: prove they read the forms the files use.
    const forms = [
      'see decision 021.',
      '(decisions 027, 028)',
      'the two benchmarks (decisions 010 and 013)',
      'decision 031 – 250 companies',
      '[decisions 007–010](decisions/)',
      '// the dashboard (decision\n// 034)',
    ];
    const numbers = forms.flatMap((text) =>
      [...text.matchAll(decisionReference)].flatMap((match) => decisionNumbers(match[1]!, match[2] ?? '')),
    );
    expect(numbers).toEqual(['021', '027', '028', '010', '013', '031', '007', '008', '009', '010', '034']);
    const paths = [
      ...'docs/quality.md, docs/decisions/013. and docs/decisions/NNN-title.md, /api/docs/json'.matchAll(docsPath),
    ];
    expect(paths.map((match) => match[1])).toEqual(['quality.md', 'decisions/013']);
    // The name is put together so that this file does not name it.
    const foreignName = ['DESIGN', 'md'].join('.');
    const names = [...`see ${foreignName} and bench/README.md`.matchAll(upperCaseDocument)].map((match) => match[1]);
    expect(names).toEqual([foreignName, 'README.md']);
  });
});
