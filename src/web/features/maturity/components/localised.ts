import { useTranslation } from 'react-i18next';
import type { LocalisedText } from '../../../../contracts/maturity';

/** Picks the model text in the interface language (Swedish unless English is chosen). */
export function useLocalised(): (text: LocalisedText) => string {
  const { i18n } = useTranslation();
  return (text) => (i18n.resolvedLanguage === 'en' ? text.en : text.sv);
}

/** A score as shown: one decimal at most, Swedish or English decimal sign. */
export function useFormatScore(): (score: number | null) => string {
  const { i18n } = useTranslation();
  return (score) =>
    score === null
      ? '–'
      : new Intl.NumberFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 }).format(
          score,
        );
}
