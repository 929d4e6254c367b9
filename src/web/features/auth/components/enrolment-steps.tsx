import { Button, Code, Image, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecondFactorEnabled } from '../../../../contracts/auth';
import { confirmSecondFactorBodySchema } from '../../../../contracts/auth';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { useConfirmEnrolment, useStartEnrolment } from '../api';
import { CodeField } from './code-field';
import { PageLoaderInline } from './page-loader-inline';
import { PasswordField } from './password-field';

type EnrolmentStepsProps = {
  /** A signed-in user confirms with the password too (not the enrolment right after a sign-in). */
  asksPassword?: boolean;
  /** Called once the code is confirmed: the session is new and the recovery codes are made. */
  onEnabled: (result: SecondFactorEnabled) => void;
  /** Called when no session may enrol any more (a waiting sign-in that expired). */
  onExpired?: () => void;
};

/** The key in groups of four, four groups a line, easier to read and type into an app. */
function grouped(secret: string): string {
  const groups = secret.match(/.{1,4}/g) ?? [secret];
  return [groups.slice(0, 4).join(' '), groups.slice(4).join(' ')].filter(Boolean).join('\n');
}

/**
 * Adds an authenticator app: a new secret as a QR code and as a key to type, then the first code
 * from the app to confirm it (decision 021).
 */
export function EnrolmentSteps({ asksPassword = false, onEnabled, onExpired }: EnrolmentStepsProps) {
  const { t } = useTranslation();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string>();
  const codeRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const hasStarted = useRef(false);

  // One secret per visit: a second start would replace the one already on the screen.
  useEffect(() => {
    if (hasStarted.current) return;
    hasStarted.current = true;
    start.mutate(undefined, {
      onError: (error) => {
        if (isApiError(error, 'unauthenticated')) onExpired?.();
      },
    });
  }, [start, onExpired]);

  function showCodeError() {
    setFieldError(t('auth.secondFactor.wrongCode'));
    codeRef.current?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = asksPassword ? { code, password } : { code };
    const checked = confirmSecondFactorBodySchema.safeParse(body);
    if (!checked.success) {
      if (checked.error.issues.some((issue) => issue.path[0] === 'code')) showCodeError();
      else {
        setPasswordError(t('validation.required'));
        passwordRef.current?.focus();
      }
      return;
    }
    try {
      onEnabled(await confirm.mutateAsync(body));
    } catch (error) {
      if (isApiError(error, 'invalid_input')) {
        if (error.fieldErrors.some((fieldError) => fieldError.field === 'password')) {
          setPasswordError(t('auth.secondFactor.wrongPassword'));
          passwordRef.current?.focus();
        } else showCodeError();
      } else if (isApiError(error, 'unauthenticated')) onExpired?.();
    }
  }

  if (start.isPending || start.isIdle) return <PageLoaderInline />;
  if (!start.data) return <ErrorAlert error={start.error} />;

  const otherError = confirm.error && !isApiError(confirm.error, 'invalid_input') ? confirm.error : null;
  return (
    <Stack gap="md">
      <Text>{t('auth.secondFactor.scan')}</Text>
      <Image src={start.data.qrCode} alt={t('auth.secondFactor.qrAlt')} w={200} h={200} mx="auto" />
      <Text size="sm">{t('auth.secondFactor.manual')}</Text>
      <Code block fz="md" ta="center" style={{ letterSpacing: '0.08em', whiteSpace: 'pre-wrap' }}>
        {grouped(start.data.secret)}
      </Code>
      <form noValidate onSubmit={(event) => void handleSubmit(event)}>
        <Stack gap="md">
          <Text>{t('auth.secondFactor.confirmStep')}</Text>
          {otherError ? <ErrorAlert error={otherError} /> : null}
          <CodeField
            ref={codeRef}
            label={t('auth.secondFactor.code')}
            value={code}
            onChange={(event) => {
              setCode(event.currentTarget.value);
              setFieldError(undefined);
            }}
            error={fieldError}
          />
          {asksPassword ? (
            <PasswordField
              ref={passwordRef}
              label={t('auth.fields.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                setPasswordError(undefined);
              }}
              error={passwordError}
            />
          ) : null}
          <Button type="submit" size="md" loading={confirm.isPending}>
            {t('auth.secondFactor.confirm')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
