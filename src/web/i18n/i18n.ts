import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, isLanguage, languageCookie, languages, type Language } from '../../core/languages';
import sv from './sv.json';

// Swedish is the default; the user's choice in this browser is remembered in localStorage and,
// when signed in, saved on their account too (see components/language-switch.tsx).
//
// The strings shared by the shell live here; each feature keeps its own in
// features/<feature>/i18n/{sv,en}.json, loaded with the feature's route (loadFeatureTranslations),
// so the first page carries only what it shows (docs/quality.md P3).

export { defaultLanguage, isLanguage, languages, type Language } from '../../core/languages';
type Tree = { [key: string]: string | Tree };

// Swedish ships with the entry; English loads when someone chooses it, so the first page carries
// one language's shared strings (docs/quality.md P3).
const resources = { sv: { translation: sv } } as const;
const otherLanguages: Record<Exclude<Language, 'sv'>, () => Promise<{ default: Tree }>> = {
  en: () => import('./en.json'),
};
const loadedLanguages = new Set<Language>(['sv']);

/** Makes sure the shared strings of a language are there before it is shown. */
export async function ensureLanguage(language: Language): Promise<void> {
  if (loadedLanguages.has(language)) return;
  const strings = (await otherLanguages[language as Exclude<Language, 'sv'>]()).default;
  i18next.addResourceBundle(language, 'translation', strings, true, true);
  loadedLanguages.add(language);
}

const storageKey = 'iiw.language';

const featureFiles = import.meta.glob<{ default: Tree }>('../features/*/i18n/*.json');
/** Features whose strings are in use, so that a change of language brings theirs along. */
const loadedFeatures = new Set<string>();

async function loadFeatureLanguage(feature: string, language: Language): Promise<void> {
  const load = featureFiles[`../features/${feature}/i18n/${language}.json`];
  if (!load) throw new Error(`No ${language} translations for the feature ${feature}`);
  i18next.addResourceBundle(language, 'translation', (await load()).default, true, true);
}

/**
 * Adds a feature's strings in the active language; a route awaits it before its page renders.
 * Another language's strings load when it is chosen (changeLanguage), so a visitor downloads one
 * language's strings, not all of them (docs/quality.md P3).
 */
export async function loadFeatureTranslations(feature: string): Promise<void> {
  loadedFeatures.add(feature);
  // The language asked for, not the resolved one: at start with a stored choice of English the
  // resolved language is still Swedish until English's strings are there.
  await loadFeatureLanguage(feature, isLanguage(i18next.language) ? i18next.language : defaultLanguage);
}

/** The shared strings and every feature's in one language: the server, which draws pages in either
 * language (decision 052), has them all at hand. */
export async function loadEveryStringOf(language: Language): Promise<void> {
  await ensureLanguage(language);
  const features = Object.keys(featureFiles)
    .filter((file) => file.endsWith(`/${language}.json`))
    .map((file) => file.split('/')[2]!);
  await Promise.all(features.map((feature) => loadFeatureLanguage(feature, language)));
}

/** The language chosen earlier in this browser, if any. */
export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function rememberLanguage(language: Language): void {
  document.cookie = `${languageCookie}=${language}; path=/; max-age=31536000; samesite=lax`;
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** A choice made before the cookie existed is given to the server too, for the next page load. */
export function keepLanguageCookie(language: Language): void {
  if (!document.cookie.split('; ').includes(`${languageCookie}=${language}`)) rememberLanguage(language);
}

/** The active language of the interface. */
export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : defaultLanguage;
}

/** Switches the interface language, remembers it and keeps <html lang> in step. */
export async function changeLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await ensureLanguage(language);
  await Promise.all([...loadedFeatures].map((feature) => loadFeatureLanguage(feature, language)));
  await i18next.changeLanguage(language);
}

/** Initialises i18next synchronously (resources are bundled), so the first render is translated. */
export function initI18n(language: Language = storedLanguage() ?? defaultLanguage): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: defaultLanguage,
      supportedLngs: [...languages],
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    // Prerendering at build time (src/web/prerender.tsx) has no document.
    if (typeof document === 'undefined') return i18next;
    i18next.on('languageChanged', (lng) => {
      document.documentElement.lang = lng;
    });
  }
  if (typeof document !== 'undefined') document.documentElement.lang = i18next.resolvedLanguage ?? language;
  return i18next;
}

export { i18next };
