import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ActionStatus } from '../../../../core/action-status';
import type { Action } from '../../../../contracts/action-plans';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { useUpdateAction } from '../api';
import { EffectFields, effectsBody, effectsValues, type EffectFormValues } from './effect-fields';

type Values = { status: ActionStatus; realised: EffectFormValues };

/** For the company's own user: mark an action done (or in progress) and report the saving it gave. */
export function ProgressModal({ action, onClose }: { action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAction();
  const form = useForm<Values>({
    initialValues: {
      status: action.status === 'planned' || action.status === 'in_progress' ? 'done' : action.status,
      realised: effectsValues(action.realised),
    },
  });

  async function handleSubmit(values: Values) {
    try {
      await update.mutateAsync({
        id: action.id,
        body: {
          version: action.version,
          ...(values.status !== action.status && { status: values.status }),
          realised: effectsBody(values.realised),
        },
      });
      notifications.show({ color: 'teal', message: t('actionPlans.form.saved') });
      onClose();
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('actionPlans.progress.title')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit(handleSubmit)}>
        <Stack gap="md">
          <Text fw={600}>{action.title}</Text>
          {isApiError(update.error, 'conflict') ? (
            <Alert role="alert" color="orange" variant="light" title={t('errors.conflictTitle')}>
              {t('errors.conflict')}
            </Alert>
          ) : update.error ? (
            <ErrorAlert error={update.error} />
          ) : null}
          <Select
            label={t('actionPlans.fields.status')}
            allowDeselect={false}
            data={[action.status, ...action.abilities.nextStatuses].map((status) => ({
              value: status,
              label: t(`actionPlans.statuses.${status}`),
            }))}
            {...form.getInputProps('status')}
          />
          <EffectFields form={form} path="realised" legend={t('actionPlans.progress.realisedLegend')} />
          <Text size="sm" c="dark.6">
            {t('actionPlans.progress.hint')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
