import { Button, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { SecondFactorEnabled } from '../../../../contracts/auth';
import { safeNextPath } from '../../../components/safe-next-path';
import { useSetSignedInUser } from '../../../components/session';
import { changeLanguage, storedLanguage } from '../../../i18n/i18n';
import { AuthLayout } from '../components/auth-layout';
import { EnrolmentSteps } from '../components/enrolment-steps';
import { RecoveryCodesPanel } from '../components/recovery-codes-panel';
import { SignInExpired } from '../components/sign-in-expired';

/**
 * /login/enrol: an admin without two-step verification enrols it after the password, before
 * anything else opens; then saves the recovery codes and goes on (decision 021).
 */
export function EnrolmentPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const setSignedInUser = useSetSignedInUser();
  const [enabled, setEnabled] = useState<SecondFactorEnabled>();
  const [isExpired, setExpired] = useState(false);
  const expire = useCallback(() => setExpired(true), []);

  async function handleEnabled(result: SecondFactorEnabled) {
    if (!storedLanguage()) await changeLanguage(result.me.locale);
    setEnabled(result);
  }

  if (isExpired) return <SignInExpired title={t('auth.secondFactor.enrolTitle')} next={next} />;

  return (
    <AuthLayout title={t('auth.secondFactor.enrolTitle')}>
      {enabled ? (
        <RecoveryCodesPanel codes={enabled.recoveryCodes}>
          <Button
            size="md"
            fullWidth
            onClick={() => {
              // Signed in only now: the shell would otherwise take over before the codes are saved.
              setSignedInUser(enabled.me);
              void navigate(next, { replace: true });
            }}
          >
            {t('auth.secondFactor.continue')}
          </Button>
        </RecoveryCodesPanel>
      ) : (
        <>
          <Text>{t('auth.secondFactor.enrolRequired')}</Text>
          <EnrolmentSteps onEnabled={(result) => void handleEnabled(result)} onExpired={expire} />
        </>
      )}
    </AuthLayout>
  );
}
