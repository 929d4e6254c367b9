import { ActionIcon, Button, Card, Group, Loader, Menu, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Intervention } from '../../../../contracts/interventions';
import { ConfirmModal } from '../../../components/confirm-modal';
import { EmptyRow } from '../../../components/empty-row';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../components/error-message';
import { formatIsoDate, formatNumber, hoursText } from '../../../components/format';
import { useDeleteIntervention, useInterventions } from '../interventions-api';
import { InterventionFormModal } from './intervention-form-modal';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; intervention: Intervention }
  | { kind: 'delete'; intervention: Intervention }
  | null;

/** The coaching log of the company (insatser): internal to the programme, so staff only. */
export function InterventionsSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const { data, error, isPending } = useInterventions(companyId, true);
  const remove = useDeleteIntervention();
  const [dialog, setDialog] = useState<Dialog>(null);

  async function handleDelete(intervention: Intervention) {
    try {
      await remove.mutateAsync({ id: intervention.id, version: intervention.version });
      notifications.show({ color: 'teal', message: t('interventions.list.deleted') });
      setDialog(null);
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(t, failure) });
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="company-interventions">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} id="company-interventions">
            {t('interventions.list.title')}
          </Title>
          {data ? (
            <Text size="sm" c="dark.4">
              {t('interventions.list.total', { hoursText: hoursText(t, data.totalHours), count: data.items.length })}
            </Text>
          ) : null}
        </div>
        {data?.canLog ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('interventions.list.log')}
          </Button>
        ) : null}
      </Group>
      {error ? <ErrorAlert error={error} /> : null}
      {isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {data ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('interventions.fields.occurredOn')}</Table.Th>
                <Table.Th>{t('interventions.fields.kind')}</Table.Th>
                <Table.Th>{t('interventions.fields.area')}</Table.Th>
                <Table.Th ta="right">{t('interventions.fields.hours')}</Table.Th>
                <Table.Th>{t('interventions.fields.coach')}</Table.Th>
                <Table.Th>{t('interventions.fields.nextFollowUpOn')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.length === 0 ? <EmptyRow colSpan={7} text={t('interventions.list.empty')} /> : null}
              {data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{formatIsoDate(item.occurredOn)}</Table.Td>
                  <Table.Td>
                    {t(`interventions.kinds.${item.kind}`)}
                    {item.notes ? (
                      <Text size="xs" c="dark.4" lineClamp={2} maw={320}>
                        {item.notes}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{item.area ? t(`areas.${item.area}`) : t('interventions.generalArea')}</Table.Td>
                  <Table.Td ta="right">{formatNumber(item.hours)}</Table.Td>
                  <Table.Td>{item.coachName}</Table.Td>
                  <Table.Td>{item.nextFollowUpOn ? formatIsoDate(item.nextFollowUpOn) : '–'}</Table.Td>
                  <Table.Td>
                    {item.abilities.canEdit ? (
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('interventions.list.actionsFor', { date: formatIsoDate(item.occurredOn) })}
                          >
                            <IconDots size={18} aria-hidden />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            leftSection={<IconPencil size={16} aria-hidden />}
                            onClick={() => setDialog({ kind: 'edit', intervention: item })}
                          >
                            {t('common.edit')}
                          </Menu.Item>
                          <Menu.Item
                            color="red"
                            leftSection={<IconTrash size={16} aria-hidden />}
                            onClick={() => setDialog({ kind: 'delete', intervention: item })}
                          >
                            {t('interventions.list.delete')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {dialog?.kind === 'create' ? (
        <InterventionFormModal companyId={companyId} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <InterventionFormModal
          companyId={companyId}
          intervention={dialog.intervention}
          onClose={() => setDialog(null)}
        />
      ) : null}
      <ConfirmModal
        opened={dialog?.kind === 'delete'}
        title={t('interventions.list.deleteTitle')}
        text={t('interventions.list.deleteText')}
        confirmLabel={t('interventions.list.delete')}
        isDestructive
        isPending={remove.isPending}
        onConfirm={() => dialog?.kind === 'delete' && void handleDelete(dialog.intervention)}
        onCancel={() => setDialog(null)}
      />
    </Card>
  );
}
