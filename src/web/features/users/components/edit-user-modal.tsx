import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/users';
import { roles, type Role } from '../../../../core/roles';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError } from '../../../components/form-validation';
import { useUpdateUser } from '../api';
import { TenantFields, tenantErrors, tenantFor } from './tenant-fields';

type EditValues = { name: string; role: Role; organisationId: string | null; companyId: string | null };

type EditUserModalProps = {
  user: User;
  onClose: () => void;
  /** Reads the user again after someone else changed them (409). */
  onReload: () => Promise<unknown>;
};

/** Changes a person's name, role and where they belong; sends the version read (409 if stale). */
export function EditUserModal({ user, onClose, onReload }: EditUserModalProps) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const form = useForm<EditValues>({
    initialValues: {
      name: user.name,
      role: user.role,
      organisationId: user.role === 'coach' ? user.organisationId : null,
      companyId: user.companyId,
    },
    validate: (values) => ({
      ...(values.name.trim() === '' ? { name: t('validation.required') } : {}),
      ...tenantErrors(values, {
        organisationRequired: t('fieldErrors.organisation_required'),
        companyRequired: t('fieldErrors.company_required'),
      }),
    }),
  });

  async function handleSubmit(values: EditValues) {
    try {
      await update.mutateAsync({
        id: user.id,
        body: { version: user.version, name: values.name.trim(), role: values.role, ...tenantFor(values) },
      });
      notifications.show({ color: 'teal', message: t('users.edit.saved', { name: values.name.trim() }) });
      onClose();
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  const error = update.error;
  return (
    <Modal opened onClose={onClose} title={t('users.edit.title', { name: user.name })} size="lg">
      <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
        <Stack gap="md">
          {isApiError(error, 'conflict') ? (
            <Alert role="alert" color="orange" variant="light" title={t('errors.conflictTitle')}>
              <Stack gap="sm" align="flex-start">
                {t('errors.conflict')}
                <Button variant="white" color="orange" size="xs" onClick={() => void onReload()}>
                  {t('common.reload')}
                </Button>
              </Stack>
            </Alert>
          ) : error && !(isApiError(error, 'invalid_input') && error.fieldErrors.length > 0) ? (
            <ErrorAlert error={error} />
          ) : null}
          <TextInput label={t('users.fields.email')} value={user.email} readOnly />
          <TextInput label={t('users.fields.name')} required data-autofocus {...form.getInputProps('name')} />
          <Select
            label={t('users.fields.role')}
            required
            allowDeselect={false}
            data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...form.getInputProps('role')}
          />
          <TenantFields
            form={form}
            currentCompany={user.companyId && user.companyName ? { id: user.companyId, name: user.companyName } : null}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
