import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnergyBalance } from '../../../../core/energy';
import { chartColour } from '../../../components/charts/chart-colour';
import { DonutChart } from '../../../components/charts/donut-chart';
import { formatNumber } from '../../../components/format';

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

const mwh = (kwh: number) => Math.round(kwh / 100) / 10;

/** The energy balance by category (MWh/year), with the group totals written out beside it. */
export function EnergyBalanceChart({ balance, labelledBy }: { balance: EnergyBalance; labelledBy: string }) {
  const { t } = useTranslation();
  const segments = balance.categories.map((row, index) => ({
    name: t(`analyses.energy.categories.${row.category}`),
    value: mwh(row.kwh),
    colour: categoryColors[index % categoryColors.length]!,
  }));
  return (
    <Group align="center" gap="xl" wrap="wrap">
      <DonutChart
        segments={segments}
        formatValue={(value) => `${formatNumber(value)} MWh`}
        centreLabel={`${formatNumber(mwh(balance.groups.reduce((sum, row) => sum + row.kwh, 0)))} MWh`}
        labelledBy={labelledBy}
      />
      <Stack gap={6}>
        {balance.groups.map((group) => (
          <div key={group.group}>
            <Text size="sm" fw={700}>
              {t(`analyses.energy.groups.${group.group}`)}: {formatNumber(mwh(group.kwh))} MWh
            </Text>
            {balance.categories
              .map((row, index) => ({ row, color: categoryColors[index % categoryColors.length]! }))
              .filter(({ row }) => row.group === group.group)
              .map(({ row, color }) => (
                <Group key={row.category} gap={6} ml="xs">
                  <span
                    aria-hidden
                    style={{ width: 10, height: 10, borderRadius: 2, background: chartColour(color) }}
                  />
                  <Text size="xs">
                    {t(`analyses.energy.categories.${row.category}`)} {formatNumber(mwh(row.kwh))} MWh
                  </Text>
                </Group>
              ))}
          </div>
        ))}
      </Stack>
    </Group>
  );
}
