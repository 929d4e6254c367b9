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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextActionStatuses, type ActionStatus } from '../../../../core/action-status';
import { maturityAreas, type MaturityArea } from '../../../../core/maturity-areas';
import {
  actionDescriptionMax,
  actionTitleMax,
  createActionBodySchema,
  updateActionBodySchema,
  type Action,
  type ActionList,
} from '../../../../contracts/action-plans';
import { isApiError, type ApiRequestError } from '../../../components/api-client';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors, fieldErrorMessage } from '../../../components/error-message';
import { focusFirstError, zodValidate } from '../../../components/form-validation';
import { useCreateAction, useUpdateAction } from '../api';
import {
  computedCo2eTonnes,
  EffectFields,
  effectErrors,
  effectsBody,
  effectsValues,
  emptyEffects,
  increasesText,
  newIncreases,
  type EffectFormValues,
} from './effect-fields';

type Values = {
  area: MaturityArea | null;
  title: string;
  description: string;
  targetStep: string;
  owner: string;
  dueOn: string;
  status: ActionStatus;
  investmentSek: number | string;
  carrier: string | null;
  expected: EffectFormValues;
  realised: EffectFormValues;
};

type Props = {
  companyId: string;
  owners: ActionList['owners'];
  /** The energy carriers an action may name, with the factor each takes when chosen now. */
  carriers: ActionList['carriers'];
  action?: Action;
  /** Pre-filled values for a new action (e.g. adopting a suggestion with edits). */
  initial?: Partial<Values>;
  title?: string;
  /** Saves the body instead of creating an action (adopting a suggestion with edits). */
  onSubmitCreate?: (body: ReturnType<typeof toBody>) => Promise<unknown>;
  onClose: () => void;
};

function toBody(values: Values) {
  const [kind, id] = values.owner ? values.owner.split(':') : [];
  // With a carrier the server computes the CO2e (decision 038): a typed one would be refused.
  const isCo2eComputed = values.carrier !== null;
  return {
    area: values.area as MaturityArea,
    title: values.title,
    description: values.description.trim() || null,
    targetStep: values.targetStep ? Number(values.targetStep) : null,
    ownerContactId: kind === 'contact' ? id! : null,
    ownerUserId: kind === 'coach' ? id! : null,
    dueOn: values.dueOn || null,
    investmentSek:
      typeof values.investmentSek === 'number'
        ? values.investmentSek
        : values.investmentSek
          ? Number(values.investmentSek)
          : null,
    carrier: values.carrier,
    expected: effectsBody(values.expected, isCo2eComputed),
  };
}

