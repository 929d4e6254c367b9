import { Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight, IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverRequest } from '../../../../contracts/companies';
import { EmptyRow } from '../../../components/empty-row';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDate } from '../../../components/format';
import { ListPagination } from '../../../components/list-pagination';
import { PageHeader } from '../../../components/page-header';
import { useSignedInUser } from '../../../components/session';
import { ToneBadge, type Tone } from '../../../components/tone-badge';
import { useHandovers } from '../api';
import { DecideHandoverModal } from '../components/decide-handover-modal';

const pageSize = 25;
const statusFilters = ['pending', 'approved', 'refused', 'all'] as const;
type StatusFilter = (typeof statusFilters)[number];
const tones: Record<HandoverRequest['status'], Tone> = { pending: 'warning', approved: 'success', refused: 'neutral' };

type Deciding = { request: HandoverRequest; decision: 'approve' | 'refuse' } | null;

/** Requests to move a company from one organisation to another; project management decides. */
export function HandoversPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const canDecide = me.abilities.decideHandovers;
  const [status, setStatus] = useState<StatusFilter>('pending');
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<Deciding>(null);
  const handovers = useHandovers({ status: status === 'all' ? undefined : status, page, pageSize });
  const items = handovers.data?.items ?? [];
  const columnCount = canDecide ? 6 : 5;

  return (
    <>
      <PageHeader
        title={t('handovers.title')}
        description={canDecide ? t('handovers.descriptionDecide') : t('handovers.descriptionView')}
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <div role="group" aria-label={t('handovers.filter')}>
            <SegmentedControl
              value={status}
              onChange={(value) => {
                setStatus(value as StatusFilter);
                setPage(1);
              }}
              data={statusFilters.map((value) => ({ value, label: t(`handovers.filters.${value}`) }))}
            />
          </div>
          <ErrorAlert error={handovers.error} />
          <div>
            <Table.ScrollContainer minWidth={900}>
              <Table striped verticalSpacing="sm" aria-busy={handovers.isFetching}>
                <Table.Caption className="visually-hidden">{t('handovers.title')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('handovers.columns.company')}</Table.Th>
                    <Table.Th scope="col">{t('handovers.columns.move')}</Table.Th>
                    <Table.Th scope="col">{t('handovers.columns.requested')}</Table.Th>
                    <Table.Th scope="col">{t('handovers.columns.reason')}</Table.Th>
                    <Table.Th scope="col">{t('handovers.columns.status')}</Table.Th>
                    {canDecide ? (
                      <Table.Th scope="col">
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </Table.Th>
                    ) : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((request) => (
                    <Table.Tr key={request.id} style={{ verticalAlign: 'top' }}>
                      <Table.Td>
                        <Text fw={600}>{request.companyName}</Text>
                        <Text size="sm" c="dark.4" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {request.organisationNumber}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm">{request.fromOrganisationName}</Text>
                          <IconArrowRight size={14} aria-label={t('handovers.to')} />
                          <Text size="sm" fw={600}>
                            {request.toOrganisationName}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{request.requestedByName ?? '–'}</Text>
                        <Text size="sm" c="dark.4">
                          {formatDate(request.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={280}>
                        <Text size="sm">{request.reason}</Text>
                      </Table.Td>
                      <Table.Td>
                        <ToneBadge tone={tones[request.status]}>{t(`handovers.status.${request.status}`)}</ToneBadge>
                        {request.decidedAt ? (
                          <Text size="xs" c="dark.4" mt={4}>
                            {formatDate(request.decidedAt)}
                          </Text>
                        ) : null}
                        {request.decisionNote ? (
                          <Text size="sm" mt={4}>
                            {request.decisionNote}
                          </Text>
                        ) : null}
                      </Table.Td>
                      {canDecide ? (
                        <Table.Td>
                          {request.status === 'pending' ? (
                            <Group gap="xs" wrap="nowrap" justify="flex-end">
                              <Button
                                size="xs"
                                leftSection={<IconCheck size={14} aria-hidden />}
                                onClick={() => setDeciding({ request, decision: 'approve' })}
                                aria-label={t('handovers.actions.approveFor', { name: request.companyName })}
                              >
                                {t('handovers.actions.approve')}
                              </Button>
                              <Button
                                size="xs"
                                variant="default"
                                leftSection={<IconX size={14} aria-hidden />}
                                onClick={() => setDeciding({ request, decision: 'refuse' })}
                                aria-label={t('handovers.actions.refuseFor', { name: request.companyName })}
                              >
                                {t('handovers.actions.refuse')}
                              </Button>
                            </Group>
                          ) : null}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                  {handovers.data && items.length === 0 ? (
                    <EmptyRow colSpan={columnCount} text={t('handovers.empty')} />
                  ) : null}
                  {handovers.isPending ? <EmptyRow colSpan={columnCount} text={t('common.loading')} /> : null}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {handovers.data ? (
              <ListPagination page={page} pageSize={pageSize} total={handovers.data.total} onChange={setPage} />
            ) : null}
          </div>
        </Stack>
      </Paper>
      {deciding ? (
        <DecideHandoverModal
          request={deciding.request}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
        />
      ) : null}
    </>
  );
}
