import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { consentBodySchema, type Contact } from '../../../../contracts/contacts';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError, zodValidate } from '../../../components/form-validation';
import { useRecordConsent } from '../api';
import { ConsentFields, consentBody, emptyConsent, type ConsentValues } from './consent-fields';

/** Records a consent the person has given (what, which text version, when). */
export function ConsentModal({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordConsent();
  const form = useForm<ConsentValues>({
    initialValues: emptyConsent(),
    validate: zodValidate<ConsentValues>(consentBodySchema, t, consentBody),
  });

  async function handleSubmit(values: ConsentValues) {
    try {
      await record.mutateAsync({ id: contact.id, body: consentBody(values) });
      notifications.show({ color: 'teal', message: t('contacts.consent.recorded', { name: contact.name }) });
      onClose();
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  const error = record.error;
  return (
    <Modal opened onClose={onClose} title={t('contacts.consent.title', { name: contact.name })} size="lg">
      <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
        <Stack gap="md">
          <Text size="sm">{t('contacts.consent.intro')}</Text>
          {error && !(isApiError(error, 'invalid_input') && error.fieldErrors.length > 0) ? (
            <ErrorAlert error={error} />
          ) : null}
          <ConsentFields form={form} path="" autoFocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('contacts.consent.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
