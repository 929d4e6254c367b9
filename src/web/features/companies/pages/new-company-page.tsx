import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { thinCompanySchema, type ThinCompany } from '../../../../contracts/companies';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError } from '../../../components/form-validation';
import { PageHeader } from '../../../components/page-header';
import { useSignedInUser } from '../../../components/session';
import { useCreateCompany } from '../api';
import { CompanyFields } from '../components/company-fields';
import { HandoverRequestModal } from '../components/handover-request-modal';
import { ThinCompanyTable } from '../components/thin-company-table';
import {
  createBodyFromValues,
  emptyCompanyValues,
  normaliseOrganisationNumber,
  organisationNumberMessage,
  organisationNumberProblem,
  validateCreate,
  type CompanyFormValues,
} from '../company-form';

/** Registers a company in the programme; a number the programme already has shows who holds it. */
export function NewCompanyPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const navigate = useNavigate();
  const create = useCreateCompany();
  // Someone outside the partner organisations (project management) says which one is responsible.
  const withOrganisation = me.organisationId === null;
  const [existing, setExisting] = useState<ThinCompany | null>(null);
  const [handoverFor, setHandoverFor] = useState<ThinCompany | null>(null);
  const form = useForm<CompanyFormValues>({
    initialValues: emptyCompanyValues,
    validate: validateCreate(t, withOrganisation),
  });

  function checkOrganisationNumber() {
    const value = form.getValues().organisationNumber;
    if (value.trim() === '') return;
    const problem = organisationNumberProblem(value);
    if (problem) form.setFieldError('organisationNumber', organisationNumberMessage(t, problem));
    else {
      form.setFieldValue('organisationNumber', normaliseOrganisationNumber(value));
      form.clearFieldError('organisationNumber');
    }
  }

  async function handleSubmit(values: CompanyFormValues) {
    setExisting(null);
    try {
      const company = await create.mutateAsync(createBodyFromValues(values, withOrganisation));
      notifications.show({ color: 'teal', message: t('companies.create.done', { name: company.name }) });
      void navigate(`/companies/${company.id}`);
    } catch (error) {
      if (isApiError(error, 'conflict')) {
        const parsed = thinCompanySchema.safeParse(error.details?.existingCompany);
        if (parsed.success) {
          setExisting(parsed.data);
          return;
        }
      }
      if (isApiError(error, 'invalid_input')) {
        // The server says "custom" for a refused number; the form's own rule gives the words.
        const numberError = error.fieldErrors.find((field) => field.field === 'organisationNumber');
        if (numberError) {
          const problem = organisationNumberProblem(values.organisationNumber) ?? 'organisation_number_format';
          form.setFieldError('organisationNumber', organisationNumberMessage(t, problem));
        }
      }
      applyFieldErrors(t, form, error);
    }
  }

  const error = create.error;
  const showGeneralError =
    error &&
    !(isApiError(error, 'invalid_input') && error.fieldErrors.length > 0) &&
    !(isApiError(error, 'conflict') && existing);
  const numberProps = form.getInputProps('organisationNumber');

  return (
    <>
      <Anchor
        component={Link}
        to="/companies"
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('companies.backToList')}
      </Anchor>
      <PageHeader title={t('companies.create.title')} description={t('companies.create.description')} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={960}>
        <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
          <Stack gap="xl">
            {showGeneralError ? <ErrorAlert error={error} /> : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('companies.fields.organisationNumber')}
                description={t('companies.form.organisationNumberHint')}
                required
                autoComplete="off"
                inputMode="numeric"
                data-autofocus
                {...numberProps}
                onBlur={checkOrganisationNumber}
              />
              <TextInput
                label={t('companies.fields.name')}
                required
                autoComplete="organization"
                {...form.getInputProps('name')}
              />
            </SimpleGrid>

            {existing ? (
              <Alert role="alert" color="orange" variant="light" title={t('companies.create.existsTitle')}>
                <Stack gap="sm">
                  <Text size="sm">
                    {existing.isOwn
                      ? t('companies.create.existsOwn', { organisationNumber: existing.organisationNumber })
                      : t('companies.create.existsOther', {
                          organisationNumber: existing.organisationNumber,
                          organisation: existing.organisationName,
                        })}
                  </Text>
                  {existing.isOwn ? (
                    <div>
                      <Button
                        component={Link}
                        to={`/companies/${existing.id}`}
                        size="xs"
                        variant="white"
                        color="orange"
                      >
                        {t('companies.create.openExisting', { name: existing.name })}
                      </Button>
                    </div>
                  ) : (
                    <ThinCompanyTable
                      caption={t('companies.create.existsTitle')}
                      items={[existing]}
                      onRequestHandover={setHandoverFor}
                    />
                  )}
                </Stack>
              </Alert>
            ) : null}

            <CompanyFields form={form} withOrganisation={withOrganisation} fallbackOrganisationId={me.organisationId} />

            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/companies">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('companies.create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {handoverFor ? (
        <HandoverRequestModal
          company={handoverFor}
          onClose={() => setHandoverFor(null)}
          onSent={() => setExisting((current) => (current ? { ...current, hasPendingHandover: true } : current))}
        />
      ) : null}
    </>
  );
}
