import { Alert, Button, Group, Modal, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../contracts/companies';
import type { CompanyStatus } from '../../../../core/company-status';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError } from '../../../components/form-validation';
import { todayIsoDate } from '../../../components/format';
import { useChangeCompanyStatus, useReloadCompany } from '../api';

type StatusValues = { status: CompanyStatus | null; changedOn: string; reason: string };

type ChangeStatusModalProps = { company: Company; onClose: () => void };

/** Moves a company to one of the statuses the server offers; a withdrawal needs its reason. */
export function ChangeStatusModal({ company, onClose }: ChangeStatusModalProps) {
  const { t } = useTranslation();
  const change = useChangeCompanyStatus();
  const reload = useReloadCompany();
  const form = useForm<StatusValues>({
    initialValues: { status: null, changedOn: todayIsoDate(), reason: '' },
    validate: {
      status: (value) => (value ? null : t('companies.statusChange.chooseStatus')),
      changedOn: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('companies.statusChange.chooseDate')),
      reason: (value, values) =>
        values.status === 'withdrawn' && value.trim() === '' ? t('companies.statusChange.reasonRequired') : null,
    },
  });
  const status = form.getValues().status;

  async function handleSubmit(values: StatusValues) {
    if (!values.status) return;
    try {
      await change.mutateAsync({
        id: company.id,
        body: {
          version: company.version,
          status: values.status,
          changedOn: values.changedOn,
          ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
        },
      });
      notifications.show({
        color: 'teal',
        message: t('companies.statusChange.done', {
          name: company.name,
          status: t(`companies.status.${values.status}`),
        }),
      });
      onClose();
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  const error = change.error;
  return (
    <Modal opened onClose={onClose} title={t('companies.statusChange.title', { name: company.name })} size="lg">
      <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
        <Stack gap="md">
          {isApiError(error, 'conflict') ? (
            <Alert role="alert" color="orange" variant="light" title={t('errors.conflictTitle')}>
              <Stack gap="sm" align="flex-start">
                {t('companies.statusChange.conflict')}
                <Button
                  size="xs"
                  variant="white"
                  color="orange"
                  onClick={() => {
                    void reload(company.id);
                    onClose();
                  }}
                >
                  {t('common.reload')}
                </Button>
              </Stack>
            </Alert>
          ) : error && !(isApiError(error, 'invalid_input') && error.fieldErrors.length > 0) ? (
            <ErrorAlert error={error} />
          ) : null}
          <Radio.Group
            label={t('companies.statusChange.newStatus')}
            description={t('companies.statusChange.current', { status: t(`companies.status.${company.status}`) })}
            required
            {...form.getInputProps('status')}
          >
            <Stack gap="xs" mt="xs">
              {company.abilities.nextStatuses.map((next, index) => (
                <Radio
                  key={next}
                  value={next}
                  label={t(`companies.status.${next}`)}
                  data-autofocus={index === 0 || undefined}
                />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            type="date"
            label={t('companies.statusChange.date')}
            required
            w={{ base: '100%', xs: 220 }}
            {...form.getInputProps('changedOn')}
          />
          <Textarea
            label={t('companies.statusChange.reason')}
            description={
              status === 'withdrawn'
                ? t('companies.statusChange.reasonHintRequired')
                : t('companies.statusChange.reasonHint')
            }
            required={status === 'withdrawn'}
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('companies.statusChange.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
