import { Badge, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnergyMappingResult } from '../../../../core/energy';
import type { Finding } from '../../../../contracts/analyses';
import { formatEnergy, formatKwh, formatNumber, formatSek, formatTonnesCo2e } from '../../../components/format';

// The charts (recharts via @mantine/charts) load only when a mapping is shown (QUALITY.md P3).
const EnergyCharts = lazy(() => import('./energy-charts').then((m) => ({ default: m.EnergyCharts })));

type Props = {
  result: Pick<EnergyMappingResult, 'carriers' | 'total' | 'balance'>;
  findings: readonly Finding[];
  carrierName: (key: string) => string;
};

function Figure({ label, value, note }: { label: string; value: string; note?: string | null }) {
  return (
    <div>
      <Text size="sm" c="dark.6">
        {label}
      </Text>
      <Text fz={24} fw={700} c="brand.9">
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="orange.9">
          {note}
        </Text>
      ) : null}
    </div>
  );
}

/** The mapping's results: totals, a table per carrier, the energy balance and before/after the measures. */
export function EnergyResults({ result, findings, carrierName }: Props) {
  const { t } = useTranslation();
  const { total } = result;
  const savings = new Map<string, number>();
  for (const finding of findings) {
    if (finding.carrier && finding.expectedKwh) {
      savings.set(finding.carrier, (savings.get(finding.carrier) ?? 0) + finding.expectedKwh);
    }
  }
  const beforeAfter = result.carriers.map((carrier) => ({
    label: carrierName(carrier.carrier),
    before: carrier.kwh,
    after: Math.max(0, carrier.kwh - (savings.get(carrier.carrier) ?? 0)),
  }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="energy-results">
      <Title order={2} id="energy-results" mb="sm">
        {t('analyses.results.title')}
      </Title>
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure label={t('analyses.results.energy')} value={formatEnergy(total.kwh)} />
          <Figure
            label={t('analyses.results.cost')}
            value={formatSek(total.costSek)}
            note={total.isCostComplete ? null : t('analyses.results.costIncomplete')}
          />
          <Figure
            label={t('analyses.results.co2e')}
            value={formatTonnesCo2e(total.co2eKg)}
            note={total.isCo2eComplete ? null : t('analyses.results.co2eIncomplete')}
          />
        </SimpleGrid>
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs">
            <caption className="visually-hidden">{t('analyses.results.perCarrier')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analyses.energy.carrier')}</Table.Th>
                <Table.Th ta="right">{t('analyses.results.kwh')}</Table.Th>
                <Table.Th ta="right">{t('analyses.results.sek')}</Table.Th>
                <Table.Th ta="right">{t('analyses.results.sekPerKwh')}</Table.Th>
                <Table.Th ta="right">{t('analyses.results.tonnes')}</Table.Th>
                <Table.Th ta="right">{t('analyses.results.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.carriers.map((carrier) => (
                <Table.Tr key={carrier.carrier}>
                  <Table.Td>{carrierName(carrier.carrier)}</Table.Td>
                  <Table.Td ta="right">{formatKwh(carrier.kwh)}</Table.Td>
                  <Table.Td ta="right">{carrier.isCostComplete ? formatSek(carrier.costSek) : '–'}</Table.Td>
                  <Table.Td ta="right">
                    {carrier.sekPerKwh === null ? '–' : formatNumber(Math.round(carrier.sekPerKwh * 100) / 100)}
                  </Table.Td>
                  <Table.Td ta="right">{carrier.isCo2eComplete ? formatTonnesCo2e(carrier.co2eKg) : '–'}</Table.Td>
                  <Table.Td ta="right">
                    {total.kwh > 0 ? `${formatNumber(Math.round((carrier.kwh / total.kwh) * 1000) / 10)} %` : '–'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Td>{t('analyses.results.total')}</Table.Td>
                <Table.Td ta="right">{formatKwh(total.kwh)}</Table.Td>
                <Table.Td ta="right">{formatSek(total.costSek)}</Table.Td>
                <Table.Td />
                <Table.Td ta="right">{formatTonnesCo2e(total.co2eKg)}</Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        {result.balance.unallocated.kwh > 0 ? (
          <Group gap="xs">
            <Badge color="orange" variant="light">
              {t('analyses.results.unallocated', { energy: formatEnergy(result.balance.unallocated.kwh) })}
            </Badge>
          </Group>
        ) : null}
        {total.kwh > 0 ? (
          <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
            <EnergyCharts balance={result.balance} beforeAfter={beforeAfter} />
          </Suspense>
        ) : null}
      </Stack>
    </Card>
  );
}
