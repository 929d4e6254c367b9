import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimeAndCost } from '../../../../contracts/interventions';
import { formatDateTime, formatNumber, hoursText } from '../../../components/format';
import { useAbility } from '../../../components/session';
import { downloadTimeAndCost, useTimeAndCost } from '../api';
import { PeriodReportHeader } from '../components/period-report-header';
import { usePeriodQuery } from '../components/period-filters';

const monthFormat = new Intl.DateTimeFormat('sv-SE', { month: 'short', year: 'numeric' });

/** "2027-01" → "jan. 2027". */
function monthName(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return monthFormat.format(new Date(year!, number! - 1, 1));
}

function OrganisationCard({
  organisation,
  months,
}: {
  organisation: TimeAndCost['organisations'][number];
  months: string[];
}) {
  const { t } = useTranslation();
  const headingId = `time-${organisation.organisationId}`;
  const hoursIn = (list: { month: string; hours: number }[], month: string) =>
    list.find((m) => m.month === month)?.hours ?? 0;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} id={headingId} fz="h3">
          {organisation.organisationName}
        </Title>
        <Text fw={700}>{hoursText(t, organisation.totalHours)}</Text>
      </Group>
      {/* A month a row and a person a column: an organisation has a handful of people and a year
          twelve months, so the table fits a phone's width as well as a laptop's. */}
      <Table.ScrollContainer minWidth={140 + 110 * (organisation.people.length + 1)}>
        <Table striped verticalSpacing={4} captionSide="top">
          <Table.Caption className="visually-hidden">
            {t('funderReports.timeAndCost.caption', { name: organisation.organisationName })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('funderReports.timeAndCost.month')}</Table.Th>
              {organisation.people.map((person) => (
                <Table.Th scope="col" ta="right" key={person.userId}>
                  {person.name}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('funderReports.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.map((month) => (
              <Table.Tr key={month}>
                <Table.Th scope="row" fw={400} style={{ whiteSpace: 'nowrap' }}>
                  {monthName(month)}
                </Table.Th>
                {organisation.people.map((person) => (
                  <Table.Td ta="right" key={person.userId}>
                    {formatNumber(hoursIn(person.months, month))}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={700}>
                  {formatNumber(hoursIn(organisation.months, month))}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{t('funderReports.total')}</Table.Th>
              {organisation.people.map((person) => (
                <Table.Td ta="right" fw={700} key={person.userId}>
                  {formatNumber(person.totalHours)}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {formatNumber(organisation.totalHours)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** Time and cost (issue 12, item 6): each organisation's hours per person and month, as the .xlsx
 * behind its cost claim. The per-person time report stays where it was (/time-report). */
export function TimeAndCostPage() {
  const { t } = useTranslation();
  const query = usePeriodQuery();
  const report = useTimeAndCost(query);
  const hasOwnTimeReport = useAbility('viewTimeReport');
  const data = report.data;
  return (
    <>
      <PeriodReportHeader
        title={t('funderReports.timeAndCost.title')}
        description={t('funderReports.timeAndCost.description')}
        query={query}
        result={report}
        download={downloadTimeAndCost}
      />
      {data ? (
        <Stack gap="lg">
          <Text size="sm" c="dark.6">
            {t('funderReports.madeAt', { time: formatDateTime(data.madeAt) })}
            {' · '}
            {t('funderReports.timeAndCost.summary', { hoursText: hoursText(t, data.totalHours) })}
          </Text>
          {data.organisations.length === 0 ? <Text>{t('funderReports.timeAndCost.empty')}</Text> : null}
          {data.organisations.map((organisation) => (
            <OrganisationCard key={organisation.organisationId} organisation={organisation} months={data.months} />
          ))}
        </Stack>
      ) : null}
      {hasOwnTimeReport ? (
        <Text size="sm" mt="lg">
          <Anchor component={Link} to="/time-report">
            {t('funderReports.timeAndCost.ownReport')}
          </Anchor>
        </Text>
      ) : null}
    </>
  );
}
