import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { passwordResetRequestBodySchema } from '../../../../contracts/auth';
import { ErrorAlert } from '../../../components/error-alert';
import { FormThanks } from '../../../components/form-thanks';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError, zodValidate } from '../../../components/form-validation';
import { useRequestPasswordReset } from '../api';
import { AuthLayout } from '../components/auth-layout';

type ForgotPasswordValues = { email: string };

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const requestReset = useRequestPasswordReset();
  const form = useForm<ForgotPasswordValues>({
    initialValues: { email: '' },
    validate: zodValidate(passwordResetRequestBodySchema, t),
  });

  async function handleSubmit(values: ForgotPasswordValues) {
    try {
      await requestReset.mutateAsync({ email: values.email.trim() });
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  return (
    <AuthLayout title={t('auth.forgotPassword.title')}>
      {requestReset.isSuccess ? (
        <Stack gap="md">
          <FormThanks
            title={t('auth.forgotPassword.sentTitle')}
            text={t('auth.forgotPassword.sentText', { email: form.getValues().email.trim() })}
          />
          <Anchor component={Link} to="/login">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      ) : (
        <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
          <Stack gap="md">
            <Text>{t('auth.forgotPassword.intro')}</Text>
            {requestReset.error && !form.errors.email ? <ErrorAlert error={requestReset.error} /> : null}
            <TextInput
              label={t('auth.fields.email')}
              type="email"
              autoComplete="email"
              inputMode="email"
              size="md"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" size="md" fullWidth loading={requestReset.isPending}>
              {t('auth.forgotPassword.submit')}
            </Button>
            <Anchor component={Link} to="/login" size="sm">
              {t('auth.backToSignIn')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
