import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { inviteUserBodySchema } from '../../../../contracts/users';
import { roles, type Role } from '../../../../core/roles';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError, zodValidate } from '../../../components/form-validation';
import { currentLanguage, languages, type Language } from '../../../i18n/i18n';
import { useInviteUser } from '../api';
import { TenantFields, tenantErrors, tenantFor } from './tenant-fields';

type InviteValues = {
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  companyId: string | null;
  locale: Language;
};

type InviteUserModalProps = { opened: boolean; onClose: () => void };

/** Invites a person: the server e-mails them a link to choose a password. */
export function InviteUserModal({ opened, onClose }: InviteUserModalProps) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const validateContract = zodValidate<InviteValues>(inviteUserBodySchema, t, (values) => ({
    ...values,
    ...tenantFor(values),
  }));
  const form = useForm<InviteValues>({
    initialValues: {
      email: '',
      name: '',
      role: 'coach',
      organisationId: null,
      companyId: null,
      locale: currentLanguage(),
    },
    validate: (values) => ({
      ...validateContract(values),
      ...tenantErrors(values, {
        organisationRequired: t('fieldErrors.organisation_required'),
        companyRequired: t('fieldErrors.company_required'),
      }),
    }),
  });

  async function handleSubmit(values: InviteValues) {
    try {
      const user = await invite.mutateAsync({
        email: values.email.trim(),
        name: values.name.trim(),
        role: values.role,
        locale: values.locale,
        ...tenantFor(values),
      });
      notifications.show({ color: 'teal', message: t('users.invite.sent', { email: user.email }) });
      onClose();
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  const error = invite.error;
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.invite.title')} size="lg">
      <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
        <Stack gap="md">
          {error && !(isApiError(error, 'invalid_input') && error.fieldErrors.length > 0) ? (
            <ErrorAlert error={error} />
          ) : null}
          <TextInput
            label={t('users.fields.email')}
            type="email"
            autoComplete="off"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <TextInput label={t('users.fields.name')} autoComplete="off" required {...form.getInputProps('name')} />
          <Select
            label={t('users.fields.role')}
            required
            allowDeselect={false}
            data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...form.getInputProps('role')}
          />
          <TenantFields form={form} />
          <Select
            label={t('users.fields.locale')}
            description={t('users.fields.localeHint')}
            allowDeselect={false}
            data={languages.map((language) => ({ value: language, label: t(`language.names.${language}`) }))}
            {...form.getInputProps('locale')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('users.invite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
