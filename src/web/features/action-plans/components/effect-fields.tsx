import { NumberInput, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { effectBounds, effectKinds, type EffectKind } from '../../../../core/effects';
import { effectsSchema, type EffectValues } from '../../../../contracts/action-plans';
import { effectFormats } from '../../../components/effect-summary';
import { formatNumber } from '../../../components/format';

export type EffectFormValues = {
  kwh: number | string;
  co2eTonnes: number | string;
  sek: number | string;
  materialTonnes: number | string;
};

export const emptyEffects: EffectFormValues = { kwh: '', co2eTonnes: '', sek: '', materialTonnes: '' };

/** The form's field of each kind: CO2e is typed in tonnes. */
const formField: Record<EffectKind, keyof EffectFormValues> = {
  kwh: 'kwh',
  co2eKg: 'co2eTonnes',
  sek: 'sek',
  materialTonnes: 'materialTonnes',
};

const toNumber = (value: number | string): number | null =>
  typeof value === 'number'
    ? value
    : value.trim() === ''
      ? null
      : Number(value.replace(/\s/g, '').replace(',', '.').replace('−', '-'));

/** The CO2e in tonnes an energy carrier gives the kWh typed: kWh × factor (kg CO2e/kWh), as the
 * server computes and stores it (decision 038); empty without kWh. */
export function computedCo2eTonnes(kwh: number | string, factorKgPerKwh: number): number | '' {
  const value = toNumber(kwh);
  return value === null || Number.isNaN(value) ? '' : (value * factorKgPerKwh) / 1000;
}

/** "En negativ siffra betyder en ökning: 40 MWh mer per år" for a negative figure, in its own unit. */
function increaseNote(t: TFunction, kind: EffectKind, value: number | string): string | null {
  const typed = toNumber(value);
  if (typed === null || Number.isNaN(typed) || typed >= 0) return null;
  const inBaseUnit = kind === 'co2eKg' ? -typed * 1000 : -typed;
  return t('actionPlans.form.negativeNote', { amount: effectFormats[kind](inBaseUnit) });
}

/**
 * The four yearly effects of an action; CO2e is typed in tonnes (stored in kg). With an energy
 * carrier (`co2eFactor`, kg CO2e/kWh) the CO2e is not typed: it shows kWh × factor, read-only, as
 * the server will store it. A negative figure says what it means, an increase, next to the field.
 */
export function EffectFields<T>({
  form,
  path,
  legend,
  co2eFactor = null,
}: {
  form: UseFormReturnType<T>;
  path: 'expected' | 'realised';
  legend: string;
  co2eFactor?: number | null;
}) {
  const { t } = useTranslation();
  const common = { thousandSeparator: ' ', decimalSeparator: ',', allowNegative: true } as const;
  const input = (kind: EffectKind) => form.getInputProps(`${path}.${formField[kind]}`);
  const note = (kind: EffectKind, value: number | string, also?: string) =>
    [also, increaseNote(t, kind, value)].filter(Boolean).join(' ') || undefined;
  const kwh = input('kwh');
  const co2e = input('co2eKg');
  const computed = co2eFactor === null ? null : computedCo2eTonnes(kwh.value as number | string, co2eFactor);
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontWeight: 600, marginBottom: 8 }}>{legend}</legend>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          {...common}
          label={t('actionPlans.fields.kwh')}
          decimalScale={0}
          {...kwh}
          description={note('kwh', kwh.value as number | string)}
        />
        {computed === null ? (
          <NumberInput
            {...common}
            label={t('actionPlans.fields.co2eTonnes')}
            decimalScale={3}
            {...co2e}
            description={note('co2eKg', co2e.value as number | string)}
          />
        ) : (
          <NumberInput
            {...common}
            label={t('actionPlans.fields.co2eTonnes')}
            decimalScale={3}
            readOnly
            value={computed}
            description={note('co2eKg', computed, t('actionPlans.form.computedFromCarrier'))}
          />
        )}
        <NumberInput
          {...common}
          label={t('actionPlans.fields.sek')}
          decimalScale={0}
          {...input('sek')}
          description={note('sek', input('sek').value as number | string)}
        />
        <NumberInput
          {...common}
          label={t('actionPlans.fields.materialTonnes')}
          decimalScale={3}
          {...input('materialTonnes')}
          description={note('materialTonnes', input('materialTonnes').value as number | string)}
        />
      </SimpleGrid>
    </fieldset>
  );
}

/** The API's effects (kg CO2e) from the form's values; a CO2e computed from the carrier is not sent. */
export function effectsBody(values: EffectFormValues, isCo2eComputed = false) {
  const co2eTonnes = toNumber(values.co2eTonnes);
  return {
    kwh: toNumber(values.kwh),
    co2eKg: isCo2eComputed || co2eTonnes === null ? null : Math.round(co2eTonnes * 1_000_000) / 1000,
    sek: toNumber(values.sek),
    materialTonnes: toNumber(values.materialTonnes),
  };
}

/** The form's values from the API's effects. */
export function effectsValues(effects: EffectValues): EffectFormValues {
  return {
    kwh: effects.kwh ?? '',
    co2eTonnes: effects.co2eKg === null ? '' : effects.co2eKg / 1000,
    sek: effects.sek ?? '',
    materialTonnes: effects.materialTonnes ?? '',
  };
}

/** The negative figures of a body that were not saved so before: the increases to ask about. */
export function newIncreases(
  body: ReturnType<typeof effectsBody>,
  saved: EffectValues | null,
): { kind: EffectKind; value: number }[] {
  return effectKinds.flatMap((kind) => {
    const value = body[kind];
    return typeof value === 'number' && value < 0 && saved?.[kind] !== value ? [{ kind, value }] : [];
  });
}

/** "Förväntat: energianvändning 40 MWh mer per år; …", the increases a confirmation names. */
export function increasesText(
  t: TFunction,
  increases: readonly { side: 'expected' | 'realised'; kind: EffectKind; value: number }[],
): string {
  return increases
    .map(({ side, kind, value }) =>
      t('actionPlans.increase.item', {
        side: t(`actionPlans.increase.${side}`),
        what: t(`actionPlans.increase.kinds.${kind}`),
        amount: effectFormats[kind](-value),
      }),
    )
    .join('; ');
}

/**
 * The effects' errors for the form, from the same schema the server uses (its plausibility bounds,
 * decision 025), each naming the bound in the field's own unit (tonnes for CO2e).
 */
export function effectErrors(
  t: TFunction,
  path: 'expected' | 'realised',
  values: EffectFormValues,
  isCo2eComputed = false,
) {
  const result = effectsSchema.safeParse(effectsBody(values, isCo2eComputed));
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const kind = issue.path[0] as EffectKind;
    if (!effectKinds.includes(kind)) continue;
    const inFieldUnit = (value: number) => formatNumber(kind === 'co2eKg' ? value / 1000 : value);
    const { min, max } = effectBounds[kind];
    errors[`${path}.${formField[kind]}`] =
      issue.code === 'too_big' || issue.code === 'too_small'
        ? t('actionPlans.form.outOfBounds', { min: inFieldUnit(min), max: inFieldUnit(max) })
        : t('validation.invalid');
  }
  return errors;
}
