import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../contracts/contacts';
import { ErrorAlert } from '../../../components/error-alert';
import { useEraseContact } from '../api';

/**
 * Erases a person's data (GDPR art. 17): the record stays, pseudonymised, so counts for funders
 * still add up. It cannot be undone, so the user confirms in words before the button works.
 */
export function EraseContactModal({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const erase = useEraseContact();
  const [isUnderstood, setUnderstood] = useState(false);

  async function handleErase() {
    try {
      await erase.mutateAsync(contact.id);
      notifications.show({ color: 'teal', message: t('contacts.erase.done') });
      onClose();
    } catch {
      // Shown below from the mutation's error.
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('contacts.erase.title', { name: contact.name })} size="lg">
      <Stack gap="md">
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={20} aria-hidden />}
          title={t('contacts.erase.warningTitle')}
        >
          {t('contacts.erase.warning')}
        </Alert>
        <Text size="sm">{t('contacts.erase.what')}</Text>
        <List size="sm" spacing={2}>
          <List.Item>{t('contacts.erase.whatName')}</List.Item>
          <List.Item>{t('contacts.erase.whatContact')}</List.Item>
          <List.Item>{t('contacts.erase.whatKept')}</List.Item>
        </List>
        <Text size="sm">{t('contacts.erase.exportFirst')}</Text>
        <ErrorAlert error={erase.error} />
        <Checkbox
          label={t('contacts.erase.confirm', { name: contact.name })}
          checked={isUnderstood}
          onChange={(event) => setUnderstood(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red.8" disabled={!isUnderstood} loading={erase.isPending} onClick={() => void handleErase()}>
            {t('contacts.erase.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
