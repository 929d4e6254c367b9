import { Anchor, Badge, Card, Grid, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  DataQuality,
  IndicatorReport,
  ParticipantRow,
  ReportedIndicator,
} from '../../../../contracts/indicator-reports';
import { ListPagination } from '../../../components/list-pagination';
import { formatIsoDate, formatNumber } from '../../../components/format';
import { keyboardScrollable } from '../../../components/keyboard-scrollable';

/** A breakdown key in the reader's language: a size class, rule, type, area, region or co-financer. */
function useKeyLabel(report: IndicatorReport) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  return (key: string): string => {
    const coFinancer = report.labels.coFinancers[key];
    if (coFinancer) return coFinancer[language];
    const known: Record<string, string> = {
      ...(t('funderReports.keys', { returnObjects: true }) as Record<string, string>),
      ...(t('areas', { returnObjects: true }) as Record<string, string>),
      ...(t('reportingAreas', { returnObjects: true }) as Record<string, string>),
    };
    return known[key] ?? key;
  };
}

/** "people.woman" → "Personer, kvinnor". */
function useColumnLabel() {
  const { t } = useTranslation();
  return (column: string) => {
    if (column === 'value') return t('funderReports.column.value');
    const [what, gender] = column.split('.') as ['people' | 'attendances', keyof typeof genders];
    const genders = t('funderReports.genders', { returnObjects: true }) as Record<string, string>;
    return `${t(`funderReports.column.${what}`)}, ${(genders[gender] ?? gender).toLowerCase()}`;
  };
}

