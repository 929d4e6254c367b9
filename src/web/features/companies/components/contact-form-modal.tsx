import { Alert, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  createContactBodySchema,
  genderSchema,
  updateContactBodySchema,
  type Contact,
} from '../../../../contracts/contacts';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError, zodValidate } from '../../../components/form-validation';
import { useCreateContact, useReloadCompany, useUpdateContact } from '../api';
import { ConsentFields, consentBody, emptyConsent, type ConsentValues } from './consent-fields';

type Gender = z.infer<typeof genderSchema>;

type ContactValues = {
  name: string;
  role: string;
  email: string;
  phone: string;
  gender: Gender;
  hasConsent: boolean;
  consent: ConsentValues;
};

function fieldsBody(values: ContactValues) {
  return {
    name: values.name.trim(),
    role: values.role.trim() || null,
    email: values.email.trim() || null,
    phone: values.phone.trim() || null,
    gender: values.gender,
  };
}

type ContactFormModalProps = {
  companyId: string;
  contact?: Contact;
  /** A company user adding a colleague records the colleague's consent with them (decision 043). */
  mustRecordConsent?: boolean;
  onClose: () => void;
};

/** Adds a person to the company (with their consent when given), or changes their details. */
export function ContactFormModal({ companyId, contact, mustRecordConsent = false, onClose }: ContactFormModalProps) {
  const { t } = useTranslation();
  const create = useCreateContact();
  const update = useUpdateContact();
  const reload = useReloadCompany();
  const isEdit = contact !== undefined;
  const validateCreate = zodValidate<ContactValues>(createContactBodySchema, t, (values) => ({
    ...fieldsBody(values),
    ...(values.hasConsent ? { consent: consentBody(values.consent) } : {}),
  }));
  const validateUpdate = zodValidate<ContactValues>(updateContactBodySchema, t, (values) => ({
    version: contact?.version ?? 1,
    ...fieldsBody(values),
  }));
  const form = useForm<ContactValues>({
    initialValues: {
      name: contact?.name ?? '',
      role: contact?.role ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      gender: contact?.gender ?? 'not_stated',
      hasConsent: mustRecordConsent,
      consent: emptyConsent(),
    },
    validate: (values) => {
      const errors = isEdit ? validateUpdate(values) : validateCreate(values);
      if (errors.phone) errors.phone = t('contacts.validation.phone');
      return errors;
    },
  });

  async function handleSubmit(values: ContactValues) {
    try {
      if (contact) {
        await update.mutateAsync({ id: contact.id, body: { version: contact.version, ...fieldsBody(values) } });
        notifications.show({ color: 'teal', message: t('contacts.edit.saved', { name: values.name.trim() }) });
      } else {
        await create.mutateAsync({
          companyId,
          body: { ...fieldsBody(values), ...(values.hasConsent ? { consent: consentBody(values.consent) } : {}) },
        });
        notifications.show({ color: 'teal', message: t('contacts.create.done', { name: values.name.trim() }) });
      }
      onClose();
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  const error = isEdit ? update.error : create.error;
  const isPending = isEdit ? update.isPending : create.isPending;
  return (
    <Modal
      opened
      onClose={onClose}
      title={contact ? t('contacts.edit.title', { name: contact.name }) : t('contacts.create.title')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
        <Stack gap="md">
          {isApiError(error, 'conflict') ? (
            <Alert role="alert" color="orange" variant="light" title={t('errors.conflictTitle')}>
              <Stack gap="sm" align="flex-start">
                {t('errors.conflict')}
                <Button
                  size="xs"
                  variant="white"
                  color="orange"
                  onClick={() => {
                    void reload(companyId);
                    onClose();
                  }}
                >
                  {t('common.reload')}
                </Button>
              </Stack>
            </Alert>
          ) : error && !(isApiError(error, 'invalid_input') && error.fieldErrors.length > 0) ? (
            <ErrorAlert error={error} />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('contacts.fields.name')}
              required
              data-autofocus
              autoComplete="off"
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('contacts.fields.role')}
              description={t('contacts.fields.roleHint')}
              autoComplete="off"
              {...form.getInputProps('role')}
            />
            <TextInput
              label={t('contacts.fields.email')}
              type="email"
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            <TextInput
              label={t('contacts.fields.phone')}
              type="tel"
              autoComplete="off"
              {...form.getInputProps('phone')}
            />
            <Select
              label={t('contacts.fields.gender')}
              description={t('contacts.fields.genderHint')}
              allowDeselect={false}
              data={genderSchema.options.map((value) => ({ value, label: t(`contacts.gender.${value}`) }))}
              {...form.getInputProps('gender')}
            />
          </SimpleGrid>
          {isEdit ? null : mustRecordConsent ? (
            <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={600} mb={4}>
                {t('contacts.consent.requiredTitle')}
              </Text>
              <Text size="sm" c="gray.7">
                {t('contacts.consent.requiredHint')}
              </Text>
              <ConsentFields form={form} path="consent" />
            </Stack>
          ) : (
            <>
              <Checkbox
                label={t('contacts.consent.given')}
                description={t('contacts.consent.givenHint')}
                {...form.getInputProps('hasConsent', { type: 'checkbox' })}
              />
              {form.getValues().hasConsent ? <ConsentFields form={form} path="consent" /> : null}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isPending}>
              {isEdit ? t('common.save') : t('contacts.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
