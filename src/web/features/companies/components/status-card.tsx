import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowRight, IconProgressCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../contracts/companies';
import { EmptyRow } from '../../../components/empty-row';
import { formatIsoDate } from '../../../components/format';
import { ChangeStatusModal } from './change-status-modal';
import { CompanyStatusBadge } from './company-status-badge';

/** Where the company stands in the programme, how it got there, and the way on. */
export function StatusCard({ company }: { company: Company }) {
  const { t } = useTranslation();
  const [isChanging, setChanging] = useState(false);
  const canChange = company.abilities.canChangeStatus && company.abilities.nextStatuses.length > 0;
  const history = [...company.statusHistory].sort((a, b) => b.changedOn.localeCompare(a.changedOn));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="company-status">
      <Group justify="space-between" mb="md">
        <Title order={2} id="company-status">
          {t('companies.statusCard.title')}
        </Title>
        {canChange ? (
          <Button
            variant="light"
            leftSection={<IconProgressCheck size={16} aria-hidden />}
            onClick={() => setChanging(true)}
          >
            {t('companies.statusCard.change')}
          </Button>
        ) : null}
      </Group>
      <Stack gap="md">
        <Group gap="sm">
          <CompanyStatusBadge status={company.status} />
          {company.statusChangedOn ? (
            <Text size="sm" c="dark.4">
              {t('companies.statusCard.since', { date: formatIsoDate(company.statusChangedOn) })}
            </Text>
          ) : null}
        </Group>
        {company.status === 'withdrawn' && company.withdrawnReason ? (
          <Text size="sm">{t('companies.statusCard.withdrawnReason', { reason: company.withdrawnReason })}</Text>
        ) : null}
        <Table verticalSpacing="xs" fz="sm">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            <Text fw={600} size="sm" c="dark.7">
              {t('companies.statusCard.history')}
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('companies.statusCard.date')}</Table.Th>
              <Table.Th scope="col">{t('companies.statusCard.changeColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.map((change) => (
              <Table.Tr key={change.id} style={{ verticalAlign: 'top' }}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(change.changedOn)}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="wrap">
                    {change.fromStatus ? (
                      <>
                        <span>{t(`companies.status.${change.fromStatus}`)}</span>
                        <IconArrowRight size={14} aria-label={t('companies.statusCard.to')} />
                      </>
                    ) : null}
                    <Text span fw={600} size="sm">
                      {t(`companies.status.${change.toStatus}`)}
                    </Text>
                  </Group>
                  {change.reason ? <Text size="sm">{change.reason}</Text> : null}
                  {change.changedByName ? (
                    <Text size="xs" c="dark.4">
                      {t('companies.statusCard.by', { name: change.changedByName })}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
            {history.length === 0 ? <EmptyRow colSpan={2} text={t('companies.statusCard.noHistory')} /> : null}
          </Table.Tbody>
        </Table>
      </Stack>
      {isChanging ? <ChangeStatusModal company={company} onClose={() => setChanging(false)} /> : null}
    </Card>
  );
}
