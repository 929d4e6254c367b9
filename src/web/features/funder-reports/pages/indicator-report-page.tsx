import { Anchor, Button, Card, Group, List, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconSnowflake } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { IndicatorReport, IndicatorReportQuery } from '../../../../contracts/indicator-reports';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../components/error-message';
import { formatDateTime, formatIsoDate, todayIsoDate } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useAbility } from '../../../components/session';
import {
  downloadIndicatorReport,
  participantPageSize,
  useFreezeReport,
  useFrozenReports,
  useIndicatorReport,
  useParticipantPage,
} from '../api';
import { PeriodFields } from '../components/period-filters';
import { ProgrammeSettingsCard } from '../components/programme-settings-card';
import { ProgrammeTargetCard } from '../components/programme-target-card';
import { ReportView } from '../components/report-view';
import { TextPromptModal } from '../components/text-prompt-modal';

/** The co-financers a report can be narrowed to (content/co-financers.json keys). */
const coFinancerKeys = [
  'vastra_gotalandsregionen',
  'region_halland',
  'skaraborgs_kommunalforbund',
  'fyrbodals_kommunalforbund',
] as const;

/** The query in the URL, so that a report can be linked and reloaded. */
function queryOf(params: URLSearchParams): IndicatorReportQuery | null {
  const from = params.get('from');
  const to = params.get('to');
  if (!from || !to) return null;
  return {
    from,
    to,
    ...(params.get('organisationId') && { organisationId: params.get('organisationId')! }),
    ...(params.get('coFinancer') && { coFinancer: params.get('coFinancer')! }),
  };
}

/** The report made now, its participant list read a page at a time (the page starts over with a new
 * query: the page keys it). */
function MadeReport({ query, report }: { query: IndicatorReportQuery; report: IndicatorReport }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const participants = useParticipantPage(query, page);
  return (
    <ReportView
      report={report}
      participants={{
        rows: participants.data?.items,
        page,
        pageSize: participantPageSize,
        onPage: setPage,
        status: participants.error ? (
          <ErrorAlert error={participants.error} />
        ) : participants.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : undefined,
      }}
    />
  );
}

function FreezeModal({ query, onClose }: { query: IndicatorReportQuery; onClose: () => void }) {
  const { t } = useTranslation();
  const freeze = useFreezeReport();
  return (
    <TextPromptModal
      title={t('funderReports.freeze.title')}
      label={t('funderReports.freeze.name')}
      hint={t('funderReports.freeze.hint')}
      submitLabel={t('funderReports.freeze.submit')}
      isPending={freeze.isPending}
      error={freeze.error}
      onSubmit={async (title) => {
        await freeze.mutateAsync({ ...query, title });
        notifications.show({ color: 'teal', message: t('funderReports.freeze.done') });
      }}
      onClose={onClose}
    />
  );
}

