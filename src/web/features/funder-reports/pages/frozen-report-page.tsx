import { Anchor, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { FrozenReport, FrozenReportChanges } from '../../../../contracts/indicator-reports';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../components/error-message';
import { formatDateTime, formatIsoDate, formatNumber } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { useAbility } from '../../../components/session';
import {
  downloadFrozenReport,
  participantPageSize,
  useFrozenReport,
  useFrozenReportChanges,
  useNewReportVersion,
} from '../api';
import { ReportView } from '../components/report-view';
import { TextPromptModal } from '../components/text-prompt-modal';

function ChangesCard({ changes, report }: { changes: FrozenReportChanges | undefined; report: FrozenReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  if (!changes) return null;
  const isUnchanged =
    changes.companiesAdded.length === 0 && changes.companiesRemoved.length === 0 && changes.figures.length === 0;
  const where = (figure: FrozenReportChanges['figures'][number]) =>
    figure.by === null
      ? t('funderReports.total')
      : [
          t(`funderReports.by.${figure.by}` as 'funderReports.by.area'),
          figure.key,
          figure.column === 'value' ? null : figure.column,
        ]
          .filter(Boolean)
          .join(' · ');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="changes-since">
      <Title order={2} id="changes-since" mb="sm">
        {t('funderReports.changes.title')}
      </Title>
      {isUnchanged ? <Text>{t('funderReports.changes.none')}</Text> : null}
      {changes.companiesAdded.length > 0 ? (
        <>
          <Text fw={600}>{t('funderReports.changes.added')}</Text>
          <List size="sm" mb="sm">
            {changes.companiesAdded.map((c) => (
              <List.Item key={c.companyId}>
                <Anchor component={Link} to={`/companies/${c.companyId}`}>
                  {c.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      {changes.companiesRemoved.length > 0 ? (
        <>
          <Text fw={600}>{t('funderReports.changes.removed')}</Text>
          <List size="sm" mb="sm">
            {changes.companiesRemoved.map((c) => (
              <List.Item key={c.companyId}>{c.name}</List.Item>
            ))}
          </List>
        </>
      ) : null}
      {changes.figures.length > 0 ? (
        <Table striped verticalSpacing={4}>
          <Table.Caption>{t('funderReports.changes.figures')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('funderReports.changes.indicator')}</Table.Th>
              <Table.Th scope="col">{t('funderReports.changes.where')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('funderReports.changes.then')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('funderReports.changes.now')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.figures.map((figure) => (
              <Table.Tr key={`${figure.code}-${figure.by}-${figure.key}-${figure.column}`}>
                <Table.Td>
                  {figure.code} {report.report.indicators[figure.code]?.name[language]}
                </Table.Td>
                <Table.Td>{where(figure)}</Table.Td>
                <Table.Td ta="right">{formatNumber(figure.frozen)}</Table.Td>
                <Table.Td ta="right">{formatNumber(figure.now)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Card>
  );
}

function NewVersionModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useNewReportVersion(id);
  return (
    <TextPromptModal
      title={t('funderReports.frozen.newVersion')}
      label={t('funderReports.frozen.reasonLabel')}
      submitLabel={t('funderReports.freeze.submit')}
      isMultiline
      isPending={create.isPending}
      error={create.error}
      onSubmit={async (reason) => {
        const created = await create.mutateAsync(reason);
        notifications.show({ color: 'teal', message: t('funderReports.frozen.newVersionDone') });
        void navigate(`/reports/frozen/${created.meta.id}`);
      }}
      onClose={onClose}
    />
  );
}

/** A frozen report exactly as it was sent, its versions, and what changed in the records since. */
export function FrozenReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const frozen = useFrozenReport(id);
  const changes = useFrozenReportChanges(id);
  const canFreeze = useAbility('freezeFunderReports');
  const [isVersioning, setVersioning] = useState(false);
  const [participantPage, setParticipantPage] = useState(1);
  if (frozen.isPending || frozen.error || !frozen.data) {
    return (
      <QueryFallback
        query={frozen}
        notFound={{
          title: t('funderReports.frozen.title'),
          text: t('funderReports.frozen.empty'),
          linkLabel: t('funderReports.frozen.back'),
          linkTo: '/reports',
        }}
      />
    );
  }
  const { meta, versions, report } = frozen.data;
  const download = async () => {
    try {
      await downloadFrozenReport(meta.id);
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    }
  };
  return (
    <>
      <Anchor component={Link} to="/reports" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('funderReports.frozen.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={t('funderReports.frozen.heading', { title: meta.title, version: meta.version })}
        description={`${formatIsoDate(meta.period.from)} – ${formatIsoDate(meta.period.to)}`}
        actions={
          <Group>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => void download()}
            >
              {t('funderReports.download')}
            </Button>
            {canFreeze && meta.isLatest ? (
              <Button onClick={() => setVersioning(true)}>{t('funderReports.frozen.newVersion')}</Button>
            ) : null}
          </Group>
        }
      />
      <Stack gap="lg">
        <Text size="sm" c="dark.6" style={{ overflowWrap: 'anywhere' }}>
          {t('funderReports.frozen.meta', {
            time: formatDateTime(meta.frozenAt),
            name: meta.frozenBy?.name ?? '–',
            sha: meta.xlsxSha256,
          })}
        </Text>
        {meta.reason ? <Text>{t('funderReports.frozen.reason', { reason: meta.reason })}</Text> : null}
        {versions.length > 1 ? (
          <Card withBorder padding="md" component="section" aria-labelledby="versions">
            <Title order={2} id="versions" size="h4" mb="xs">
              {t('funderReports.frozen.versions')}
            </Title>
            <List size="sm">
              {versions.map((version) => (
                <List.Item key={version.id}>
                  {version.id === meta.id ? (
                    <strong>{t('funderReports.frozen.version', { version: version.version })}</strong>
                  ) : (
                    <Anchor component={Link} to={`/reports/frozen/${version.id}`}>
                      {t('funderReports.frozen.version', { version: version.version })}
                    </Anchor>
                  )}{' '}
                  {formatDateTime(version.frozenAt)}
                  {version.isLatest ? ` (${t('funderReports.frozen.latest').toLowerCase()})` : ''}
                  {version.reason ? ` – ${version.reason}` : ''}
                </List.Item>
              ))}
            </List>
          </Card>
        ) : null}
        {changes.error ? <ErrorAlert error={changes.error} /> : null}
        <ChangesCard changes={changes.data} report={frozen.data} />
        <ReportView
          report={report}
          participants={{
            rows: report.participants.slice(
              (participantPage - 1) * participantPageSize,
              participantPage * participantPageSize,
            ),
            page: participantPage,
            pageSize: participantPageSize,
            onPage: setParticipantPage,
          }}
        />
      </Stack>
      {isVersioning ? <NewVersionModal id={meta.id} onClose={() => setVersioning(false)} /> : null}
    </>
  );
}
