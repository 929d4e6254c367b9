import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoverRequest } from '../../../../contracts/companies';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { useDecideHandover } from '../api';

type DecideHandoverModalProps = {
  request: HandoverRequest;
  decision: 'approve' | 'refuse';
  onClose: () => void;
};

/** Approves (the company moves to the requesting organisation) or refuses a hand-over, with a note. */
export function DecideHandoverModal({ request, decision, onClose }: DecideHandoverModalProps) {
  const { t } = useTranslation();
  const decide = useDecideHandover();
  const [note, setNote] = useState('');

  async function handleDecide() {
    try {
      await decide.mutateAsync({
        id: request.id,
        body: { version: request.version, decision, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      notifications.show({
        color: 'teal',
        message: t(decision === 'approve' ? 'handovers.decide.approved' : 'handovers.decide.refused', {
          name: request.companyName,
        }),
      });
      onClose();
    } catch {
      // Shown below from the mutation's error.
    }
  }

  const isApprove = decision === 'approve';
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(isApprove ? 'handovers.decide.approveTitle' : 'handovers.decide.refuseTitle', {
        name: request.companyName,
      })}
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">
          {t(isApprove ? 'handovers.decide.approveText' : 'handovers.decide.refuseText', {
            from: request.fromOrganisationName,
            to: request.toOrganisationName,
          })}
        </Text>
        <Text size="sm" c="dark.4">
          {t('handovers.decide.reasonGiven', { reason: request.reason })}
        </Text>
        {isApiError(decide.error, 'conflict') ? (
          <Alert role="alert" color="orange" variant="light" title={t('errors.conflictTitle')}>
            {t('handovers.decide.conflict')}
          </Alert>
        ) : (
          <ErrorAlert error={decide.error} />
        )}
        <Textarea
          label={t('handovers.decide.note')}
          description={t('handovers.decide.noteHint')}
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={isApprove ? undefined : 'red.8'}
            loading={decide.isPending}
            onClick={() => void handleDecide()}
          >
            {t(isApprove ? 'handovers.actions.approve' : 'handovers.actions.refuse')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
