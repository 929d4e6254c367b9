import { Button, Group, NumberInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  targetCompaniesMax,
  updateProgrammeSettingsBodySchema,
  type ProgrammeSettings,
} from '../../../../contracts/indicator-reports';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { formatNumber } from '../../../components/format';
import { focusFirstError, zodValidate } from '../../../components/form-validation';
import { useUpdateProgrammeSettings } from '../api';
import { ProgrammeSettingsSection } from './programme-settings-card';

type Values = { targetCompanies: number | string };

function TargetForm({ settings }: { settings: ProgrammeSettings }) {
  const { t } = useTranslation();
  const update = useUpdateProgrammeSettings();
  const toBody = (values: Values) => ({
    version: settings.version,
    // An empty field is no number: the schema refuses it, naming the field.
    targetCompanies: typeof values.targetCompanies === 'number' ? values.targetCompanies : Number.NaN,
  });
  const validate = zodValidate<Values>(updateProgrammeSettingsBodySchema, t, toBody);
  const form = useForm<Values>({
    initialValues: { targetCompanies: settings.targetCompanies },
    validate: (values) => {
      const errors = validate(values);
      if (errors.targetCompanies)
        errors.targetCompanies = t('funderReports.target.error', { max: formatNumber(targetCompaniesMax) });
      return errors;
    },
  });
  // After a save or a reload the form shows what is stored.
  useEffect(() => {
    form.setValues({ targetCompanies: settings.targetCompanies });
    form.resetDirty({ targetCompanies: settings.targetCompanies });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.version]);

  async function save(values: Values) {
    try {
      await update.mutateAsync(updateProgrammeSettingsBodySchema.parse(toBody(values)));
      notifications.show({ color: 'teal', message: t('funderReports.target.saved') });
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  return (
    <form noValidate onSubmit={form.onSubmit(save, focusFirstError(form))}>
      <Stack gap="sm" align="flex-start">
        {update.error ? <ErrorAlert error={update.error} /> : null}
        <NumberInput
          label={t('funderReports.target.label')}
          min={1}
          max={targetCompaniesMax}
          step={1}
          allowDecimal={false}
          thousandSeparator=" "
          w={260}
          {...form.getInputProps('targetCompanies')}
        />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('funderReports.target.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The programme's target of companies (admins): what the overview's progress is measured against. */
export function ProgrammeTargetCard() {
  const { t } = useTranslation();
  return (
    <ProgrammeSettingsSection
      id="programme-target"
      title={t('funderReports.target.title')}
      description={t('funderReports.target.description')}
    >
      {(settings) => <TargetForm settings={settings} />}
    </ProgrammeSettingsSection>
  );
}
