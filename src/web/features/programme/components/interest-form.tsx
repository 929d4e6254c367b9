import { Button, Checkbox, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { areas, type Area } from '../../../../core/areas';
import { interestBodySchema, type InterestBody } from '../../../../contracts/programme-page';
import { FormThanks } from '../../../components/form-thanks';
import { CompanyNumberFields, Honeypot, PublicFormProblems } from './public-form-parts';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError, zodValidate } from '../../../components/form-validation';
import { FormFields } from '../../../components/form-fields';
import { useInterestForm, useSubmitInterest } from '../api';

type InterestValues = Omit<InterestBody, 'formToken' | 'areas' | 'message' | 'phone' | 'website'> & {
  areas: Area[];
  message: string;
  phone: string;
  website: string;
};

type InterestFormProps = {
  /** The 55 municipalities by name, each once. */
  municipalities: { code: string; name: string }[];
};

/**
 * The interest form (decision 045): what the company is, where, who to reach and what it wants help
 * with. The answer is the same whatever happens to it, so the page only thanks the sender. The
 * hidden field is for bots: people neither see it nor reach it with the keyboard.
 */
export function InterestForm({ municipalities }: InterestFormProps) {
  const { t } = useTranslation();
  const token = useInterestForm();
  const submit = useSubmitInterest();
  /** An error the form's fields cannot show (the limit per address, a lost connection). */
  const [isErrorShown, setErrorShown] = useState(false);
  const schemaValidate = zodValidate<InterestValues>(interestBodySchema, t, (values) => ({
    ...values,
    formToken: token.data?.formToken ?? 'pending',
  }));
  const form = useForm<InterestValues>({
    initialValues: {
      companyName: '',
      organisationNumber: '',
      municipalityCode: '',
      contactName: '',
      email: '',
      phone: '',
      areas: [],
      message: '',
      hasConsent: false,
      website: '',
    },
    validate: (values) => {
      const errors = schemaValidate(values);
      if (!values.municipalityCode) errors.municipalityCode = t('programme.form.municipalityRequired');
      return errors;
    },
  });

  async function handleSubmit(values: InterestValues) {
    if (!token.data) return;
    setErrorShown(false);
    try {
      await submit.mutateAsync({ ...values, formToken: token.data.formToken });
    } catch (error) {
      setErrorShown(!applyFieldErrors(t, form, error));
    }
  }

  if (submit.isSuccess) {
    return (
      <FormThanks
        title={t('programme.form.sentTitle')}
        text={t('programme.form.sentText', { email: form.getValues().email.trim() })}
      />
    );
  }

  return (
    <form method="post" noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
      <FormFields gap="md">
        <PublicFormProblems tokenError={token.error} submitError={isErrorShown ? submit.error : null} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <CompanyNumberFields
            companyName={form.getInputProps('companyName')}
            organisationNumber={form.getInputProps('organisationNumber')}
          />
        </SimpleGrid>
        {/* A native list: light to load, and a phone shows it with its own picker. */}
        <NativeSelect
          label={t('programme.form.municipality')}
          data={[
            { value: '', label: t('programme.form.municipalityPlaceholder') },
            ...municipalities.map((m) => ({ value: m.code, label: m.name })),
          ]}
          required
          {...form.getInputProps('municipalityCode')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            label={t('programme.form.contactName')}
            autoComplete="name"
            required
            {...form.getInputProps('contactName')}
          />
          <TextInput
            label={t('programme.form.email')}
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            {...form.getInputProps('email')}
          />
          <TextInput label={t('programme.form.phone')} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <Checkbox.Group
          label={t('programme.form.areas')}
          description={t('programme.form.areasHint')}
          {...form.getInputProps('areas')}
        >
          <Stack gap="xs" mt="xs">
            {areas.map((area) => (
              <Checkbox key={area} value={area} label={t(`areas.${area}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea label={t('programme.form.message')} autosize minRows={3} {...form.getInputProps('message')} />
        <Honeypot inputProps={form.getInputProps('website')} />
        <Checkbox
          label={t('programme.form.consent')}
          required
          {...form.getInputProps('hasConsent', { type: 'checkbox' })}
        />
        <Button
          type="submit"
          size="md"
          loading={submit.isPending}
          disabled={!token.data}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('programme.form.submit')}
        </Button>
      </FormFields>
    </form>
  );
}
