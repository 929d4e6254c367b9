import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { maturityAreas } from '../../core/maturity-areas';
import { contentHash, defaultMaturityContentDir, loadMaturityModels } from './maturity-models';

// The maturity content is checked at load: every text in both languages, every step described.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A content folder holding one file: the real foundation v1 after `edit`. */
function folderWith(edit: (model: Record<string, any>) => void, name = 'v1.json'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-content-'));
  dirs.push(dir);
  const model = JSON.parse(fs.readFileSync(path.join(defaultMaturityContentDir, 'foundation', 'v1.json'), 'utf8'));
  edit(model);
  fs.mkdirSync(path.join(dir, 'foundation'));
  fs.writeFileSync(path.join(dir, 'foundation', name), JSON.stringify(model));
  return dir;
}

describe('the maturity content in content/maturity', () => {
  it('holds a valid version 1 of all five areas', () => {
    const models = loadMaturityModels();
    expect(models.filter((m) => m.content.version === 1).map((m) => m.content.area)).toEqual([...maturityAreas]);
  });

  it('has every text in Swedish and English and every step described (checked by the schema at load)', () => {
    for (const { content } of loadMaturityModels()) {
      const texts = [
        content.name,
        content.summary,
        ...content.dimensions.flatMap((d) => [
          d.name,
          d.description,
          ...d.questions.flatMap((q) => [q.text, q.guidance, ...q.options.map((o) => o.text)]),
        ]),
        ...content.steps.flatMap((s) => [s.name, s.description]),
      ];
      for (const text of texts) expect(text.sv.length * text.en.length).toBeGreaterThan(0);
    }
  });
});

describe('loadMaturityModels', () => {
  const cases: { sentence: string; edit: (model: Record<string, any>) => void; problem: RegExp }[] = [
    {
      sentence: 'a text without English',
      edit: (m) => delete m.dimensions[0].questions[0].text.en,
      problem: /dimensions\.0\.questions\.0\.text\.en/,
    },
    {
      sentence: 'an empty Swedish text',
      edit: (m) => (m.summary.sv = ' '),
      problem: /summary\.sv: Must not be empty/,
    },
    {
      sentence: 'a step without a description',
      edit: (m) => delete m.steps[2].description,
      problem: /steps\.2\.description/,
    },
    { sentence: 'four steps', edit: (m) => m.steps.pop(), problem: /Exactly 5 steps/ },
    {
      sentence: 'options out of order',
      edit: (m) => m.dimensions[0].questions[0].options.reverse(),
      problem: /levels 1\.\.5 in ascending order/,
    },
    {
      sentence: 'a question key used twice',
      edit: (m) => (m.dimensions[1].questions[0].key = m.dimensions[0].questions[0].key),
      problem: /used twice/,
    },
    {
      sentence: 'another area in the folder',
      edit: (m) => (m.area = 'digitalisation'),
      problem: /area: "digitalisation"/,
    },
  ];
  it.each(cases)('refuses $sentence, naming the file and the problem', ({ edit, problem }) => {
    const dir = folderWith(edit);
    expect(() => loadMaturityModels(dir)).toThrow(/foundation\/v1\.json is invalid/);
    expect(() => loadMaturityModels(dir)).toThrow(problem);
  });

  it('refuses a version that does not match the file name', () => {
    expect(() => loadMaturityModels(folderWith(() => {}, 'v2.json'))).toThrow(/version: 1 in a file named v2\.json/);
  });

  it('fingerprints the content, not the layout of the file', () => {
    expect(contentHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(contentHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
});
