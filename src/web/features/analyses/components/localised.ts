import { useTranslation } from 'react-i18next';
import type { LocalisedText } from '../../../../contracts/content-fields';

/** Picks a content text (carrier names, factor sets) in the interface language. */
export function useLocalised(): (text: LocalisedText) => string {
  const { i18n } = useTranslation();
  return (text) => (i18n.resolvedLanguage === 'en' ? text.en : text.sv);
}
