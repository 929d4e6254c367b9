import { Box, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { effectTotals, type EffectKind } from '../../core/effects';
import type { EffectTotalsBody } from '../../contracts/action-plans';
import { formatCo2eKg, formatEnergy, formatNumber, formatSek, formatTonnes, formatYears } from './format';

/** Each kind of effect in its unit: energy in kWh or MWh, CO2e in tonnes, SEK, material in tonnes. */
export const effectFormats: Record<EffectKind, (value: number) => string> = {
  kwh: formatEnergy,
  co2eKg: formatCo2eKg,
  sek: formatSek,
  materialTonnes: formatTonnes,
};

/** A yearly effect as a reader takes it in: a saving as its amount, a negative effect as an increase
 * ("ökning 40 MWh", "40 MWh increase") rather than a bare minus sign that is easy to miss (issue 16). */
export function formatEffect(t: TFunction, kind: EffectKind, value: number): string {
  const format = effectFormats[kind];
  return value < 0 ? t('effects.increase', { value: format(-value) }) : format(value);
}

/** Expected and realised yearly effects of a set of actions, kind by kind, with investment and payback
 * (the action plan's totals; shared by the company page's card and the plan itself). Realised means
 * confirmed by a coach; figures still waiting for that are shown apart (decision 025). */
export function EffectSummary({ totals }: { totals: EffectTotalsBody }) {
  const { t } = useTranslation();
  const rows = (
    [
      { key: 'kwh', label: t('effects.kwh') },
      { key: 'co2eKg', label: t('effects.co2e') },
      { key: 'sek', label: t('effects.sek') },
      { key: 'materialTonnes', label: t('effects.material') },
    ] as const
  ).map((row) => ({ ...row, format: (value: number) => formatEffect(t, row.key, value) }));
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
            {totals.doneUnconfirmed > 0 ? (
              <Text size="sm" c="dark.6">
                {t('effects.unconfirmedValue', { value: row.format(totals.realisedUnconfirmed[row.key]) })}
              </Text>
            ) : null}
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm">
        {t('effects.summary', {
          actions: t('effects.actionsCount', { count: totals.actions, value: formatNumber(totals.actions) }),
          done: t('effects.doneCount', { count: totals.done, value: formatNumber(totals.done) }),
          investment: formatSek(totals.investmentSek),
          payback: payback(totals.expectedPaybackYears),
        })}
      </Text>
      {totals.doneUnconfirmed > 0 ? (
        <Text size="sm" c="dark.7">
          {t('effects.doneUnconfirmed', { count: totals.doneUnconfirmed })}
        </Text>
      ) : null}
      {totals.doneWithoutRealised > 0 ? (
        <Text size="sm" c="dark.7">
          {t('effects.doneWithoutRealised', { count: totals.doneWithoutRealised })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The totals of no actions, by the core's own rule. */
const noTotals: EffectTotalsBody = effectTotals([]);

/** While the totals load: a loader over an invisible summary of nothing, which takes the summary's
 * room, so the cards below do not move when the figures come (on a phone the action plan's list
 * shifted by a tenth of the screen: CLS 0.09 of Lighthouse's mobile preset). */
export function EffectSummaryPlaceholder() {
  const { t } = useTranslation();
  return (
    <Box pos="relative">
      <Box style={{ visibility: 'hidden' }} aria-hidden>
        <EffectSummary totals={noTotals} />
      </Box>
      <Loader size="sm" aria-label={t('common.loading')} pos="absolute" top={0} left={0} />
    </Box>
  );
}
