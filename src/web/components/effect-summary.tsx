import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EffectTotalsBody } from '../../contracts/action-plans';
import { formatCo2eKg, formatEnergy, formatSek, formatTonnes, formatYears } from './format';

/** Expected and realised yearly effects of a set of actions, kind by kind, with investment and payback
 * (the action plan's totals; shared by the company page's card and the plan itself). */
export function EffectSummary({ totals }: { totals: EffectTotalsBody }) {
  const { t } = useTranslation();
  const rows = [
    { key: 'kwh', label: t('effects.kwh'), format: formatEnergy },
    { key: 'co2eKg', label: t('effects.co2e'), format: formatCo2eKg },
    { key: 'sek', label: t('effects.sek'), format: formatSek },
    { key: 'materialTonnes', label: t('effects.material'), format: formatTonnes },
  ] as const;
  const payback = (years: number | null) =>
    years === null ? t('effects.noPayback') : t('effects.years', { years: formatYears(years) });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {rows.map((row) => (
          <div key={row.key}>
            <Text size="sm" c="dark.6">
              {row.label}
            </Text>
            <Text fw={700}>{row.format(totals.expected[row.key])}</Text>
            <Text size="sm">{t('effects.realisedValue', { value: row.format(totals.realised[row.key]) })}</Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm">
        {t('effects.summary', {
          actions: totals.actions,
          done: totals.done,
          investment: formatSek(totals.investmentSek),
          payback: payback(totals.expectedPaybackYears),
        })}
      </Text>
      {totals.doneWithoutRealised > 0 ? (
        <Text size="sm" c="dark.7">
          {t('effects.doneWithoutRealised', { count: totals.doneWithoutRealised })}
        </Text>
      ) : null}
    </Stack>
  );
}
