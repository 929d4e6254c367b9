import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  hoursProblem,
  interventionAreas,
  interventionDateProblem,
  interventionHourLimits,
  interventionKinds,
  type InterventionArea,
  type InterventionKind,
} from '../../../../core/interventions';
import type { Intervention } from '../../../../contracts/interventions';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError } from '../../../components/form-validation';
import { todayIsoDate } from '../../../components/format';
import { useLogIntervention, useUpdateIntervention } from '../interventions-api';

type Values = {
  occurredOn: string;
  kind: InterventionKind | null;
  area: InterventionArea | 'none';
  hours: number | string;
  notes: string;
  nextFollowUpOn: string;
};

type Props = { companyId: string; intervention?: Intervention; onClose: () => void };

/** Logs a piece of coaching (date, kind, area, hours in quarter hours, notes, next follow-up), or changes one. */
export function InterventionFormModal({ companyId, intervention, onClose }: Props) {
  const { t } = useTranslation();
  const log = useLogIntervention();
  const update = useUpdateIntervention();
  const today = todayIsoDate();
  const form = useForm<Values>({
    initialValues: {
      occurredOn: intervention?.occurredOn ?? today,
      kind: intervention?.kind ?? null,
      area: intervention?.area ?? 'none',
      hours: intervention?.hours ?? 1,
      notes: intervention?.notes ?? '',
      nextFollowUpOn: intervention?.nextFollowUpOn ?? '',
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (!values.occurredOn) errors.occurredOn = t('validation.required');
      if (!values.kind) errors.kind = t('validation.required');
      const hours = typeof values.hours === 'number' ? values.hours : Number.NaN;
      const problem = hoursProblem(hours);
      if (problem) errors.hours = t(`interventions.form.hours.${problem}`);
      const dates = values.occurredOn
        ? interventionDateProblem(values.occurredOn, values.nextFollowUpOn || null, today)
        : null;
      if (dates) errors[dates.field] = t(`interventions.form.dates.${dates.problem}`);
      return errors;
    },
  });

  async function handleSubmit(values: Values) {
    const body = {
      occurredOn: values.occurredOn,
      kind: values.kind!,
      area: values.area === 'none' ? null : values.area,
      hours: Number(values.hours),
      notes: values.notes.trim() || null,
      nextFollowUpOn: values.nextFollowUpOn || null,
    };
    try {
      if (intervention) {
        await update.mutateAsync({ id: intervention.id, body: { version: intervention.version, ...body } });
        notifications.show({ color: 'teal', message: t('interventions.form.saved') });
      } else {
        const logged = await log.mutateAsync({ companyId, body });
        // Support without a state aid grant is recorded all the same; the coach is told (issue 13).
        notifications.show(
          logged.warnings?.includes('no_state_aid_grant')
            ? { color: 'yellow', autoClose: 12_000, message: t('interventions.form.loggedWithoutGrant') }
            : { color: 'teal', message: t('interventions.form.logged') },
        );
      }
      onClose();
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  const error = intervention ? update.error : log.error;
  const isPending = intervention ? update.isPending : log.isPending;
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={intervention ? t('interventions.form.editTitle') : t('interventions.form.title')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
        <Stack gap="md">
          {isApiError(error, 'conflict') ? (
            <Alert role="alert" color="orange" variant="light" title={t('errors.conflictTitle')}>
              {t('errors.conflict')}
            </Alert>
          ) : error && !(isApiError(error, 'invalid_input') && error.fieldErrors.length > 0) ? (
            <ErrorAlert error={error} />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              type="date"
              label={t('interventions.fields.occurredOn')}
              required
              max={today}
              data-autofocus
              {...form.getInputProps('occurredOn')}
            />
            <NumberInput
              label={t('interventions.fields.hours')}
              description={t('interventions.form.hoursHint')}
              required
              min={interventionHourLimits.min}
              max={interventionHourLimits.max}
              step={interventionHourLimits.step}
              decimalScale={2}
              decimalSeparator=","
              {...form.getInputProps('hours')}
            />
            <Select
              label={t('interventions.fields.kind')}
              required
              data={interventionKinds.map((kind) => ({ value: kind, label: t(`interventions.kinds.${kind}`) }))}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('interventions.fields.area')}
              allowDeselect={false}
              data={[
                { value: 'none', label: t('interventions.generalArea') },
                ...interventionAreas.map((area) => ({ value: area, label: t(`areas.${area}`) })),
              ]}
              {...form.getInputProps('area')}
            />
          </SimpleGrid>
          <Textarea
            label={t('interventions.fields.notes')}
            description={t('interventions.form.notesHint')}
            autosize
            minRows={3}
            maxLength={5000}
            {...form.getInputProps('notes')}
          />
          <TextInput
            type="date"
            label={t('interventions.fields.nextFollowUpOn')}
            description={t('interventions.form.nextHint')}
            {...form.getInputProps('nextFollowUpOn')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {intervention ? t('common.save') : t('interventions.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
