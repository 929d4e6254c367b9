import { describe, expect, it } from 'vitest';
import { indicatorRuleKeys, indicatorRules } from '../../core/indicators';
import { readContentJson } from './content-file';
import { indicatorCatalogue, parseIndicatorCatalogue } from './indicators';

describe('the indicator catalogue (content/indicators/catalogue.json)', () => {
  it('holds RCO01 and RCO04 and the result indicators, each with a rule the core has', () => {
    expect(indicatorCatalogue.map((i) => i.code)).toEqual([
      'RCO01',
      'RCO04',
      'PART',
      'GEO',
      'RES_ENERGY',
      'RES_GHG',
      'RES_STEP',
      'RES_PLAN',
    ]);
    for (const indicator of indicatorCatalogue) expect(typeof indicatorRules[indicator.rule]).toBe('function');
    expect(Object.keys(indicatorRules).sort()).toEqual([...indicatorRuleKeys].sort());
  });

  it('refuses an entry whose rule the core does not have, naming the file and the entry', () => {
    const raw = readContentJson('content/indicators/catalogue.json') as { indicators: { rule: string }[] };
    raw.indicators[0]!.rule = 'rco99';
    expect(() => parseIndicatorCatalogue(raw)).toThrow(/catalogue\.json is invalid:\n {2}indicators\.0\.rule \(entry .*RCO01/);
  });

  it('refuses a code given twice', () => {
    const raw = readContentJson('content/indicators/catalogue.json') as { indicators: { code: string }[] };
    raw.indicators[1]!.code = 'RCO01';
    expect(() => parseIndicatorCatalogue(raw)).toThrow(/duplicate code/);
  });
});
