import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { verifySecondFactorBodySchema } from '../../../../contracts/auth';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { safeNextPath } from '../../../components/safe-next-path';
import { useSetSignedInUser } from '../../../components/session';
import { changeLanguage, storedLanguage } from '../../../i18n/i18n';
import { useVerifySecondFactor } from '../api';
import { AuthLayout } from '../components/auth-layout';
import { CodeField } from '../components/code-field';
import { SignInExpired } from '../components/sign-in-expired';

/**
 * The code step of a sign-in (/login/code), after a right password of an account with two-step
 * verification: a code from the app, or one of the recovery codes (decision 021).
 */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const setSignedInUser = useSetSignedInUser();
  const verify = useVerifySecondFactor();
  const [isRecoveryCode, setRecoveryCode] = useState(false);
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const codeRef = useRef<HTMLInputElement>(null);

  function showFieldError(message: string) {
    setFieldError(message);
    codeRef.current?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!verifySecondFactorBodySchema.safeParse({ code }).success) {
      showFieldError(t('validation.required'));
      return;
    }
    try {
      const me = await verify.mutateAsync({ code });
      if (!storedLanguage()) await changeLanguage(me.locale);
      setSignedInUser(me);
      void navigate(next, { replace: true });
    } catch (error) {
      if (isApiError(error, 'invalid_input')) showFieldError(t('auth.secondFactor.wrongCode'));
    }
  }

  if (isApiError(verify.error, 'unauthenticated')) {
    return <SignInExpired title={t('auth.secondFactor.title')} next={next} />;
  }

  const otherError = verify.error && !isApiError(verify.error, 'invalid_input') ? verify.error : null;

  return (
    <AuthLayout title={t('auth.secondFactor.title')}>
      <form noValidate onSubmit={(event) => void handleSubmit(event)}>
        <Stack gap="md">
          <Text>{t(isRecoveryCode ? 'auth.secondFactor.recoveryIntro' : 'auth.secondFactor.codeIntro')}</Text>
          {otherError ? <ErrorAlert error={otherError} /> : null}
          <CodeField
            ref={codeRef}
            isRecoveryCode={isRecoveryCode}
            label={t(isRecoveryCode ? 'auth.secondFactor.recoveryCode' : 'auth.secondFactor.code')}
            value={code}
            onChange={(event) => {
              setCode(event.currentTarget.value);
              setFieldError(undefined);
            }}
            error={fieldError}
            autoFocus
          />
          <Button type="submit" size="md" fullWidth loading={verify.isPending}>
            {t('auth.secondFactor.verify')}
          </Button>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setRecoveryCode((current) => !current);
              setCode('');
              setFieldError(undefined);
              codeRef.current?.focus();
            }}
          >
            {t(isRecoveryCode ? 'auth.secondFactor.useApp' : 'auth.secondFactor.useRecovery')}
          </Anchor>
          <Anchor component={Link} to="/login" size="sm">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
