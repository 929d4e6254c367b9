import { Anchor, Button, Card, Group, Loader, Select, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyRow } from '../../../components/empty-row';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../components/error-message';
import { formatNumber, todayIsoDate, hoursText } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useCoachOptions, useOrganisations } from '../../../components/people-and-organisations';
import { useSignedInUser } from '../../../components/session';
import { downloadTimeReport, useTimeReport, type Period } from '../api';

const monthFormat = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric' });

function monthName(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return monthFormat.format(new Date(year!, number! - 1, 1));
}

/** For admins: whose hours the report shows, an organisation's coach picked from its coaches. */
function CoachPicker({
  coachId,
  onChange,
}: {
  coachId: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const organisations = useOrganisations();
  const coaches = useCoachOptions(organisationId);
  return (
    <>
      <Select
        label={t('timeReport.organisation')}
        placeholder={t('timeReport.chooseOrganisation')}
        data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        value={organisationId}
        onChange={(value) => {
          setOrganisationId(value);
          onChange(undefined);
        }}
        searchable
        clearable
      />
      <Select
        label={t('timeReport.coach')}
        placeholder={organisationId ? t('timeReport.chooseCoach') : t('timeReport.yourOwn')}
        data={(coaches.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={coachId ?? null}
        onChange={(value) => onChange(value ?? undefined)}
        disabled={!organisationId}
        searchable
        clearable
      />
    </>
  );
}

/** A coach's hours per month and per company in a period, with an Excel download: one's own, or
 * for an admin any coach's (the API takes coachId). */
export function TimeReportPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const today = todayIsoDate();
  const [period, setPeriod] = useState<Period>({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const { data, error, isPending } = useTimeReport(period);
  const [isDownloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    try {
      await downloadTimeReport(period);
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    } finally {
      setDownloading(false);
    }
  };
  const isValid = Boolean(period.from && period.to && period.from <= period.to);

  return (
    <>
      <PageHeader
        title={t('timeReport.title')}
        description={t('timeReport.description')}
        actions={
          <Button
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={isDownloading}
            disabled={!isValid}
            onClick={() => void download()}
          >
            {t('timeReport.download')}
          </Button>
        }
      />
      <Group mb="lg" align="flex-end">
        <TextInput
          type="date"
          label={t('timeReport.from')}
          value={period.from}
          onChange={(event) => setPeriod((p) => ({ ...p, from: event.currentTarget.value }))}
        />
        <TextInput
          type="date"
          label={t('timeReport.to')}
          value={period.to}
          onChange={(event) => setPeriod((p) => ({ ...p, to: event.currentTarget.value }))}
        />
        {user.abilities.viewTimeReportsOfOthers ? (
          <CoachPicker coachId={period.coachId} onChange={(coachId) => setPeriod((p) => ({ ...p, coachId }))} />
        ) : null}
        {data ? (
          <Text fw={600} pb={6} aria-live="polite">
            {t('timeReport.summaryOf', {
              name: data.coachName,
              summary: t('timeReport.summary', {
                hoursText: hoursText(t, data.totalHours),
                count: data.entryCount,
              }),
            })}
          </Text>
        ) : null}
      </Group>
      {error ? <ErrorAlert error={error} /> : null}
      {isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="per-month">
            <Title order={2} id="per-month" mb="sm">
              {t('timeReport.perMonth')}
            </Title>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('timeReport.month')}</Table.Th>
                  <Table.Th ta="right">{t('timeReport.hours')}</Table.Th>
                  <Table.Th ta="right">{t('timeReport.entries')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.months.length === 0 ? <EmptyRow colSpan={3} text={t('timeReport.empty')} /> : null}
                {data.months.map((month) => (
                  <Table.Tr key={month.month}>
                    <Table.Td>{monthName(month.month)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(month.hours)}</Table.Td>
                    <Table.Td ta="right">{month.entryCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{t('timeReport.total')}</Table.Th>
                  <Table.Th ta="right">{formatNumber(data.totalHours)}</Table.Th>
                  <Table.Th ta="right">{data.entryCount}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="per-company">
            <Title order={2} id="per-company" mb="sm">
              {t('timeReport.perCompany')}
            </Title>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('interventions.fields.company')}</Table.Th>
                  <Table.Th ta="right">{t('timeReport.hours')}</Table.Th>
                  <Table.Th ta="right">{t('timeReport.entries')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.companies.length === 0 ? <EmptyRow colSpan={3} text={t('timeReport.empty')} /> : null}
                {data.companies.map((company) => (
                  <Table.Tr key={company.companyId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/companies/${company.companyId}`}>
                        {company.companyName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(company.hours)}</Table.Td>
                    <Table.Td ta="right">{company.entryCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </SimpleGrid>
      ) : null}
    </>
  );
}
