import { NumberInput, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

export type EffectFormValues = {
  kwh: number | string;
  co2eTonnes: number | string;
  sek: number | string;
  materialTonnes: number | string;
};

export const emptyEffects: EffectFormValues = { kwh: '', co2eTonnes: '', sek: '', materialTonnes: '' };

/** The four yearly effects of an action; CO2e is typed in tonnes (stored in kg). */
export function EffectFields<T>({
  form,
  path,
  legend,
}: {
  form: UseFormReturnType<T>;
  path: 'expected' | 'realised';
  legend: string;
}) {
  const { t } = useTranslation();
  const common = { thousandSeparator: ' ', decimalSeparator: ',', allowNegative: true } as const;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontWeight: 600, marginBottom: 8 }}>{legend}</legend>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          {...common}
          label={t('actionPlans.fields.kwh')}
          decimalScale={0}
          {...form.getInputProps(`${path}.kwh`)}
        />
        <NumberInput
          {...common}
          label={t('actionPlans.fields.co2eTonnes')}
          decimalScale={3}
          {...form.getInputProps(`${path}.co2eTonnes`)}
        />
        <NumberInput
          {...common}
          label={t('actionPlans.fields.sek')}
          decimalScale={0}
          {...form.getInputProps(`${path}.sek`)}
        />
        <NumberInput
          {...common}
          label={t('actionPlans.fields.materialTonnes')}
          decimalScale={3}
          {...form.getInputProps(`${path}.materialTonnes`)}
        />
      </SimpleGrid>
    </fieldset>
  );
}

const toNumber = (value: number | string): number | null =>
  typeof value === 'number' ? value : value.trim() === '' ? null : Number(value.replace(/\s/g, '').replace(',', '.'));

/** The API's effects (kg CO2e) from the form's values. */
export function effectsBody(values: EffectFormValues) {
  const co2eTonnes = toNumber(values.co2eTonnes);
  return {
    kwh: toNumber(values.kwh),
    co2eKg: co2eTonnes === null ? null : Math.round(co2eTonnes * 1_000_000) / 1000,
    sek: toNumber(values.sek),
    materialTonnes: toNumber(values.materialTonnes),
  };
}

/** The form's values from the API's effects. */
export function effectsValues(effects: {
  kwh: number | null;
  co2eKg: number | null;
  sek: number | null;
  materialTonnes: number | null;
}): EffectFormValues {
  return {
    kwh: effects.kwh ?? '',
    co2eTonnes: effects.co2eKg === null ? '' : effects.co2eKg / 1000,
    sek: effects.sek ?? '',
    materialTonnes: effects.materialTonnes ?? '',
  };
}
