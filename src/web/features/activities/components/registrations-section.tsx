import { Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, Registration } from '../../../../contracts/activities';
import { ConfirmModal } from '../../../components/confirm-modal';
import { EmptyRow } from '../../../components/empty-row';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../components/error-message';
import { useSignedInUser } from '../../../components/session';
import { ToneBadge, type Tone } from '../../../components/tone-badge';
import { useCancelRegistration, useMarkAttendance } from '../api';

const statusTone: Record<Registration['status'], Tone> = {
  registered: 'success',
  waitlisted: 'warning',
  cancelled: 'neutral',
};

type RegistrationsSectionProps = { activity: Activity; hasStarted: boolean };

/** Who is registered, who waits (with their place in line), who cancelled; organisers mark attendance here. */
export function RegistrationsSection({ activity, hasStarted }: RegistrationsSectionProps) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const cancel = useCancelRegistration();
  const mark = useMarkAttendance();
  const [toCancel, setToCancel] = useState<Registration | null>(null);
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const holders = activity.registrations.filter((r) => r.status === 'registered');
  const canMark = activity.abilities.canMarkAttendance && hasStarted && holders.length > 0;
  const attendedOf = (r: Registration) => marks[r.id] ?? r.attended ?? false;
  const isDirty = holders.some((r) => marks[r.id] !== undefined && marks[r.id] !== (r.attended ?? false));

  async function saveAttendance() {
    try {
      await mark.mutateAsync({
        id: activity.id,
        body: { items: holders.map((r) => ({ registrationId: r.id, attended: attendedOf(r), version: r.version })) },
      });
      setMarks({});
      notifications.show({ color: 'teal', message: t('activities.attendance.saved') });
    } catch {
      // Shown by the alert below.
    }
  }

  async function confirmCancel() {
    if (!toCancel) return;
    try {
      await cancel.mutateAsync(toCancel.id);
      notifications.show({
        color: 'teal',
        message: t('activities.registrations.cancelled', { name: toCancel.contactName }),
      });
    } catch (error) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(t, error) });
    }
    setToCancel(null);
  }

  const statusText = (r: Registration) =>
    r.status === 'waitlisted' && r.waitingListPosition
      ? t('activities.registrationStatus.waitlistedAt', { position: r.waitingListPosition })
      : t(`activities.registrationStatus.${r.status}`);

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="registrations-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Stack gap={2}>
            <Title order={2} id="registrations-title" fz="h3">
              {t('activities.registrations.title')}
            </Title>
            {!activity.abilities.canSeeAllRegistrations ? (
              <Text size="sm" c="dark.4">
                {t(me.companyId ? 'activities.registrations.onlyYourCompany' : 'activities.registrations.onlyYours')}
              </Text>
            ) : null}
          </Stack>
          {canMark ? (
            <Button onClick={() => void saveAttendance()} loading={mark.isPending} disabled={!isDirty}>
              {t('activities.attendance.save')}
            </Button>
          ) : null}
        </Group>
        {activity.abilities.canMarkAttendance && !hasStarted ? (
          <Text size="sm" c="dark.4">
            {t('activities.attendance.afterStart')}
          </Text>
        ) : null}
        {mark.error ? <ErrorAlert error={mark.error} /> : null}
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" striped>
            <Table.Caption className="visually-hidden">{t('activities.registrations.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('activities.registrations.person')}</Table.Th>
                <Table.Th scope="col">{t('activities.registrations.company')}</Table.Th>
                <Table.Th scope="col">{t('activities.registrations.status')}</Table.Th>
                <Table.Th scope="col">{t('activities.registrations.attended')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {activity.registrations.map((r) => (
                <Table.Tr key={r.id} c={r.status === 'cancelled' ? 'dark.4' : undefined}>
                  <Table.Td fw={500}>{r.contactName}</Table.Td>
                  <Table.Td>{r.companyName}</Table.Td>
                  <Table.Td>
                    <ToneBadge tone={statusTone[r.status]}>{statusText(r)}</ToneBadge>
                  </Table.Td>
                  <Table.Td>
                    {canMark && r.status === 'registered' ? (
                      <Checkbox
                        aria-label={t('activities.attendance.checkbox', { name: r.contactName })}
                        checked={attendedOf(r)}
                        onChange={(event) => {
                          const checked = event.currentTarget.checked;
                          setMarks((current) => ({ ...current, [r.id]: checked }));
                        }}
                      />
                    ) : r.attended === null ? (
                      '–'
                    ) : (
                      t(r.attended ? 'activities.attendance.yes' : 'activities.attendance.no')
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {r.status !== 'cancelled' ? (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setToCancel(r)}>
                        {t('activities.registrations.cancel')}
                        <span className="visually-hidden"> {r.contactName}</span>
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
              {activity.registrations.length === 0 ? (
                <EmptyRow colSpan={5} text={t('activities.registrations.empty')} />
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <ConfirmModal
        opened={toCancel !== null}
        title={t('activities.registrations.cancelTitle')}
        text={t('activities.registrations.cancelText', { name: toCancel?.contactName ?? '' })}
        confirmLabel={t('activities.registrations.cancelConfirm')}
        isDestructive
        isPending={cancel.isPending}
        onConfirm={() => void confirmCancel()}
        onCancel={() => setToCancel(null)}
      />
    </Paper>
  );
}
