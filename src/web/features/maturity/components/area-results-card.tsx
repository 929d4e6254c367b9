import { Card, Grid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AreaResult } from '../../../../contracts/maturity';
import { formatDate } from '../../../components/format';
import { AreaRadar } from './area-radar';
import { useFormatScore, useLocalised } from './localised';

/** One area: a radar of the latest measurement over its dimensions (with the baseline and the
 * peer median), and the change per dimension from the baseline to each follow-up. */
export function AreaResultsCard({ area }: { area: AreaResult }) {
  const { t } = useTranslation();
  const localised = useLocalised();
  const formatScore = useFormatScore();
  const latest = area.latest;
  if (!latest) return null;
  const headingId = `area-${area.area}`;
  const nameOf = (key: string) => {
    const found = area.dimensionNames.find((d) => d.key === key);
    return found ? localised(found.name) : key;
  };
  const scoreIn = (point: AreaResult['latest'], key: string) =>
    point?.dimensions.find((d) => d.key === key)?.score ?? 0;
  const hasBaseline = area.baseline !== null && area.baseline.assessmentId !== latest.assessmentId;
  const series = [
    {
      label: t('maturity.results.latest'),
      colour: 'brand.6',
      opacity: 0.35,
      values: area.dimensionNames.map((d) => scoreIn(latest, d.key)),
    },
    ...(hasBaseline
      ? [
          {
            label: t('maturity.results.baseline'),
            colour: 'gray.6',
            opacity: 0.1,
            values: area.dimensionNames.map((d) => scoreIn(area.baseline, d.key)),
          },
        ]
      : []),
    ...(area.peers.isShown
      ? [
          {
            label: t('maturity.results.peers'),
            colour: 'teal.6',
            opacity: 0.1,
            values: area.dimensionNames.map((d) => area.peers.dimensions.find((p) => p.key === d.key)?.median ?? 0),
          },
        ]
      : []),
  ];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Title order={3} id={headingId} mb={4}>
        {t(`areas.${area.area}`)}
      </Title>
      <Text size="sm" c="dark.4" mb="md">
        {t('maturity.results.latestSummary', {
          date: formatDate(latest.submittedAt),
          step: latest.step,
          score: formatScore(latest.score),
          version: latest.modelVersion,
        })}
      </Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <AreaRadar
            axes={area.dimensionNames.map((d) => localised(d.name))}
            series={series}
            label={t('maturity.results.radarLabel', { area: t(`areas.${area.area}`) })}
          />
          <Text size="sm" mt="xs" c="dark.5">
            {area.peers.isShown
              ? t('maturity.results.peersShown', { count: area.peers.peerCount ?? 0 })
              : t('maturity.results.peersHidden')}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Table fz="sm" verticalSpacing={6} striped>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              <Text fw={600} size="sm" c="dark.7">
                {t('maturity.results.changeTitle')}
              </Text>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('maturity.results.dimension')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {area.baseline
                    ? t('maturity.results.baselineOn', { date: formatDate(area.baseline.submittedAt) })
                    : t('maturity.results.baseline')}
                </Table.Th>
                {area.followUps.map((f, i) => (
                  <Table.Th scope="col" ta="right" key={f.assessmentId}>
                    {t('maturity.results.followUpOn', { number: i + 1, date: formatDate(f.submittedAt) })}
                  </Table.Th>
                ))}
                {area.peers.isShown ? (
                  <Table.Th scope="col" ta="right">
                    {t('maturity.results.peers')}
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {area.dimensionNames.map((d) => (
                <Table.Tr key={d.key}>
                  <Table.Th scope="row" fw={500}>
                    {nameOf(d.key)}
                  </Table.Th>
                  <Table.Td ta="right">
                    {formatScore(area.baseline?.dimensions.find((x) => x.key === d.key)?.score ?? null)}
                  </Table.Td>
                  {area.followUps.map((f) => {
                    const change = f.changes.find((c) => c.key === d.key);
                    const score = f.dimensions.find((x) => x.key === d.key)?.score ?? null;
                    return (
                      <Table.Td ta="right" key={f.assessmentId}>
                        {formatScore(score)}
                        {change ? (
                          <Text
                            span
                            size="xs"
                            ml={6}
                            // Shade 9: teal and red 8 are below 4.5:1 for small text on a striped row.
                            c={change.change > 0 ? 'teal.9' : change.change < 0 ? 'red.9' : 'dark.4'}
                            fw={600}
                          >
                            {`${change.change > 0 ? '+' : change.change < 0 ? '−' : '±'}${formatScore(Math.abs(change.change))}`}
                          </Text>
                        ) : null}
                      </Table.Td>
                    );
                  })}
                  {area.peers.isShown ? (
                    <Table.Td ta="right">
                      {formatScore(area.peers.dimensions.find((p) => p.key === d.key)?.median ?? null)}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{t('maturity.results.step')}</Table.Th>
                <Table.Td ta="right" fw={600}>
                  {area.baseline?.step ?? '–'}
                </Table.Td>
                {area.followUps.map((f) => (
                  <Table.Td ta="right" fw={600} key={f.assessmentId}>
                    {f.step ?? '–'}
                  </Table.Td>
                ))}
                {area.peers.isShown ? <Table.Td ta="right">{formatScore(area.peers.medianStep)}</Table.Td> : null}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Grid.Col>
      </Grid>
    </Card>
  );
}
