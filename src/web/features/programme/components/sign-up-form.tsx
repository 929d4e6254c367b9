import { Button, Checkbox, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publicSignUpBodySchema, type PublicSignUpBody } from '../../../../contracts/public-activities';
import { FormThanks } from '../../../components/form-thanks';
import { CompanyNumberFields, Honeypot, PublicFormProblems } from './public-form-parts';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError, zodValidate } from '../../../components/form-validation';
import { useInterestForm, useSignUp } from '../api';

const genders = ['', 'woman', 'man', 'other'] as const;

type SignUpValues = {
  name: string;
  email: string;
  companyName: string;
  organisationNumber: string;
  /** Empty: not given ("not stated" for the statistics). */
  gender: (typeof genders)[number];
  hasConsent: boolean;
  website: string;
};

function toBody(values: SignUpValues, formToken: string, locale: string): PublicSignUpBody {
  return {
    ...values,
    gender: values.gender || 'not_stated',
    locale: locale.startsWith('en') ? 'en' : 'sv',
    formToken,
  };
}

type SignUpFormProps = { activityId: string; activityTitle: string };

/**
 * The sign-up for a public activity without an account (decision 046): who, which company, gender
 * if given, consent. The answer is the same whatever happens, so the page says to look for the
 * e-mail: the place is taken only when its link is used. The hidden field is for bots.
 */
export function SignUpForm({ activityId, activityTitle }: SignUpFormProps) {
  const { t, i18n } = useTranslation();
  const token = useInterestForm();
  const submit = useSignUp(activityId);
  const [isErrorShown, setErrorShown] = useState(false);
  const form = useForm<SignUpValues>({
    initialValues: {
      name: '',
      email: '',
      companyName: '',
      organisationNumber: '',
      gender: '',
      hasConsent: false,
      website: '',
    },
    validate: zodValidate<SignUpValues>(publicSignUpBodySchema, t, (values) =>
      toBody(values, token.data?.formToken ?? 'pending', i18n.language),
    ),
  });

  async function handleSubmit(values: SignUpValues) {
    if (!token.data) return;
    setErrorShown(false);
    try {
      await submit.mutateAsync(toBody(values, token.data.formToken, i18n.language));
    } catch (error) {
      setErrorShown(!applyFieldErrors(t, form, error));
    }
  }

  if (submit.isSuccess) {
    return (
      <FormThanks
        title={t('programme.signUp.sentTitle')}
        text={t('programme.signUp.sentText', { email: form.getValues().email.trim() })}
      />
    );
  }

  const field = (name: string) => `sign-up-${activityId}-${name}`;
  return (
    <form
      noValidate
      aria-label={t('programme.signUp.formLabel', { title: activityTitle })}
      onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}
    >
      <Stack gap="md">
        <PublicFormProblems tokenError={token.error} submitError={isErrorShown ? submit.error : null} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            id={field('name')}
            label={t('programme.signUp.name')}
            autoComplete="name"
            required
            {...form.getInputProps('name')}
          />
          <TextInput
            id={field('email')}
            label={t('programme.form.email')}
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            {...form.getInputProps('email')}
          />
          <CompanyNumberFields
            id={field}
            companyName={form.getInputProps('companyName')}
            organisationNumber={form.getInputProps('organisationNumber')}
          />
        </SimpleGrid>
        <NativeSelect
          id={field('gender')}
          label={t('programme.signUp.gender')}
          description={t('programme.signUp.genderHint')}
          data={genders.map((value) => ({ value, label: t(`programme.signUp.genders.${value || 'none'}`) }))}
          {...form.getInputProps('gender')}
        />
        <Honeypot id={field('website')} inputProps={form.getInputProps('website')} />
        <Checkbox
          id={field('consent')}
          label={t('programme.signUp.consent')}
          required
          {...form.getInputProps('hasConsent', { type: 'checkbox' })}
        />
        <Button type="submit" loading={submit.isPending} disabled={!token.data} style={{ alignSelf: 'flex-start' }}>
          {t('programme.signUp.submit')}
        </Button>
      </Stack>
    </form>
  );
}
