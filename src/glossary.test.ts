import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// One word for one thing (docs/glossary.md): the glossary's "Words we do not use" table is the
// rule, read here, so adding a row there is all it takes to keep a word out of the interface.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
type Language = 'sv' | 'en';
type Rule = { language: Language; pattern: RegExp; write: string };

/** The rows of the glossary's table, a cell's escaped pipes restored. */
function rules(): Rule[] {
  const glossary = fs.readFileSync(path.join(root, 'docs/glossary.md'), 'utf8');
  const section = glossary.slice(glossary.indexOf('## Words we do not use'));
  return section
    .split('\n')
    .filter((line) => /^\| (sv|en) \|/.test(line))
    .map((line) => {
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, '|'));
      return {
        language: cells[0] as Language,
        pattern: new RegExp(cells[1]!.replace(/^`|`$/g, ''), 'u'),
        write: cells[2]!,
      };
    });
}

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, keep);
    return keep(full) ? [full] : [];
  });
}

/** Every string of the web's translations in one language, with its key. */
function pageStrings(language: Language): { where: string; text: string }[] {
  const files = filesUnder(path.join(root, 'src/web'), (file) => file.endsWith(`/i18n/${language}.json`));
  const found: { where: string; text: string }[] = [];
  const walk = (value: unknown, where: string) => {
    if (typeof value === 'string') found.push({ where, text: value });
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, `${where}.${key}`);
    }
  };
  for (const file of files) walk(JSON.parse(fs.readFileSync(file, 'utf8')), path.relative(root, file));
  return found;
}

// A literal is Swedish text when it has å, ä or ö or a common Swedish word, or is one capitalised
// word (a column header or a label such as 'Grund'); lower-case codes like 'coach' are not text.
const swedish = /[åäöÅÄÖ]|\b(och|att|för|med|är|som|av|till|har|ska|inte)\b|^[A-Z][a-z]+$/;

/** The Swedish texts of the server (e-mails, exports, documents): its string literals in Swedish. */
function serverSwedishStrings(): { where: string; text: string }[] {
  const files = filesUnder(
    path.join(root, 'src/server'),
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('/test/'),
  );
  return files.flatMap((file) => {
    const source = fs.readFileSync(file, 'utf8');
    const literals = source.match(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g) ?? [];
    return literals
      .map((literal) => literal.slice(1, -1))
      .filter((text) => swedish.test(text))
      .map((text) => ({ where: path.relative(root, file), text }));
  });
}

describe('the glossary', () => {
  const all = rules();

  it('has rules for both languages', () => {
    expect(all.filter((rule) => rule.language === 'sv').length).toBeGreaterThan(3);
    expect(all.filter((rule) => rule.language === 'en').length).toBeGreaterThan(1);
  });

  it.each(['sv', 'en'] as const)('no page string in %s uses a word the glossary does not use', (language) => {
    const strings = pageStrings(language);
    expect(strings.length).toBeGreaterThan(500);
    const misses = all
      .filter((rule) => rule.language === language)
      .flatMap((rule) =>
        strings
          .filter(({ text }) => rule.pattern.test(text))
          .map(({ where, text }) => `${where}: "${text}" (write ${rule.write})`),
      );
    expect(misses).toEqual([]);
  });

  it('no Swedish text of the server uses a word the glossary does not use', () => {
    const strings = serverSwedishStrings();
    const misses = all
      .filter((rule) => rule.language === 'sv')
      .flatMap((rule) =>
        strings
          .filter(({ text }) => rule.pattern.test(text))
          .map(({ where, text }) => `${where}: "${text}" (write ${rule.write})`),
      );
    expect(misses).toEqual([]);
  });

  it('catches a word it names, so the check itself works', () => {
    const coach = all.find((rule) => rule.language === 'sv' && rule.pattern.test('Er coach'));
    expect(coach?.write).toBe('industriutvecklare');
    expect(coach?.pattern.test('Coachning')).toBe(false);
    const notYet = all.find((rule) => rule.pattern.test('Inga mätningar än.'));
    expect(notYet?.pattern.test('fler än 1 000')).toBe(false);
    const currency = all.find((rule) => rule.language === 'sv' && rule.pattern.test('Belopp (SEK)'));
    expect(currency?.write).toBe('kr');
    expect(currency?.pattern.test('sekundär')).toBe(false);
    const download = all.find((rule) => rule.language === 'sv' && rule.pattern.test('Ladda ned .xlsx'));
    expect(download?.write).toBe('Ladda ner');
    expect(download?.pattern.test('Ladda ner .xlsx')).toBe(false);
  });
});
