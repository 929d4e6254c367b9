import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError } from '../../../components/form-validation';
import { useConfirmPasswordReset } from '../api';
import { AuthLayout } from '../components/auth-layout';
import { NewPasswordFields } from '../components/new-password-fields';
import { validateNewPassword } from '../components/new-password-validation';

type ResetPasswordValues = { password: string; confirmPassword: string };

/** Sets a new password with the token from the e-mailed link. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  const confirmReset = useConfirmPasswordReset();
  const form = useForm<ResetPasswordValues>({
    initialValues: { password: '', confirmPassword: '' },
    validate: validateNewPassword<ResetPasswordValues>(t),
  });

  async function handleSubmit(values: ResetPasswordValues) {
    if (!token) return;
    try {
      await confirmReset.mutateAsync({ token, password: values.password });
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  const error = confirmReset.error;
  // A token the server refuses (unknown, used, expired or malformed) means the link is spent.
  const isLinkSpent =
    !token ||
    isApiError(error, 'not_found') ||
    (isApiError(error, 'invalid_input') && error.fieldErrors.some((field) => field.field === 'token'));

  return (
    <AuthLayout title={t('auth.resetPassword.title')}>
      {confirmReset.isSuccess ? (
        <Stack gap="md">
          <Alert
            role="status"
            color="teal"
            variant="light"
            icon={<IconCircleCheck size={20} aria-hidden />}
            title={t('auth.resetPassword.doneTitle')}
          >
            {t('auth.resetPassword.doneText')}
          </Alert>
          <Button component={Link} to="/login" size="md">
            {t('auth.signIn.submit')}
          </Button>
        </Stack>
      ) : isLinkSpent ? (
        <Stack gap="md">
          <Alert role="alert" color="red" variant="light" title={t('auth.resetPassword.linkInvalidTitle')}>
            {t('auth.resetPassword.linkInvalidText')}
          </Alert>
          <Button component={Link} to="/forgot-password" size="md">
            {t('auth.resetPassword.requestNew')}
          </Button>
          <Anchor component={Link} to="/login" size="sm">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      ) : (
        <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
          <Stack gap="md">
            <Text>{t('auth.resetPassword.intro')}</Text>
            {error && !isApiError(error, 'invalid_input') ? <ErrorAlert error={error} /> : null}
            <NewPasswordFields form={form} />
            <Button type="submit" size="md" fullWidth loading={confirmReset.isPending}>
              {t('auth.resetPassword.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
