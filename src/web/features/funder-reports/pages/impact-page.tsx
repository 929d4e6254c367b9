import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Impact, ImpactCompany, ImpactSummaryFigures } from '../../../../contracts/impact';
import { formatDateTime, formatIsoDate, formatNumber } from '../../../components/format';
import { downloadImpact, useImpact } from '../api';
import { PeriodReportHeader } from '../components/period-report-header';
import { usePeriodQuery } from '../components/period-filters';

/** A median or a ratio with at most two decimals, Swedish style; a dash when there is none. */
const figure = (value: number | null) => (value === null ? '–' : formatNumber(Math.round(value * 100) / 100));
/** A step change with its sign: "+2", "0", "−1". */
const signed = (value: number) => (value > 0 ? `+${formatNumber(value)}` : formatNumber(value));

function SummaryTable({
  caption,
  groupLabel,
  rows,
}: {
  caption: string;
  groupLabel: string;
  rows: { key: string; label: string; summary: ImpactSummaryFigures; isTotal?: boolean }[];
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing={4} captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{groupLabel}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('funderReports.impact.measured')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('funderReports.impact.climbed')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('funderReports.impact.medianChange')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('funderReports.impact.medianHoursPerStep')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('funderReports.impact.medianActionsPerStep')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} fw={row.isTotal ? 700 : undefined}>
              <Table.Th scope="row" fw={row.isTotal ? 700 : 400}>
                {row.label}
              </Table.Th>
              <Table.Td ta="right">{formatNumber(row.summary.measured)}</Table.Td>
              <Table.Td ta="right">{formatNumber(row.summary.climbed)}</Table.Td>
              <Table.Td ta="right">{figure(row.summary.medianStepChange)}</Table.Td>
              <Table.Td ta="right">{figure(row.summary.medianHoursPerStep)}</Table.Td>
              <Table.Td ta="right">{figure(row.summary.medianActionsPerStep)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "Coachning 6, mätning 1": the hours of each kind the company had, largest first. */
function useKindText() {
  const { t } = useTranslation();
  return (company: ImpactCompany) =>
    Object.entries(company.hoursByKind)
      .filter(([, hours]) => hours > 0)
      .sort((a, b) => b[1] - a[1])
      .map(
        ([kind, hours]) => `${t(`interventions.kinds.${kind}` as 'interventions.kinds.other')} ${formatNumber(hours)}`,
      )
      .join(', ');
}

function AreaCard({ area, isProgramme }: { area: Impact['areas'][number]; isProgramme: boolean }) {
  const { t } = useTranslation();
  const kindText = useKindText();
  const headingId = `impact-${area.area}`;
  const name = t(`areas.${area.area}`);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId} fz="h3">
        {name}
      </Title>
      <Text size="sm" c="dark.6" mb="sm">
        {t('funderReports.impact.areaSummary', {
          measured: area.summary.measured,
          climbed: area.summary.climbed,
        })}
      </Text>
      {area.companies.length === 0 ? (
        <Text>{t('funderReports.impact.noCompanies')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={isProgramme ? 900 : 760}>
          <Table striped verticalSpacing={4} captionSide="top">
            <Table.Caption className="visually-hidden">
              {t('funderReports.impact.companiesIn', { area: name })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funderReports.impact.company')}</Table.Th>
                {isProgramme ? <Table.Th scope="col">{t('funderReports.filters.organisation')}</Table.Th> : null}
                <Table.Th scope="col">{t('funderReports.impact.steps')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funderReports.impact.change')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funderReports.impact.hours')}
                </Table.Th>
                <Table.Th scope="col">{t('funderReports.impact.hoursByKind')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funderReports.impact.activities')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funderReports.impact.actions')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {area.companies.map((company) => (
                <Table.Tr key={company.companyId}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/companies/${company.companyId}`}>
                      {company.name}
                    </Anchor>
                  </Table.Th>
                  {isProgramme ? <Table.Td>{company.organisationName}</Table.Td> : null}
                  <Table.Td>
                    <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {t('funderReports.impact.stepsFromTo', { from: company.baselineStep, to: company.followUpStep })}
                    </Text>
                    <Text size="xs" c="dark.6">
                      {t('funderReports.impact.measuredOn', {
                        baseline: formatIsoDate(company.baselineOn),
                        followUp: formatIsoDate(company.followUpOn),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{signed(company.stepChange)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(company.hours)}</Table.Td>
                  <Table.Td>{kindText(company) || '–'}</Table.Td>
                  <Table.Td ta="right">{formatNumber(company.activitiesAttended)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(company.actionsDone)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** The impact view (issue 12, item 5): per area the companies measured twice and the support
 * between, with the medians behind one step gained; filters in the URL, an .xlsx to take away. */
export function ImpactPage() {
  const { t } = useTranslation();
  const query = usePeriodQuery();
  const impact = useImpact(query);
  const data = impact.data;
  return (
    <>
      <PeriodReportHeader
        title={t('funderReports.impact.title')}
        description={t('funderReports.impact.description')}
        query={query}
        result={impact}
        download={downloadImpact}
      />
      {data ? (
        <Stack gap="lg">
          <Text size="sm" c="dark.6">
            {t('funderReports.madeAt', { time: formatDateTime(data.madeAt) })}
            {' · '}
            {data.filters.organisationName ?? t('funderReports.filters.allOrganisations')}
          </Text>
          <Card withBorder padding="lg" component="section" aria-labelledby="impact-summary">
            <Title order={2} id="impact-summary" fz="h3" mb="xs">
              {t('funderReports.impact.summary')}
            </Title>
            <Text size="sm" c="dark.6" mb="sm">
              {t('funderReports.impact.rules')}
            </Text>
            <SummaryTable
              caption={t('funderReports.by.area')}
              groupLabel={t('funderReports.impact.area')}
              rows={[
                ...data.areas.map((a) => ({ key: a.area, label: t(`areas.${a.area}`), summary: a.summary })),
                { key: 'total', label: t('funderReports.impact.allAreas'), summary: data.total, isTotal: true },
              ]}
            />
            {data.organisations.length > 0 ? (
              <SummaryTable
                caption={t('funderReports.impact.byOrganisation')}
                groupLabel={t('funderReports.filters.organisation')}
                rows={data.organisations.map((o) => ({
                  key: o.organisationId,
                  label: o.organisationName,
                  summary: o.summary,
                }))}
              />
            ) : null}
          </Card>
          {data.areas.map((area) => (
            <AreaCard key={area.area} area={area} isProgramme={data.filters.organisationId === null} />
          ))}
        </Stack>
      ) : null}
    </>
  );
}
