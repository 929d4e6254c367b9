import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Invitation } from '../../../../contracts/auth';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError } from '../../../components/form-validation';
import { useSetSignedInUser } from '../../../components/session';
import { changeLanguage, storedLanguage } from '../../../i18n/i18n';
import { isSignInStep, signInStepPath, useAcceptInvitation } from '../api';
import { NewPasswordFields } from './new-password-fields';
import { validateNewPassword } from './new-password-validation';

type InvitationValues = { name: string; password: string; confirmPassword: string };

type AcceptInvitationFormProps = {
  token: string;
  invitation: Invitation;
  /** Called when the server says the invitation is no longer valid. */
  onLinkSpent: () => void;
};

/** Confirm the name the inviter typed, choose a password, and be signed in. */
export function AcceptInvitationForm({ token, invitation, onLinkSpent }: AcceptInvitationFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setSignedInUser = useSetSignedInUser();
  const accept = useAcceptInvitation();
  const validatePassword = validateNewPassword<InvitationValues>(t);
  const form = useForm<InvitationValues>({
    initialValues: { name: invitation.name, password: '', confirmPassword: '' },
    validate: (values) => {
      const errors = validatePassword(values);
      if (values.name.trim() === '') errors.name = t('validation.required');
      return errors;
    },
  });

  async function handleSubmit(values: InvitationValues) {
    try {
      const name = values.name.trim();
      const me = await accept.mutateAsync({
        token,
        password: values.password,
        ...(name !== invitation.name ? { name } : {}),
      });
      // An invited admin enrols a second factor before the first page.
      if (isSignInStep(me)) {
        void navigate(signInStepPath(me, '/'), { replace: true });
        return;
      }
      if (!storedLanguage() && me.locale) await changeLanguage(me.locale);
      setSignedInUser(me);
      void navigate('/', { replace: true });
    } catch (error) {
      if (isApiError(error, 'not_found')) onLinkSpent();
      else applyFieldErrors(t, form, error);
    }
  }

  return (
    <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
      <Stack gap="md">
        <Text>{t('auth.invitation.intro', { role: t(`roles.${invitation.role}`).toLocaleLowerCase() })}</Text>
        {accept.error && !isApiError(accept.error, 'invalid_input') ? <ErrorAlert error={accept.error} /> : null}
        <TextInput label={t('auth.fields.email')} value={invitation.email} readOnly size="md" />
        <TextInput
          label={t('auth.fields.name')}
          autoComplete="name"
          size="md"
          required
          {...form.getInputProps('name')}
        />
        <NewPasswordFields form={form} />
        <Button type="submit" size="md" fullWidth loading={accept.isPending}>
          {t('auth.invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
