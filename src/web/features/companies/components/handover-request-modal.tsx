import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { createHandoverRequestBodySchema, type ThinCompany } from '../../../../contracts/companies';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError, zodValidate } from '../../../components/form-validation';
import { useRequestHandover } from '../api';

type HandoverRequestModalProps = { company: ThinCompany; onClose: () => void; onSent?: () => void };

/** Asks project management to move a company to the user's organisation, with the reason why. */
export function HandoverRequestModal({ company, onClose, onSent }: HandoverRequestModalProps) {
  const { t } = useTranslation();
  const request = useRequestHandover();
  const form = useForm({
    initialValues: { reason: '' },
    validate: zodValidate(createHandoverRequestBodySchema, t),
  });

  async function handleSubmit(values: { reason: string }) {
    try {
      await request.mutateAsync({ companyId: company.id, reason: values.reason.trim() });
      notifications.show({ color: 'teal', message: t('companies.handover.sent', { name: company.name }) });
      onSent?.();
      onClose();
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  const error = request.error;
  return (
    <Modal opened onClose={onClose} title={t('companies.handover.title', { name: company.name })} size="lg">
      <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
        <Stack gap="md">
          <Text>
            {t('companies.handover.intro', {
              organisation: company.organisationName,
              organisationNumber: company.organisationNumber,
            })}
          </Text>
          {error && !(isApiError(error, 'invalid_input') && error.fieldErrors.length > 0) ? (
            <ErrorAlert error={error} />
          ) : null}
          <Textarea
            label={t('companies.handover.reason')}
            description={t('companies.handover.reasonHint')}
            required
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={request.isPending}>
              {t('companies.handover.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
