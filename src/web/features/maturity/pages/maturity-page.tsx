import { Anchor, Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyRow } from '../../../components/empty-row';
import { errorMessage } from '../../../components/error-message';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDate, formatIsoDate } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { downloadMaturityReport, useMaturityResults } from '../api';
import { AreaResultsCard } from '../components/area-results-card';
import { LadderCard } from '../components/ladder-card';
import { StartAssessment } from '../components/start-assessment';

/** A company's maturity: the ladder, a radar and the change over time per area, peers, and its measurements. */
export function MaturityPage() {
  const { t, i18n } = useTranslation();
  const { companyId = '' } = useParams();
  const results = useMaturityResults(companyId);
  const [isDownloading, setDownloading] = useState(false);
  const downloadReport = () => {
    setDownloading(true);
    downloadMaturityReport(companyId, i18n.resolvedLanguage === 'en' ? 'en' : 'sv')
      .catch((failure: unknown) => notifications.show({ color: 'red', message: errorMessage(t, failure) }))
      .finally(() => setDownloading(false));
  };

  if (results.isPending || results.error || !results.data) {
    return (
      <QueryFallback
        query={results}
        notFound={{
          title: t('companies.notFound.title'),
          text: t('companies.notFound.text'),
          linkLabel: t('companies.backToList'),
          linkTo: '/companies',
        }}
      />
    );
  }
  const data = results.data;
  const measuredAreas = data.areas.filter((area) => area.latest);
  return (
    <>
      <Anchor
        component={Link}
        to={`/companies/${companyId}`}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('maturity.backToCompany', { name: data.companyName })}
      </Anchor>
      <PageHeader
        title={t('maturity.page.title', { name: data.companyName })}
        description={t('maturity.page.description')}
        meta={
          <Text size="sm" c="dark.6">
            {data.nextDueOn
              ? t('maturity.nextDue', { date: formatIsoDate(data.nextDueOn) })
              : t('maturity.nextDueNone')}
          </Text>
        }
        actions={
          <Button
            variant="default"
            leftSection={<IconFileDownload size={16} aria-hidden />}
            loading={isDownloading}
            onClick={downloadReport}
          >
            {t('maturity.report.download')}
          </Button>
        }
      />
      <Stack gap="lg">
        <LadderCard areas={data.areas} />
        {data.abilities.canStartAssessment ? <StartAssessment results={data} /> : null}
        {measuredAreas.length > 0 ? (
          <Stack gap="lg" component="section" aria-labelledby="maturity-areas">
            <Title order={2} id="maturity-areas">
              {t('maturity.results.title')}
            </Title>
            {measuredAreas.map((area) => (
              <AreaResultsCard key={area.area} area={area} />
            ))}
          </Stack>
        ) : null}
        <Card withBorder padding="lg" component="section" aria-labelledby="maturity-assessments">
          <Title order={2} id="maturity-assessments" mb="md">
            {t('maturity.list.title')}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table fz="sm" verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('maturity.list.date')}</Table.Th>
                  <Table.Th scope="col">{t('maturity.list.area')}</Table.Th>
                  <Table.Th scope="col">{t('maturity.list.kind')}</Table.Th>
                  <Table.Th scope="col">{t('maturity.list.status')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('maturity.list.step')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.assessments.length === 0 ? <EmptyRow colSpan={5} text={t('maturity.list.empty')} /> : null}
                {data.assessments.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/assessments/${a.id}`} size="sm">
                        {formatDate(a.submittedAt ?? a.startedAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`areas.${a.area}`)}</Table.Td>
                    <Table.Td>
                      {t(`maturity.kinds.${a.kind}`)}
                      {a.mode === 'self' ? (
                        <Badge ml={6} size="sm" variant="light" color="grape">
                          {t('maturity.modes.self')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={a.status === 'submitted' ? 'teal' : 'yellow'}>
                        {t(`maturity.statuses.${a.status}`)}
                      </Badge>
                      {a.mode === 'self' && a.confirmedByAssessmentId ? (
                        <Badge ml={6} size="sm" variant="outline" color="teal">
                          {t('maturity.list.confirmed')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">{a.step ?? '–'}</Table.Td>
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
