import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AuthLayout } from './auth-layout';

/** A sign-in that waited too long for its code or its enrolment: back to the password. */
export function SignInExpired({ title, next = '/' }: { title: string; next?: string }) {
  const { t } = useTranslation();
  return (
    <AuthLayout title={title}>
      <Alert role="alert" color="red" variant="light" title={t('auth.secondFactor.expiredTitle')}>
        {t('auth.secondFactor.expiredText')}
      </Alert>
      <Anchor component={Link} to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`}>
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthLayout>
  );
}