function IndicatorCard({ indicator, report }: { indicator: ReportedIndicator; report: IndicatorReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  const keyLabel = useKeyLabel(report);
  const columnLabel = useColumnLabel();
  const headingId = `indicator-${indicator.code}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={3} id={headingId}>
            {indicator.code} {indicator.name[language]}
          </Title>
          {indicator.euReference ? (
            <Badge variant="light" color="gray" mt={4}>
              {indicator.euReference}
            </Badge>
          ) : null}
        </div>
        <Text
          fw={700}
          fz="xl"
          aria-label={`${t('funderReports.total')}: ${formatNumber(indicator.total)} ${indicator.unit[language]}`}
        >
          {formatNumber(indicator.total)}{' '}
          <Text span fz="sm">
            {indicator.unit[language]}
          </Text>
        </Text>
      </Group>
      <Text size="sm" c="dark.6" mt="xs">
        {indicator.description[language]}
      </Text>
      {indicator.tables.map((table) => (
        <Table.ScrollContainer
          {...keyboardScrollable}
          key={table.by}
          minWidth={table.columns.length > 2 ? 800 : 300}
          mt="sm"
        >
          <Table verticalSpacing={4} striped captionSide="top">
            <Table.Caption>{t(`funderReports.by.${table.by}` as 'funderReports.by.area')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funderReports.column.group')}</Table.Th>
                {table.columns.map((column) => (
                  <Table.Th scope="col" ta="right" key={column}>
                    {columnLabel(column)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row" fw={400}>
                    {keyLabel(row.key)}
                  </Table.Th>
                  {row.values.map((value, index) => (
                    <Table.Td ta="right" key={table.columns[index]}>
                      {formatNumber(value)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}
      {indicator.breakdown === 'geography' ? (
        <Text size="sm" c="dark.6" mt="xs">
          {t('funderReports.geographyNote')}
        </Text>
      ) : null}
    </Card>
  );
}

/** Where a record of a data quality check is fixed. */
function fixLink(item: DataQuality[number]['items'][number]): string {
  switch (item.kind) {
    case 'company':
    case 'contact':
      return `/companies/${item.companyId}`;
    case 'activity':
      return `/activities/${item.id}`;
    case 'action':
      return `/companies/${item.companyId}/action-plan`;
  }
}

export function DataQualityCard({ quality }: { quality: DataQuality }) {
  const { t } = useTranslation();
  const problems = quality.filter((check) => check.count > 0);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="data-quality">
      <Title order={2} id="data-quality">
        {t('funderReports.quality.title')}
      </Title>
      <Text size="sm" c="dark.6" mb="sm">
        {t('funderReports.quality.description')}
      </Text>
      {problems.length === 0 ? <Text>{t('funderReports.quality.none')}</Text> : null}
      <Stack gap="sm">
        {problems.map((check) => (
          <div key={check.check}>
            <Text fw={600}>
              {t(`funderReports.quality.checks.${check.check}`)}: {formatNumber(check.count)}
            </Text>
            <List size="sm">
              {check.items.slice(0, 10).map((item) => (
                <List.Item key={item.id}>
                  <Anchor component={Link} to={fixLink(item)}>
                    {item.name || item.companyName || item.id}
                  </Anchor>
                  {item.companyName && item.kind === 'action' ? ` (${item.companyName})` : null}
                </List.Item>
              ))}
            </List>
            {check.count > 10 ? (
              <Text size="sm" c="dark.6">
                {t('funderReports.quality.more', { count: check.count - 10 })}
              </Text>
            ) : null}
          </div>
        ))}
      </Stack>
    </Card>
  );
}

/** The page of the participant list on show: read a page at a time for a report made now, sliced
 * from the whole list of a frozen one (decision 041). */
export type ParticipantListPage = {
  rows: readonly ParticipantRow[] | undefined;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** Shown in place of the rows while they load or when they failed. */
  status?: ReactNode;
};

function ParticipantsCard({ report, participants }: { report: IndicatorReport; participants: ParticipantListPage }) {
  const { t } = useTranslation();
  const keyLabel = useKeyLabel(report);
  const rows = participants.rows ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="participant-list">
      <Title order={2} id="participant-list">
        {t('funderReports.participants.title')}
      </Title>
      <Text size="sm" c="dark.6" mb="sm">
        {t('funderReports.participants.description')}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing={4} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('funderReports.participants.organisationNumber')}</Table.Th>
              <Table.Th scope="col">{t('funderReports.participants.company')}</Table.Th>
              <Table.Th scope="col">{t('funderReports.participants.sizeClass')}</Table.Th>
              <Table.Th scope="col">{t('funderReports.participants.municipality')}</Table.Th>
              <Table.Th scope="col">{t('funderReports.participants.first')}</Table.Th>
              <Table.Th scope="col">{t('funderReports.participants.last')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('funderReports.participants.hours')}
              </Table.Th>
              <Table.Th scope="col">{t('funderReports.participants.counts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {participants.status ? (
              <Table.Tr>
                <Table.Td colSpan={8}>{participants.status}</Table.Td>
              </Table.Tr>
            ) : rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={8}>{t('funderReports.participants.empty')}</Table.Td>
              </Table.Tr>
            ) : null}
            {rows.map((p) => (
              <Table.Tr key={p.companyId}>
                <Table.Td>{p.organisationNumber}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/companies/${p.companyId}`}>
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{keyLabel(p.sizeClass ?? 'unknown')}</Table.Td>
                <Table.Td>{p.municipalityName ?? '–'}</Table.Td>
                <Table.Td>{formatIsoDate(p.firstSupportOn)}</Table.Td>
                <Table.Td>{formatIsoDate(p.lastSupportOn)}</Table.Td>
                <Table.Td ta="right">{formatNumber(p.hours)}</Table.Td>
                <Table.Td>
                  {p.supportRule
                    ? t('funderReports.participants.yes', { rule: keyLabel(p.supportRule).toLowerCase() })
                    : t('funderReports.participants.no')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListPagination
        page={participants.page}
        pageSize={participants.pageSize}
        total={report.participantCount}
        onChange={participants.onPage}
      />
    </Card>
  );
}

/** An indicator report: the indicators with their breakdowns, the data quality counts beside
 * them, and the participant list. The same for a report made now and a frozen one. */
export function ReportView({ report, participants }: { report: IndicatorReport; participants: ParticipantListPage }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Text size="sm" c="dark.6">
        {t('funderReports.rule', { hours: formatNumber(report.rules.support.minHours) })}
      </Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Title order={2}>{t('funderReports.indicators')}</Title>
            {report.order.map((code) => (
              <IndicatorCard key={code} indicator={report.indicators[code]!} report={report} />
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <DataQualityCard quality={report.dataQuality} />
        </Grid.Col>
      </Grid>
      <ParticipantsCard report={report} participants={participants} />
    </Stack>
  );
}
