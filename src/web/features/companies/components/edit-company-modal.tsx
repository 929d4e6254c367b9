import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../contracts/companies';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError } from '../../../components/form-validation';
import { formatNumber, formatSek } from '../../../components/format';
import { useUpdateCompany } from '../api';
import {
  changedFactFields,
  factsFromValues,
  mergeEdits,
  validateUpdate,
  valuesFromCompany,
  type CompanyFormValues,
  type FactField,
} from '../company-form';
import { CompanyConflictAlert, useCompanyConflict } from './company-conflict';
import { CompanyFields } from './company-fields';

/** How a field's new value reads in the "someone changed this" notice. */
function shownValue(company: Company, field: FactField, none: string): string {
  switch (field) {
    case 'municipalityCode':
      return company.municipalityName ?? none;
    case 'coachId':
      return company.coachName ?? none;
    case 'turnoverSek':
    case 'balanceSheetSek': {
      const value = company[field];
      return value === null ? none : formatSek(value);
    }
    case 'headcount':
      return company.headcount === null ? none : formatNumber(company.headcount);
    default: {
      const value = company[field];
      return value === null || value === '' ? none : String(value);
    }
  }
}

type EditCompanyModalProps = { company: Company; onClose: () => void };

/**
 * Changes a company's facts. It sends the version it read; when someone else saved first (409)
 * it reads the company again and says which facts they changed, so the user can choose.
 */
export function EditCompanyModal({ company, onClose }: EditCompanyModalProps) {
  const { t } = useTranslation();
  const update = useUpdateCompany();
  const [base, setBase] = useState(company);
  const { fresh, reloadError, handleConflict, clearConflict } = useCompanyConflict(company.id);
  const form = useForm<CompanyFormValues>({
    initialValues: valuesFromCompany(company),
    validate: validateUpdate(t),
  });

  async function handleSubmit(values: CompanyFormValues) {
    try {
      await update.mutateAsync({ id: company.id, body: { version: base.version, ...factsFromValues(values) } });
      notifications.show({ color: 'teal', message: t('companies.edit.saved', { name: values.name.trim() }) });
      onClose();
    } catch (error) {
      if (await handleConflict(error)) return;
      applyFieldErrors(t, form, error);
    }
  }

  function takeTheirs() {
    if (!fresh) return;
    form.setValues(valuesFromCompany(fresh));
    form.resetDirty(valuesFromCompany(fresh));
    setBase(fresh);
    clearConflict();
    update.reset();
  }

  function keepMine() {
    if (!fresh) return;
    form.setValues(mergeEdits(valuesFromCompany(base), form.getValues(), valuesFromCompany(fresh)));
    setBase(fresh);
    clearConflict();
    update.reset();
  }

  const error = update.error;
  const none = t('companies.facts.none');
  return (
    <Modal opened onClose={onClose} title={t('companies.edit.title', { name: company.name })} size="xl">
      <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
        <Stack gap="lg">
          <Group grow align="flex-start">
            <TextInput label={t('companies.fields.organisationNumber')} value={company.organisationNumber} readOnly />
            <TextInput label={t('companies.fields.name')} required data-autofocus {...form.getInputProps('name')} />
          </Group>
          <CompanyFields form={form} withOrganisation={false} fallbackOrganisationId={company.organisationId} />
          {/* Beside the save button, where the user looks after saving. */}
          {fresh ? (
            <CompanyConflictAlert
              changes={changedFactFields(base, fresh).map((field) => ({
                key: field,
                label: t(`companies.fields.${field}`),
                value: shownValue(fresh, field, none),
              }))}
              onUseTheirs={takeTheirs}
              onKeepMine={keepMine}
            />
          ) : null}
          {reloadError ? <ErrorAlert error={reloadError} /> : null}
          {error &&
          !isApiError(error, 'conflict') &&
          !(isApiError(error, 'invalid_input') && error.fieldErrors.length > 0) ? (
            <ErrorAlert error={error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={fresh !== null}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
