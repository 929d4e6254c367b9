import { useTranslation } from 'react-i18next';

/** The server's error code for row `index`'s `key` in one of the content's lists, if any. */
export type ListErrorOf = (list: string) => (index: number, key: string) => string | undefined;

/** What the fields of each structured analysis kind get from the form that holds and saves them. */
export type StructuredFieldsProps<C> = {
  content: C;
  onChange: (content: C) => void;
  isReadOnly: boolean;
  errorOf: ListErrorOf;
};

/** A select's options from a list of codes, each named by its key under `prefix` in the translations. */
export function useCodeOptions() {
  const { t } = useTranslation();
  return <K extends string>(values: readonly K[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as 'analyses.forms.treatments.reuse') }));
}
