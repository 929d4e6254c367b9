import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionStatus } from '../../../../core/action-status';
import type { Action } from '../../../../contracts/action-plans';
import { isApiError } from '../../../components/api-client';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { useUpdateAction } from '../api';
import {
  EffectFields,
  effectErrors,
  effectsBody,
  effectsValues,
  increasesText,
  newIncreases,
  type EffectFormValues,
} from './effect-fields';

type Values = { status: ActionStatus; realised: EffectFormValues };

/** For the company's own user: mark an action done (or in progress) and report the saving it gave.
 * With an energy carrier the CO2e follows the kWh reported (decision 038); an increase (a negative
 * figure) is confirmed before it is sent. */
export function ProgressModal({ action, onClose }: { action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAction();
  const co2eFactor = action.carrier ? action.emissionFactorKgPerKwh : null;
  const isCo2eComputed = co2eFactor !== null;
  const [confirming, setConfirming] = useState<Values | null>(null);
  const form = useForm<Values>({
    initialValues: {
      status: action.status === 'planned' || action.status === 'in_progress' ? 'done' : action.status,
      realised: effectsValues(action.realised),
    },
    validate: (values) => effectErrors(t, 'realised', values.realised, isCo2eComputed),
  });

  const increasesOf = (values: Values) =>
    newIncreases(effectsBody(values.realised, isCo2eComputed), action.realised).map((increase) => ({
      side: 'realised' as const,
      ...increase,
    }));

  function handleValid(values: Values) {
    if (increasesOf(values).length > 0) setConfirming(values);
    else void handleSubmit(values);
  }

  async function handleSubmit(values: Values) {
    try {
      await update.mutateAsync({
        id: action.id,
        body: {
          version: action.version,
          ...(values.status !== action.status && { status: values.status }),
          realised: effectsBody(values.realised, isCo2eComputed),
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
      <form noValidate onSubmit={form.onSubmit(handleValid)}>
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
          <EffectFields
            form={form}
            path="realised"
            legend={t('actionPlans.progress.realisedLegend')}
            co2eFactor={co2eFactor}
          />
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
      <ConfirmModal
        opened={confirming !== null}
        title={t('actionPlans.increase.title')}
        text={t('actionPlans.increase.text', { list: confirming ? increasesText(t, increasesOf(confirming)) : '' })}
        confirmLabel={t('actionPlans.increase.confirm')}
        isPending={update.isPending}
        onConfirm={() => {
          const values = confirming;
          setConfirming(null);
          if (values) void handleSubmit(values);
        }}
        onCancel={() => setConfirming(null)}
      />
    </Modal>
  );
}
