// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { hoursText } from './format';
import { initI18n } from '../i18n/i18n';
import signedInEn from '../features/signed-in/i18n/en.json';
import signedInSv from '../features/signed-in/i18n/sv.json';
import companiesEn from '../features/companies/i18n/en.json';
import companiesSv from '../features/companies/i18n/sv.json';

// Issue 16: the interventions' total goes through i18next's plural forms, for the hours and for the
// interventions alike ("2,5 timmar i 1 insats", never "1 insatser" or "1 timmar").

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe("the company's interventions total", () => {
  const i18n = initI18n('sv');
  for (const [language, bundle] of [
    ['sv', signedInSv],
    ['sv', companiesSv],
    ['en', signedInEn],
    ['en', companiesEn],
  ] as const)
    i18n.addResourceBundle(language, 'translation', bundle, true, true);

  it.each([
    ['sv', 2.5, 1, '2,5 timmar i 1 insats'],
    ['sv', 1, 1, '1 timme i 1 insats'],
    ['sv', 6, 3, '6 timmar i 3 insatser'],
    ['en', 1, 1, '1 hour in 1 intervention'],
    ['en', 2.5, 2, '2,5 hours in 2 interventions'],
  ] as const)('in %s, %s hours in %s reads "%s"', (language, hours, count, expected) => {
    const t = i18n.getFixedT(language);
    expect(plain(t('interventions.list.total', { hoursText: hoursText(t, hours), count }))).toBe(expected);
  });
});
