// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { changeLanguage, ensureLanguage, initI18n, loadFeatureTranslations } from './i18n';

// A route loads its feature's strings in the active language only (docs/quality.md P3: the sign-in
// page is the first thing a visitor downloads); choosing another language brings the other
// language's strings of every feature in use.

describe('feature strings', () => {
  it('loads the language chosen earlier only, and the other one when it is chosen', async () => {
    // As main.tsx starts for a visitor who chose English before.
    const i18n = initI18n('en');
    await ensureLanguage('en');
    await loadFeatureTranslations('auth');
    expect(i18n.t('auth.signIn.title')).toBe('Sign in');
    expect(i18n.getResourceBundle('sv', 'translation')?.auth).toBeUndefined();

    await changeLanguage('sv');
    expect(i18n.t('auth.signIn.title')).toBe('Logga in');
    expect(i18n.t('auth.secondFactor.title')).toBe('Tvåstegsverifiering');
  });
});
