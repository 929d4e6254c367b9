import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { suggestActions } from '../../core/action-suggestions';
import { maturityAreas, type MaturityArea } from '../../core/maturity-areas';
import { actionCatalogue, joinCatalogue, parseActionCatalogueFile } from './action-catalogue';

const inArea = (area: MaturityArea) => actionCatalogue.filter((action) => action.area === area);

// The current maturity model of an area: the highest vN.json under content/maturity/<area>/, or
// null while that content is not in this checkout (it is written on another branch).
const maturityDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content/maturity');
function currentModelDimensions(area: MaturityArea): string[] | null {
  const areaDir = path.join(maturityDir, area);
  if (!fs.existsSync(areaDir)) return null;
  const versions = fs
    .readdirSync(areaDir)
    .map((name) => /^v(\d+)\.json$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  const newest = versions[0];
  if (!newest) return null;
  const model = JSON.parse(fs.readFileSync(path.join(areaDir, newest[0]), 'utf8')) as { dimensions: { key: string }[] };
  return model.dimensions.map((dimension) => dimension.key);
}

describe('content/action-catalogue', () => {
  it.each(maturityAreas)('holds 8 to 15 suggested actions for %s', (area) => {
    expect(inArea(area).length).toBeGreaterThanOrEqual(8);
    expect(inArea(area).length).toBeLessThanOrEqual(15);
  });

  it('uses each key once across the whole catalogue', () => {
    const keys = actionCatalogue.map((action) => action.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes every title and description in Swedish and in English, translated', () => {
    for (const action of actionCatalogue) {
      for (const text of [action.title, action.description]) {
        expect(text.sv.trim().length, action.key).toBeGreaterThan(0);
        expect(text.en.trim().length, action.key).toBeGreaterThan(0);
        expect(text.sv, action.key).not.toBe(text.en);
      }
      if (action.typicalEffect) expect(action.typicalEffect.note.sv).not.toBe(action.typicalEffect.note.en);
    }
  });

  it('describes every action concretely in 2 to 4 sentences in both languages', () => {
    for (const action of actionCatalogue) {
      for (const language of ['sv', 'en'] as const) {
        const sentences = action.description[language].match(/[.!?](\s|$)/g)?.length ?? 0;
        expect(sentences, `${action.key} (${language})`).toBeGreaterThanOrEqual(2);
        expect(sentences, `${action.key} (${language})`).toBeLessThanOrEqual(4);
      }
    }
  });

  it.each(maturityAreas)('has an action for a company at every step of %s', (area) => {
    const steps = new Set(inArea(area).flatMap((action) => action.forSteps));
    expect([...steps].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('names the measures the issue asks for', () => {
    const keys = new Set(actionCatalogue.map((action) => action.key));
    for (const key of [
      'compressed_air_leak_detection',
      'led_with_presence_control',
      'compressor_heat_recovery',
      'lower_heating_and_ventilation',
      'peak_power_control',
      'sub_metering_per_machine',
      'scrap_root_cause_analysis',
      'five_s_pilot',
      'material_reuse_loop',
      'take_back_pilot',
      'remanufacturing',
      'product_as_a_service_pilot',
      'design_for_disassembly',
      'production_data_collection',
      'erp_mes_integration',
      'digital_work_instructions',
      'competence_plan',
      'management_team_change_agenda',
      'vision_workshop',
    ]) {
      expect(keys.has(key), key).toBe(true);
    }
  });

  describe.each(maturityAreas)('against the current %s maturity model', (area) => {
    const dimensions = currentModelDimensions(area);

    it.runIf(dimensions !== null)('lifts only dimensions the model has', () => {
      for (const action of inArea(area)) {
        for (const key of action.dimensionKeys) expect(dimensions, `${action.key} → ${key}`).toContain(key);
      }
    });

    it.runIf(dimensions !== null)('lifts every dimension of the model with at least one action', () => {
      const lifted = new Set(inArea(area).flatMap((action) => action.dimensionKeys));
      for (const key of dimensions ?? []) expect(lifted.has(key), key).toBe(true);
    });
  });

  it('suggests compressed-air leak detection first to a company at step 1 whose energy efficiency is weakest', () => {
    const suggestions = suggestActions(
      {
        area: 'energy_transition',
        step: 1,
        dimensions: [
          { key: 'energy_management', score: 20 },
          { key: 'energy_efficiency', score: 5 },
          { key: 'energy_mapping', score: 10 },
        ],
      },
      actionCatalogue,
    );
    expect(suggestions[0]).toMatchObject({
      action: { key: 'compressed_air_leak_detection' },
      reason: { kind: 'weak_dimension', dimensionKey: 'energy_efficiency', targetStep: 2 },
    });
    expect(suggestions[1]?.action.key).toBe('energy_use_per_carrier');
    expect(suggestions).toHaveLength(5);
  });
});

describe('parseActionCatalogueFile', () => {
  const label = 'content/action-catalogue/foundation.json';
  const action = (overrides: object) => ({
    key: 'vision_workshop',
    forSteps: [1, 2],
    dimensionKeys: ['vision'],
    title: { sv: 'Visionsworkshop', en: 'Vision workshop' },
    description: { sv: 'Gör så. Och så.', en: 'Do this. And that.' },
    ...overrides,
  });
  const file = (...actions: object[]) => ({ area: 'foundation', actions });

  it('accepts a valid file and gives each action its area', () => {
    expect(parseActionCatalogueFile(file(action({})), label, 'foundation')).toEqual([
      expect.objectContaining({ key: 'vision_workshop', area: 'foundation' }),
    ]);
  });

  const invalid: { sentence: string; raw: unknown; message: RegExp }[] = [
    {
      sentence: 'a description without English',
      raw: file(action({ description: { sv: 'Gör så.', en: ' ' } })),
      message: /actions\.0\.description\.en \(entry .*vision_workshop.*\): Must not be empty/,
    },
    {
      sentence: 'steps out of order',
      raw: file(action({ forSteps: [2, 1] })),
      message: /actions\.0\.forSteps .*: Steps in ascending order, each once/,
    },
    { sentence: 'a step 6', raw: file(action({ forSteps: [6] })), message: /actions\.0\.forSteps\.0/ },
    {
      sentence: 'a key given twice',
      raw: file(action({}), action({})),
      message: /actions\.1\.key .*: duplicate key/,
    },
    {
      sentence: 'an unknown effect kind',
      raw: file(action({ typicalEffect: { kind: 'litres', note: { sv: 'a', en: 'b' } } })),
      message: /actions\.0\.typicalEffect\.kind/,
    },
    {
      sentence: 'an unexpected field',
      raw: file(action({ priority: 1 })),
      message: /actions\.0 \(entry .*vision_workshop.*\)/,
    },
  ];

  it.each(invalid)('refuses $sentence, naming the file and the entry', ({ raw, message }) => {
    expect(() => parseActionCatalogueFile(raw, label, 'foundation')).toThrow(
      /action-catalogue\/foundation\.json is invalid/,
    );
    expect(() => parseActionCatalogueFile(raw, label, 'foundation')).toThrow(message);
  });

  it('refuses a file whose area is not its name', () => {
    expect(() =>
      parseActionCatalogueFile({ ...file(action({})), area: 'digitalisation' }, label, 'foundation'),
    ).toThrow(/foundation\.json is invalid:\n {2}area: "digitalisation" in the file of foundation/);
  });

  it('refuses a key used in two areas, naming both files', () => {
    const entry = parseActionCatalogueFile(file(action({})), label, 'foundation')[0]!;
    expect(() =>
      joinCatalogue([
        { label: 'a/foundation.json', entries: [entry] },
        { label: 'a/digitalisation.json', entries: [{ ...entry, area: 'digitalisation' }] },
      ]),
    ).toThrow(/a\/digitalisation\.json: key "vision_workshop" is already used in a\/foundation\.json/);
  });
});
