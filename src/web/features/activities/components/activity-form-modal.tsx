import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import {
  activityLimits,
  createActivityBodySchema,
  type Activity,
  type CreateActivityBody,
} from '../../../../contracts/activities';
import { activityTypes, type ActivityType } from '../../../../core/activities';
import { areas, type Area } from '../../../../core/areas';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError, zodValidate } from '../../../components/form-validation';
import { useSignedInUser } from '../../../components/session';
import { useOrganisations } from '../../../components/people-and-organisations';
import { useCreateActivity, useReloadActivity, useUpdateActivity } from '../api';

type ActivityValues = {
  type: ActivityType;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string;
  capacity: number | string;
  costPerParticipantSek: number | string;
  areas: Area[];
  organisationIds: string[];
  isPublic: boolean;
};

/** An instant as the value of <input type="datetime-local">, on the user's wall clock. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An input's wall-clock time as an instant; an empty or unreadable one is left for the contract to refuse. */
function toInstant(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** The body as the contract reads it: the form checks it with the server's own schema. */
function toBody(values: ActivityValues): CreateActivityBody {
  return {
    type: values.type,
    title: values.title.trim(),
    description: values.description.trim(),
    startsAt: toInstant(values.startsAt) as string,
    endsAt: toInstant(values.endsAt) as string,
    place: values.place.trim() || null,
    onlineUrl: values.onlineUrl.trim() || null,
    capacity: values.capacity === '' ? null : Number(values.capacity),
    costPerParticipantSek: values.costPerParticipantSek === '' ? 0 : Number(values.costPerParticipantSek),
    areas: values.areas,
    organisationIds: values.organisationIds,
    isPublic: values.isPublic,
  };
}

/** The contract's rules (createActivityBodySchema), in the form's own words where a field needs them. */
function validateActivity(t: TFunction) {
  const base = zodValidate<ActivityValues>(createActivityBodySchema as z.ZodType<unknown>, t, toBody);
  return (values: ActivityValues) => {
    const errors = base(values);
    if (errors.onlineUrl) errors.onlineUrl = t('activities.form.https');
    if (errors.organisationIds) errors.organisationIds = t('activities.form.organiserRequired');
    return errors;
  };
}

type ActivityFormModalProps = {
  activity?: Activity;
  onClose: () => void;
  onSaved?: (activity: Activity) => void;
};

/** Creates an activity, or changes one (organisers only; the server says who may). */
export function ActivityFormModal({ activity, onClose, onSaved }: ActivityFormModalProps) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const organisations = useOrganisations();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const reload = useReloadActivity();
  const form = useForm<ActivityValues>({
    initialValues: {
      type: activity?.type ?? 'workshop',
      title: activity?.title ?? '',
      description: activity?.description ?? '',
      startsAt: activity ? toLocalInput(activity.startsAt) : '',
      endsAt: activity ? toLocalInput(activity.endsAt) : '',
      place: activity?.place ?? '',
      onlineUrl: activity?.onlineUrl ?? '',
      capacity: activity?.capacity ?? '',
      costPerParticipantSek: activity?.costPerParticipantSek ?? 0,
      areas: activity?.areas ?? [],
      organisationIds: activity?.organisers.map((o) => o.id) ?? (me.organisationId ? [me.organisationId] : []),
      isPublic: activity?.isPublic ?? false,
    },
    validate: validateActivity(t),
  });

  async function handleSubmit(values: ActivityValues) {
    try {
      const body = toBody(values);
      const saved = activity
        ? await update.mutateAsync({ id: activity.id, body: { ...body, version: activity.version } })
        : await create.mutateAsync(body);
      notifications.show({
        color: 'teal',
        message: t(activity ? 'activities.form.saved' : 'activities.form.created', { title: saved.title }),
      });
      onSaved?.(saved);
      onClose();
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  const error = activity ? update.error : create.error;
  return (
    <Modal
      opened
      onClose={onClose}
      title={activity ? t('activities.form.editTitle') : t('activities.form.createTitle')}
      size="xl"
    >
      <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
        <Stack gap="md">
          {isApiError(error, 'conflict') && activity ? (
            <Alert role="alert" color="orange" variant="light" title={t('errors.conflictTitle')}>
              <Stack gap="sm" align="flex-start">
                {t('errors.conflict')}
                <Button
                  size="xs"
                  variant="white"
                  color="orange"
                  onClick={() => {
                    void reload(activity.id);
                    onClose();
                  }}
                >
                  {t('common.reload')}
                </Button>
              </Stack>
            </Alert>
          ) : error && !isApiError(error, 'invalid_input') ? (
            <ErrorAlert error={error} />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('activities.form.type')}
              required
              allowDeselect={false}
              data={activityTypes.map((value) => ({ value, label: t(`activities.type.${value}`) }))}
              {...form.getInputProps('type')}
            />
            <TextInput
              label={t('activities.form.title')}
              required
              maxLength={activityLimits.titleMax}
              {...form.getInputProps('title')}
            />
            <TextInput
              type="datetime-local"
              label={t('activities.form.startsAt')}
              required
              {...form.getInputProps('startsAt')}
            />
            <TextInput
              type="datetime-local"
              label={t('activities.form.endsAt')}
              required
              {...form.getInputProps('endsAt')}
            />
            <TextInput label={t('activities.form.place')} {...form.getInputProps('place')} />
            <TextInput
              label={t('activities.form.onlineUrl')}
              placeholder="https://"
              type="url"
              {...form.getInputProps('onlineUrl')}
            />
            <NumberInput
              label={t('activities.form.capacity')}
              description={t('activities.form.capacityHelp')}
              min={1}
              max={activityLimits.capacityMax}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('capacity')}
            />
            <NumberInput
              label={t('activities.form.cost')}
              description={t('activities.form.costHelp')}
              min={0}
              max={activityLimits.costMax}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=" "
              suffix=" kr"
              {...form.getInputProps('costPerParticipantSek')}
            />
            <MultiSelect
              label={t('activities.form.areas')}
              data={areas.map((value) => ({ value, label: t(`areas.${value}`) }))}
              {...form.getInputProps('areas')}
            />
            <MultiSelect
              label={t('activities.form.organisers')}
              required
              data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
              {...form.getInputProps('organisationIds')}
            />
          </SimpleGrid>
          <Textarea
            label={t('activities.form.description')}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={activityLimits.descriptionMax}
            {...form.getInputProps('description')}
          />
          <Checkbox
            label={t('activities.form.isPublic')}
            description={t('activities.form.isPublicHelp')}
            {...form.getInputProps('isPublic', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {activity ? t('common.save') : t('activities.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
