import { Anchor, Button, Group, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { fieldErrorMessage } from '../../../components/error-message';
import { FormFields } from '../../../components/form-fields';
import { safeNextPath } from '../../../components/safe-next-path';
import { useMe, useSetSignedInUser } from '../../../components/session';
import { changeLanguage, storedLanguage } from '../../../i18n/i18n';
import { isSignInStep, signInStepPath, useSignIn } from '../api';
import { AuthLayout } from '../components/auth-layout';
import { PasswordField } from '../components/password-field';

type SignInField = 'email' | 'password';
type SignInErrors = Partial<Record<SignInField, string>>;

/**
 * The sign-in page: e-mail and password, then on to the page the user was heading for.
 * It is the first page most people load (docs/quality.md P3: ≤ 170 KiB gzip), so it keeps two fields
 * in plain state instead of pulling in the form library, and checks only what a person would
 * miss; the server validates with the full contract and its field errors show here.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const { data: me } = useMe();
  const setSignedInUser = useSetSignedInUser();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<SignInErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  if (me && !signIn.isPending) return <Navigate to={next} replace />;

  function showErrors(found: SignInErrors) {
    setErrors(found);
    // Focus moves to the first field in error, so a screen reader reads its label and message.
    if (found.email) emailRef.current?.focus();
    else if (found.password) passwordRef.current?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = email.trim();
    const found: SignInErrors = {};
    if (trimmed === '') found.email = t('validation.required');
    else if (!/^\S+@\S+$/.test(trimmed)) found.email = t('validation.email');
    if (password === '') found.password = t('validation.required');
    showErrors(found);
    if (found.email || found.password) return;

    try {
      const signedIn = await signIn.mutateAsync({ email: trimmed, password });
      // A second factor comes first: the code from the app, or enrolling one (admins).
      if (isSignInStep(signedIn)) {
        void navigate(signInStepPath(signedIn, next));
        return;
      }
      // The account's language applies unless this browser already has a choice of its own.
      if (!storedLanguage()) await changeLanguage(signedIn.locale);
      setSignedInUser(signedIn);
      void navigate(next, { replace: true });
    } catch (error) {
      if (isApiError(error, 'invalid_input')) {
        const fromServer: SignInErrors = {};
        for (const fieldError of error.fieldErrors) {
          if (fieldError.field === 'email' || fieldError.field === 'password') {
            fromServer[fieldError.field] ??= fieldErrorMessage(t, fieldError);
          }
        }
        showErrors(fromServer);
      }
    }
  }

  const error = signIn.error;
  const hasFieldErrors = isApiError(error, 'invalid_input') && error.fieldErrors.length > 0;

  return (
    <AuthLayout title={t('auth.signIn.title')}>
      <form method="post" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <FormFields gap="md">
          {error && !hasFieldErrors ? (
            <ErrorAlert
              error={error}
              title={t('auth.signIn.failedTitle')}
              message={isApiError(error, 'unauthenticated') ? t('auth.signIn.wrongCredentials') : undefined}
            />
          ) : null}
          <TextInput
            ref={emailRef}
            name="email"
            label={t('auth.fields.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            size="md"
            required
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
              setErrors((current) => ({ ...current, email: undefined }));
            }}
            error={errors.email}
          />
          <PasswordField
            ref={passwordRef}
            name="password"
            label={t('auth.fields.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setErrors((current) => ({ ...current, password: undefined }));
            }}
            error={errors.password}
          />
          <Group justify="flex-end" mt={-4}>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('auth.signIn.forgotPassword')}
            </Anchor>
          </Group>
          <Button type="submit" size="md" fullWidth loading={signIn.isPending}>
            {t('auth.signIn.submit')}
          </Button>
        </FormFields>
      </form>
      {/* For visitors without an account: what the programme is, and its interest form (decision 045). */}
      <Anchor component={Link} to="/programmet" size="sm" ta="center">
        {t('auth.signIn.aboutProgramme')}
      </Anchor>
    </AuthLayout>
  );
}
