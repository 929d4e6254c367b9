import { Alert, Button, Card, Checkbox, Group, Loader, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { updateProgrammeSettingsBodySchema, type ProgrammeSettings } from '../../../../contracts/indicator-reports';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError, zodValidate } from '../../../components/form-validation';
import { useProgrammeSettings, useUpdateProgrammeSettings } from '../api';

type Values = { supportMinHours: number | string; supportCountsMeasurement: boolean; supportCountsAnalysis: boolean };

const valuesOf = (settings: ProgrammeSettings): Values => ({
  supportMinHours: settings.supportMinHours,
  supportCountsMeasurement: settings.supportCountsMeasurement,
  supportCountsAnalysis: settings.supportCountsAnalysis,
});

function SettingsForm({ settings, onReload }: { settings: ProgrammeSettings; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const update = useUpdateProgrammeSettings();
  const toBody = (values: Values) => ({
    version: settings.version,
    // An empty field is no number: the schema refuses it, naming the field.
    supportMinHours: typeof values.supportMinHours === 'number' ? values.supportMinHours : Number.NaN,
    supportCountsMeasurement: values.supportCountsMeasurement,
    supportCountsAnalysis: values.supportCountsAnalysis,
  });
  const validate = zodValidate<Values>(updateProgrammeSettingsBodySchema, t, toBody);
  const form = useForm<Values>({
    initialValues: valuesOf(settings),
    // The server's own schema; its hour rule gets one message that states it.
    validate: (values) => {
      const errors = validate(values);
      if (errors.supportMinHours) errors.supportMinHours = t('funderReports.settings.hoursError');
      return errors;
    },
  });
  // After a save or a reload the form shows what is stored.
  useEffect(() => {
    form.setValues(valuesOf(settings));
    form.resetDirty(valuesOf(settings));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.version]);

  async function save(values: Values) {
    try {
      await update.mutateAsync(updateProgrammeSettingsBodySchema.parse(toBody(values)));
      notifications.show({ color: 'teal', message: t('funderReports.settings.saved') });
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  const error = update.error;
  return (
    <form noValidate onSubmit={form.onSubmit(save, focusFirstError(form))}>
      <Stack gap="sm" align="flex-start">
        {isApiError(error, 'conflict') ? (
          <Alert role="alert" color="orange" variant="light" title={t('errors.conflictTitle')}>
            <Stack gap="sm" align="flex-start">
              {t('errors.conflict')}
              <Button variant="white" color="orange" size="xs" onClick={() => void onReload()}>
                {t('common.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : error && !(isApiError(error, 'invalid_input') && error.fieldErrors.length > 0) ? (
          <ErrorAlert error={error} />
        ) : null}
        <NumberInput
          label={t('funderReports.settings.minHours')}
          description={t('funderReports.settings.minHoursHint')}
          min={0.25}
          max={200}
          step={0.25}
          decimalScale={2}
          decimalSeparator=","
          w={260}
          {...form.getInputProps('supportMinHours')}
        />
        <Checkbox
          label={t('funderReports.settings.countsMeasurement')}
          {...form.getInputProps('supportCountsMeasurement', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('funderReports.settings.countsAnalysis')}
          {...form.getInputProps('supportCountsAnalysis', { type: 'checkbox' })}
        />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('funderReports.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A card of the programme's settings: its title and text, then a form on the settings as stored. */
export function ProgrammeSettingsSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: string;
  children: (settings: ProgrammeSettings, reload: () => Promise<unknown>) => ReactNode;
}) {
  const { t } = useTranslation();
  const settings = useProgrammeSettings(true);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} id={id} fz="h3" mb="xs">
        {title}
      </Title>
      <Text size="sm" c="dark.6" mb="sm" maw={720}>
        {description}
      </Text>
      {settings.error ? <ErrorAlert error={settings.error} /> : null}
      {settings.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {settings.data ? children(settings.data, () => settings.refetch()) : null}
    </Card>
  );
}

/** The programme's RCO04 rule (admins): what counts as structured and documented support. A change
 * applies to every report made afterwards; frozen reports keep the rule they were made with. */
export function ProgrammeSettingsCard() {
  const { t } = useTranslation();
  return (
    <ProgrammeSettingsSection
      id="programme-settings"
      title={t('funderReports.settings.title')}
      description={t('funderReports.settings.description')}
    >
      {(settings, reload) => <SettingsForm settings={settings} onReload={reload} />}
    </ProgrammeSettingsSection>
  );
}
