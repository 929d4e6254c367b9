import { Alert, Anchor, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { useInvitation } from '../api';
import { AcceptInvitationForm } from '../components/accept-invitation-form';
import { AuthLayout } from '../components/auth-layout';
import { PageLoaderInline } from '../components/page-loader-inline';

/** The page an invitation e-mail links to: /invitation?token=… */
export function InvitationPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  const invitation = useInvitation(token);
  const [isSpentOnAccept, setSpentOnAccept] = useState(false);

  const isLinkSpent =
    !token ||
    isSpentOnAccept ||
    isApiError(invitation.error, 'not_found') ||
    isApiError(invitation.error, 'invalid_input');

  return (
    <AuthLayout title={t('auth.invitation.title')}>
      {isLinkSpent ? (
        <Stack gap="md">
          <Alert role="alert" color="red" variant="light" title={t('auth.invitation.linkInvalidTitle')}>
            {t('auth.invitation.linkInvalidText')}
          </Alert>
          <Anchor component={Link} to="/login">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      ) : invitation.isPending ? (
        <PageLoaderInline />
      ) : invitation.error ? (
        <ErrorAlert error={invitation.error} />
      ) : (
        <AcceptInvitationForm token={token} invitation={invitation.data} onLinkSpent={() => setSpentOnAccept(true)} />
      )}
    </AuthLayout>
  );
}
