// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { changeLanguage, initI18n, loadFeatureTranslations } from './i18n';

// A route loads its feature's strings in the active language only (QUALITY.md P3: the sign-in
// page is the first thing a visitor downloads); choosing another language brings the other
// language's strings of every feature in use.

describe('feature strings', () => {
  it('loads the active language only, and the other one when it is chosen', async () => {
    const i18n = initI18n('sv');
    await loadFeatureTranslations('auth');
    expect(i18n.t('auth.signIn.title')).toBe('Logga in');
    expect(i18n.getResourceBundle('en', 'translation')?.auth).toBeUndefined();

    await changeLanguage('en');
    expect(i18n.t('auth.signIn.title')).toBe('Sign in');
    expect(i18n.t('auth.secondFactor.title')).toBe('Two-step verification');
  });
});
