import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

export type ConsentValues = { purpose: string; textVersion: string; givenOn: string };

/** Now as the value of an <input type="datetime-local"> (local time, minutes). */
export function nowLocalDateTime(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

export const emptyConsent = (): ConsentValues => ({ purpose: '', textVersion: '', givenOn: nowLocalDateTime() });

/** The consent as the API takes it: the local date and time become an ISO timestamp. */
export function consentBody(values: ConsentValues) {
  const date = new Date(values.givenOn);
  return {
    purpose: values.purpose.trim(),
    textVersion: values.textVersion.trim(),
    givenOn: Number.isNaN(date.getTime()) ? values.givenOn : date.toISOString(),
  };
}

type ConsentFieldsProps<T> = {
  form: UseFormReturnType<T>;
  /** Where the consent's values sit in the form, e.g. "consent" or "" for the whole form. */
  path: string;
  autoFocus?: boolean;
};

/** What the person agreed to, which version of the text they saw, and when. */
export function ConsentFields<T>({ form, path, autoFocus = false }: ConsentFieldsProps<T>) {
  const { t } = useTranslation();
  const at = (field: keyof ConsentValues) => (path ? `${path}.${field}` : field);
  return (
    <Stack gap="md">
      <TextInput
        label={t('contacts.consent.purpose')}
        description={t('contacts.consent.purposeHint')}
        required
        data-autofocus={autoFocus || undefined}
        {...form.getInputProps(at('purpose'))}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('contacts.consent.textVersion')}
          description={t('contacts.consent.textVersionHint')}
          required
          {...form.getInputProps(at('textVersion'))}
        />
        <TextInput
          type="datetime-local"
          label={t('contacts.consent.givenOn')}
          required
          {...form.getInputProps(at('givenOn'))}
        />
      </SimpleGrid>
    </Stack>
  );
}