function FrozenList() {
  const { t } = useTranslation();
  const list = useFrozenReports();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="frozen-reports">
      <Title order={2} id="frozen-reports" mb="sm">
        {t('funderReports.frozen.title')}
      </Title>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? <Text>{t('funderReports.frozen.empty')}</Text> : null}
      {list.data && list.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={600}>
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funderReports.freeze.name')}</Table.Th>
                <Table.Th scope="col">{t('funderReports.frozen.period')}</Table.Th>
                <Table.Th scope="col">{t('funderReports.frozen.frozenAt')}</Table.Th>
                <Table.Th scope="col">{t('funderReports.frozen.frozenBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reports/frozen/${item.id}`}>
                      {item.title}, {t('funderReports.frozen.version', { version: item.version })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {formatIsoDate(item.period.from)} – {formatIsoDate(item.period.to)}
                  </Table.Td>
                  <Table.Td>{formatDateTime(item.frozenAt)}</Table.Td>
                  <Table.Td>{item.frozenBy?.name ?? '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Card>
  );
}

/** The other reports of the section: the impact view and time and cost, for the same period and
 * organisation as the indicator report when one is made. */
function OtherReports({ query }: { query: IndicatorReportQuery | null }) {
  const { t } = useTranslation();
  const search = new URLSearchParams();
  if (query) {
    search.set('from', query.from);
    search.set('to', query.to);
    if (query.organisationId) search.set('organisationId', query.organisationId);
  }
  const suffix = query ? `?${search.toString()}` : '';
  return (
    <Card withBorder padding="lg" component="nav" aria-labelledby="other-reports">
      <Title order={2} id="other-reports" fz="h3" mb="sm">
        {t('funderReports.other.title')}
      </Title>
      <List spacing="xs">
        <List.Item>
          <Anchor component={Link} to={`/reports/impact${suffix}`}>
            {t('funderReports.impact.title')}
          </Anchor>
          <Text size="sm" c="dark.6">
            {t('funderReports.other.impact')}
          </Text>
        </List.Item>
        <List.Item>
          <Anchor component={Link} to={`/reports/time-and-cost${suffix}`}>
            {t('funderReports.timeAndCost.title')}
          </Anchor>
          <Text size="sm" c="dark.6">
            {t('funderReports.other.timeAndCost')}
          </Text>
        </List.Item>
      </List>
    </Card>
  );
}

/** The indicator report of a period, with its filters in the URL, the .xlsx and freezing. */
export function IndicatorReportPage() {
  const { t, i18n } = useTranslation();
  const canFreeze = useAbility('freezeFunderReports');
  const canChangeSettings = useAbility('manageProgrammeSettings');
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const today = todayIsoDate();
  const [draft, setDraft] = useState({
    from: query?.from ?? `${today.slice(0, 4)}-01-01`,
    to: query?.to ?? today,
    organisationId: query?.organisationId ?? '',
    coFinancer: query?.coFinancer ?? '',
  });
  const report = useIndicatorReport(query);
  const [isFreezing, setFreezing] = useState(false);
  const [isDownloading, setDownloading] = useState(false);
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';

  const make = () => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(draft)) if (value) next.set(key, value);
    setParams(next);
  };
  const download = async () => {
    if (!query) return;
    setDownloading(true);
    try {
      await downloadIndicatorReport(query);
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('funderReports.title')}
        description={t('funderReports.description')}
        actions={
          // Shown, disabled, while the report loads: buttons that appeared with it would move the page
          // down on a phone, where the header wraps.
          query ? (
            <Group>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                loading={isDownloading}
                disabled={!report.data}
                onClick={() => void download()}
              >
                {t('funderReports.download')}
              </Button>
              {canFreeze ? (
                <Button
                  leftSection={<IconSnowflake size={16} aria-hidden />}
                  disabled={!report.data}
                  onClick={() => setFreezing(true)}
                >
                  {t('funderReports.freeze.button')}
                </Button>
              ) : null}
            </Group>
          ) : null
        }
      />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          make();
        }}
      >
        <Group mb="lg" align="flex-end">
          <PeriodFields draft={draft} onChange={(change) => setDraft((d) => ({ ...d, ...change }))} />
          <Select
            label={t('funderReports.filters.coFinancer')}
            data={[
              { value: '', label: t('funderReports.filters.allCoFinancers') },
              ...coFinancerKeys.map((key) => ({
                value: key,
                label: report.data?.labels.coFinancers[key]?.[language] ?? key,
              })),
            ]}
            value={draft.coFinancer}
            onChange={(value) => setDraft((d) => ({ ...d, coFinancer: value ?? '' }))}
            allowDeselect={false}
          />
          <Button type="submit" disabled={!draft.from || !draft.to || draft.from > draft.to}>
            {t('funderReports.filters.make')}
          </Button>
        </Group>
      </form>
      {report.error ? <ErrorAlert error={report.error} /> : null}
      {/* The cards below the report wait for it: had they shown first, the report would push them
          down as it arrives (a layout shift of 0.6 on a phone). */}
      {query && report.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <Stack gap="lg">
          {report.data ? (
            <>
              <Text size="sm" c="dark.6">
                {t('funderReports.madeAt', { time: formatDateTime(report.data.madeAt) })}
              </Text>
              {query ? <MadeReport key={JSON.stringify(query)} query={query} report={report.data} /> : null}
            </>
          ) : null}
          <OtherReports query={query} />
          <FrozenList />
          {canChangeSettings ? <ProgrammeTargetCard /> : null}
          {canChangeSettings ? <ProgrammeSettingsCard /> : null}
        </Stack>
      )}
      {isFreezing && query ? <FreezeModal query={query} onClose={() => setFreezing(false)} /> : null}
    </>
  );
}
