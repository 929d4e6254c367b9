import { Card, Center, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { maturityAreas } from '../../../../core/maturity-areas';
import type { EffectTotalsBody, ProgrammeActionTotals } from '../../../../contracts/action-plans';
import { EffectSummary, formatEffect } from '../../../components/effect-summary';
import { ErrorAlert } from '../../../components/error-alert';
import { DownloadButton } from '../../../components/download-button';
import { formatCo2eKg, formatIsoDate, formatNumber, formatSek, formatYears } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useSearchParamsState } from '../../../components/search-params-state';
import { downloadProgrammeTotals, useProgrammeTotals } from '../api';
import { TotalsChart } from '../components/totals-chart';
import { TotalsPeriodFilters } from '../components/totals-period-filters';
import { parseProgrammeTotalsParams, toProgrammeTotalsParams } from '../programme-totals-params';
import { keyboardScrollable } from '../../../components/keyboard-scrollable';

/** The programme's effects of actions by organisation and area: what the funders ask about; every
 * action as it stands, or those done in a period, with the same figures as an .xlsx. */
export function ProgrammeTotalsPage() {
  const { t } = useTranslation();
  const [query, changeQuery] = useSearchParamsState(parseProgrammeTotalsParams, toProgrammeTotalsParams);
  const totals = useProgrammeTotals(query);
  return (
    <>
      <PageHeader
        title={t('actionPlans.totals.title')}
        description={t('actionPlans.totals.description')}
        actions={
          totals.data ? (
            <DownloadButton label={t('actionPlans.totals.download')} download={() => downloadProgrammeTotals(query)} />
          ) : null
        }
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          <TotalsPeriodFilters query={query} onChange={changeQuery} />
        </Paper>
        {totals.isPending ? (
          <Center mih="30vh" role="status">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : totals.error || !totals.data ? (
          <ErrorAlert error={totals.error} />
        ) : (
          <TotalsView data={totals.data} />
        )}
      </Stack>
    </>
  );
}

/** What the figures are of: the actions done in the period, or every action as it stands. */
function PeriodText({ period }: { period: ProgrammeActionTotals['period'] }) {
  const { t } = useTranslation();
  const text = !period
    ? t('actionPlans.totals.period.all')
    : period.from && period.to
      ? t('actionPlans.totals.period.between', { from: formatIsoDate(period.from), to: formatIsoDate(period.to) })
      : period.from
        ? t('actionPlans.totals.period.since', { from: formatIsoDate(period.from) })
        : t('actionPlans.totals.period.until', { to: formatIsoDate(period.to ?? '') });
  return (
    <Text size="sm" c="dark.6" mb="sm">
      {text}
    </Text>
  );
}

function TotalsView({ data }: { data: ProgrammeActionTotals }) {
  const { t } = useTranslation();
  const organisationName = (id: string) => data.organisations.find((o) => o.id === id)?.name ?? id;
  const payback = (years: number | null) => (years === null ? '–' : t('effects.years', { years: formatYears(years) }));

  const header = (first: string) => (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{first}</Table.Th>
        <Table.Th scope="col">{t('actionPlans.totals.actions')}</Table.Th>
        <Table.Th scope="col">{t('actionPlans.fields.investmentSek')}</Table.Th>
        <Table.Th scope="col">{t('effects.kwh')}</Table.Th>
        <Table.Th scope="col">{t('effects.co2e')}</Table.Th>
        <Table.Th scope="col">{t('effects.sek')}</Table.Th>
        <Table.Th scope="col">{t('effects.material')}</Table.Th>
        <Table.Th scope="col">{t('actionPlans.columns.payback')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
  /** Expected on the first line, realised (done actions, confirmed) on the second, and what still
   * waits for a coach's confirmation on a third. */
  const pair = (totals: EffectTotalsBody, kind: keyof EffectTotalsBody['expected']) => {
    const format = (value: number) => formatEffect(t, kind, value);
    return (
      <>
        <Text size="sm">{format(totals.expected[kind])}</Text>
        <Text size="xs" c="dark.6">
          {t('effects.realisedValue', { value: format(totals.realised[kind]) })}
        </Text>
        {totals.doneUnconfirmed > 0 ? (
          <Text size="xs" c="dark.6">
            {t('effects.unconfirmedValue', { value: format(totals.realisedUnconfirmed[kind]) })}
          </Text>
        ) : null}
      </>
    );
  };
  const row = (key: string, name: string, totals: EffectTotalsBody) => (
    <Table.Tr key={key}>
      <Table.Th scope="row">{name}</Table.Th>
      <Table.Td>
        {t('actionPlans.totals.actionsValue', {
          actions: formatNumber(totals.actions),
          done: t('actionPlans.totals.doneCount', { count: totals.done, value: formatNumber(totals.done) }),
        })}
      </Table.Td>
      <Table.Td>{formatSek(totals.investmentSek)}</Table.Td>
      <Table.Td>{pair(totals, 'kwh')}</Table.Td>
      <Table.Td>{pair(totals, 'co2eKg')}</Table.Td>
      <Table.Td>{pair(totals, 'sek')}</Table.Td>
      <Table.Td>{pair(totals, 'materialTonnes')}</Table.Td>
      <Table.Td>{payback(totals.expectedPaybackYears)}</Table.Td>
    </Table.Tr>
  );

  return (
    <>
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="programme-overall">
          <Title order={2} id="programme-overall" mb={4}>
            {t('actionPlans.totals.overall')}
          </Title>
          <PeriodText period={data.period} />
          <EffectSummary totals={data.overall} />
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="programme-organisations">
          <Title order={2} id="programme-organisations" mb="sm">
            {t('actionPlans.totals.byOrganisation')}
          </Title>
          <TotalsChart
            label={t('actionPlans.totals.chartLabel')}
            labels={{ expected: t('actionPlans.totals.expected'), realised: t('actionPlans.totals.realised') }}
            format={formatCo2eKg}
            data={data.byOrganisation.map((group) => ({
              organisation: organisationName(group.organisationId),
              expected: group.totals.expected.co2eKg,
              realised: group.totals.realised.co2eKg,
            }))}
          />
          <Table.ScrollContainer {...keyboardScrollable} minWidth={900} mt="md">
            <Table verticalSpacing="xs" striped>
              {header(t('actionPlans.totals.organisation'))}
              <Table.Tbody>
                {data.byOrganisation.map((group) =>
                  row(group.organisationId, organisationName(group.organisationId), group.totals),
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="programme-areas">
          <Title order={2} id="programme-areas" mb="sm">
            {t('actionPlans.totals.byArea')}
          </Title>
          <Table.ScrollContainer {...keyboardScrollable} minWidth={900}>
            <Table verticalSpacing="xs" striped>
              {header(t('actionPlans.fields.area'))}
              <Table.Tbody>
                {data.byArea.map((group) => row(group.area, t(`areas.${group.area}`), group.totals))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="programme-cross">
          <Title order={2} id="programme-cross" mb={4}>
            {t('actionPlans.totals.byBoth')}
          </Title>
          <Text size="sm" c="dark.6" mb="sm">
            {t('actionPlans.totals.byBothHint')}
          </Text>
          <Table.ScrollContainer {...keyboardScrollable} minWidth={900}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('actionPlans.totals.organisation')}</Table.Th>
                  {maturityAreas.map((area) => (
                    <Table.Th scope="col" key={area}>
                      {t(`areas.${area}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.byOrganisation.map((group) => (
                  <Table.Tr key={group.organisationId}>
                    <Table.Th scope="row">{organisationName(group.organisationId)}</Table.Th>
                    {maturityAreas.map((area) => {
                      const cell = data.byOrganisationAndArea.find(
                        (c) => c.organisationId === group.organisationId && c.area === area,
                      );
                      return <Table.Td key={area}>{cell ? pair(cell.totals, 'co2eKg') : '–'}</Table.Td>;
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      </Stack>
    </>
  );
}
