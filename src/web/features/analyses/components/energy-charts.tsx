import { BarChart } from '@mantine/charts';
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { energyUseGroups, type EnergyBalance } from '../../../../core/energy';
import { formatNumber } from '../../../components/format';

// Loaded lazily with the mapping (as the maturity radar): recharts is the heaviest part of a page.

const groupColors = { production: 'indigo.7', support: 'teal.7', transport: 'orange.8' } as const;
const categoryColors = [
  'indigo.7',
  'teal.7',
  'cyan.8',
  'grape.7',
  'lime.8',
  'blue.7',
  'pink.7',
  'green.8',
  'violet.7',
  'yellow.8',
  'orange.8',
  'red.8',
];

type Props = {
  balance: EnergyBalance;
  beforeAfter: { label: string; before: number; after: number }[];
};

const mwh = (kwh: number) => Math.round(kwh / 100) / 10;

/** The energy balance by group and category, and the use before and after the measures (MWh/year). */
export function EnergyCharts({ balance, beforeAfter }: Props) {
  const { t } = useTranslation();
  const categories = balance.categories.map((row) => row.category);
  const balanceData = energyUseGroups.map((group) => ({
    group: t(`analyses.energy.groups.${group}`),
    ...Object.fromEntries(
      balance.categories.filter((row) => row.group === group).map((row) => [row.category, mwh(row.kwh)]),
    ),
  }));
  const valueFormatter = (value: number) => `${formatNumber(value)} MWh`;
  const beforeAfterData = [
    ...beforeAfter.map((row) => ({ label: row.label, before: mwh(row.before), after: mwh(row.after) })),
    {
      label: t('analyses.results.total'),
      before: mwh(beforeAfter.reduce((sum, row) => sum + row.before, 0)),
      after: mwh(beforeAfter.reduce((sum, row) => sum + row.after, 0)),
    },
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <Stack gap="xs">
        <Title order={3} fz="md" id="energy-balance-chart">
          {t('analyses.charts.balance')}
        </Title>
        <Text size="sm" c="dark.6">
          {energyUseGroups
            .map((group) => {
              const row = balance.groups.find((candidate) => candidate.group === group);
              return `${t(`analyses.energy.groups.${group}`)} ${formatNumber(mwh(row?.kwh ?? 0))} MWh`;
            })
            .join(' · ')}
        </Text>
        <BarChart
          h={300}
          data={balanceData}
          dataKey="group"
          type="stacked"
          valueFormatter={valueFormatter}
          series={categories.map((category, index) => ({
            name: category,
            label: t(`analyses.energy.categories.${category}`),
            color: categoryColors[index % categoryColors.length]!,
          }))}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          aria-labelledby="energy-balance-chart"
        />
      </Stack>
      <Stack gap="xs">
        <Title order={3} fz="md" id="energy-before-after-chart">
          {t('analyses.charts.beforeAfter')}
        </Title>
        <Text size="sm" c="dark.6">
          {t('analyses.charts.beforeAfterHelp')}
        </Text>
        <BarChart
          h={300}
          data={beforeAfterData}
          dataKey="label"
          valueFormatter={valueFormatter}
          series={[
            { name: 'before', label: t('analyses.charts.before'), color: groupColors.production },
            { name: 'after', label: t('analyses.charts.after'), color: groupColors.support },
          ]}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          aria-labelledby="energy-before-after-chart"
        />
      </Stack>
    </SimpleGrid>
  );
}