/** Writes an action of a company's plan: what, area and target step, owner, due date, investment, effects. */
export function ActionFormModal({
  companyId,
  owners,
  carriers,
  action,
  initial,
  title,
  onSubmitCreate,
  onClose,
}: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'sv';
  // Values waiting for the person to confirm the increases they hold (negative figures).
  const [confirming, setConfirming] = useState<Values | null>(null);
  const create = useCreateAction(companyId);
  const update = useUpdateAction();
  const schema = action ? updateActionBodySchema : createActionBodySchema;
  const form = useForm<Values>({
    initialValues: {
      area: action?.area ?? null,
      title: action?.title ?? '',
      description: action?.description ?? '',
      targetStep: action?.targetStep ? String(action.targetStep) : '',
      owner: action?.owner ? `${action.owner.kind}:${action.owner.id}` : '',
      dueOn: action?.dueOn ?? '',
      status: action?.status ?? 'planned',
      investmentSek: action?.investmentSek ?? '',
      carrier: action?.carrier ?? null,
      expected: action ? effectsValues(action.expected) : emptyEffects,
      realised: action ? effectsValues(action.realised) : emptyEffects,
      ...initial,
    },
    validate: (values) => {
      const errors = zodValidate<Values>(schema, t, (v) => ({
        ...(action && { version: action.version }),
        ...toBody(v),
      }))(values);
      if (!values.area) errors.area = t('validation.required');
      const isComputed = values.carrier !== null;
      return {
        ...errors,
        ...effectErrors(t, 'expected', values.expected, isComputed),
        ...effectErrors(t, 'realised', values.realised, isComputed),
      };
    },
  });

  /** The factor the CO2e is computed with: the action's own for its carrier (kept, decision 038),
   * else the one the carrier takes now; null without a carrier. */
  const factorOf = (carrier: string | null) =>
    carrier === null
      ? null
      : carrier === action?.carrier
        ? action.emissionFactorKgPerKwh
        : (carriers.find((candidate) => candidate.key === carrier)?.emissionFactorKgPerKwh ?? null);
  const co2eFactor = factorOf(form.getValues().carrier);
  const carrierInput = form.getInputProps('carrier');

  function changeCarrier(next: string | null) {
    const values = form.getValues();
    const factor = factorOf(values.carrier);
    // Removing the carrier keeps the CO2e that was shown, now as a typed figure the person may change.
    if (next === null && factor !== null) {
      for (const side of ['expected', 'realised'] as const) {
        form.setFieldValue(`${side}.co2eTonnes`, computedCo2eTonnes(values[side].kwh, factor));
      }
    }
    form.setFieldValue('carrier', next);
  }

  /** The negative figures not saved so before, which the person confirms before they are sent. */
  function increasesOf(values: Values) {
    const isComputed = values.carrier !== null;
    return [
      ...newIncreases(effectsBody(values.expected, isComputed), action?.expected ?? null).map((increase) => ({
        side: 'expected' as const,
        ...increase,
      })),
      ...(action
        ? newIncreases(effectsBody(values.realised, isComputed), action.realised).map((increase) => ({
            side: 'realised' as const,
            ...increase,
          }))
        : []),
    ];
  }

  function handleValid(values: Values) {
    if (increasesOf(values).length > 0) setConfirming(values);
    else void handleSubmit(values);
  }

  async function handleSubmit(values: Values) {
    const body = toBody(values);
    try {
      if (action) {
        await update.mutateAsync({
          id: action.id,
          body: {
            version: action.version,
            ...body,
            ...(values.status !== action.status && { status: values.status }),
            realised: effectsBody(values.realised, values.carrier !== null),
          },
        });
      } else if (onSubmitCreate) {
        await onSubmitCreate(body);
      } else {
        await create.mutateAsync({ ...body, status: values.status === 'cancelled' ? 'planned' : values.status });
      }
      notifications.show({ color: 'teal', message: t('actionPlans.form.saved') });
      onClose();
    } catch (error) {
      const ownerError = (error as ApiRequestError).fieldErrors?.find((f) => f.field.startsWith('owner'));
      if (ownerError) form.setFieldError('owner', fieldErrorMessage(t, ownerError));
      else applyFieldErrors(t, form, error);
    }
  }

  const error = action ? update.error : create.error;
  const statusOptions: ActionStatus[] = action
    ? [action.status, ...nextActionStatuses(action.status)]
    : ['planned', 'in_progress', 'done'];
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={title ?? (action ? t('actionPlans.form.editTitle') : t('actionPlans.form.title'))}
      size="xl"
    >
      <form noValidate onSubmit={form.onSubmit(handleValid, focusFirstError(form))}>
        <Stack gap="md">
          {isApiError(error, 'conflict') ? (
            <Alert role="alert" color="orange" variant="light" title={t('errors.conflictTitle')}>
              {t('errors.conflict')}
            </Alert>
          ) : error && !(isApiError(error, 'invalid_input') && error.fieldErrors.length > 0) ? (
            <ErrorAlert error={error} />
          ) : null}
          <TextInput
            label={t('actionPlans.fields.title')}
            required
            maxLength={actionTitleMax}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('actionPlans.fields.description')}
            autosize
            minRows={2}
            maxLength={actionDescriptionMax}
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Select
              label={t('actionPlans.fields.area')}
              required
              data={maturityAreas.map((area) => ({ value: area, label: t(`areas.${area}`) }))}
              {...form.getInputProps('area')}
            />
            <Select
              label={t('actionPlans.fields.targetStep')}
              clearable
              data={['1', '2', '3', '4', '5'].map((step) => ({ value: step, label: t('actionPlans.step', { step }) }))}
              {...form.getInputProps('targetStep')}
            />
            <Select
              label={t('actionPlans.fields.status')}
              allowDeselect={false}
              data={statusOptions.map((status) => ({ value: status, label: t(`actionPlans.statuses.${status}`) }))}
              {...form.getInputProps('status')}
            />
            <Select
              label={t('actionPlans.fields.owner')}
              clearable
              searchable
              data={[
                {
                  group: t('actionPlans.form.ownerContacts'),
                  items: owners.contacts.map((c) => ({ value: `contact:${c.id}`, label: c.name })),
                },
                {
                  group: t('actionPlans.form.ownerCoaches'),
                  items: owners.coaches.map((c) => ({ value: `coach:${c.id}`, label: c.name })),
                },
              ]}
              {...form.getInputProps('owner')}
            />
            <TextInput type="date" label={t('actionPlans.fields.dueOn')} {...form.getInputProps('dueOn')} />
            <NumberInput
              label={t('actionPlans.fields.investmentSek')}
              min={0}
              thousandSeparator=" "
              decimalScale={0}
              allowNegative={false}
              {...form.getInputProps('investmentSek')}
            />
          </SimpleGrid>
          <Select
            label={t('actionPlans.fields.carrier')}
            description={t('actionPlans.form.carrierHelp')}
            clearable
            data={carriers.map((carrier) => ({ value: carrier.key, label: carrier.name[language] }))}
            {...carrierInput}
            onChange={changeCarrier}
          />
          <EffectFields
            form={form}
            path="expected"
            legend={t('actionPlans.form.expectedLegend')}
            co2eFactor={co2eFactor}
          />
          {action ? (
            <EffectFields
              form={form}
              path="realised"
              legend={t('actionPlans.form.realisedLegend')}
              co2eFactor={co2eFactor}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
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
        isPending={create.isPending || update.isPending}
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
