import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { createOrganisationBodySchema, reportingAreas, type Organisation } from '../../../../contracts/organisations';
import { isApiError } from '../../../components/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors } from '../../../components/error-message';
import { focusFirstError, zodValidate } from '../../../components/form-validation';
import { useCreateOrganisation, useUpdateOrganisation } from '../api';

type OrganisationValues = { name: string; shortName: string; reportingAreas: string[] };

type OrganisationFormModalProps = {
  opened: boolean;
  onClose: () => void;
  /** The organisation to edit, as last read; absent when creating one. */
  organisation?: Organisation;
  /** Reads the organisation again after someone else changed it (409). */
  onReload: () => Promise<unknown>;
};

/** Create or edit an organisation. Edits send the version read, so no change is silently lost. */
export function OrganisationFormModal({ opened, onClose, organisation, onReload }: OrganisationFormModalProps) {
  const { t } = useTranslation();
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  const mutation = organisation ? update : create;
  const form = useForm<OrganisationValues>({
    initialValues: {
      name: organisation?.name ?? '',
      shortName: organisation?.shortName ?? '',
      reportingAreas: organisation?.reportingAreas ?? [],
    },
    validate: zodValidate(createOrganisationBodySchema, t),
  });

  async function handleSubmit(values: OrganisationValues) {
    const body = createOrganisationBodySchema.parse(values);
    try {
      if (organisation) {
        await update.mutateAsync({ id: organisation.id, body: { ...body, version: organisation.version } });
        notifications.show({ color: 'teal', message: t('organisations.saved', { name: body.name }) });
      } else {
        await create.mutateAsync(body);
        notifications.show({ color: 'teal', message: t('organisations.created', { name: body.name }) });
      }
      onClose();
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  const error = mutation.error;
  const isConflict = isApiError(error, 'conflict');

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={organisation ? t('organisations.editTitle', { name: organisation.name }) : t('organisations.createTitle')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
        <Stack gap="md">
          {isConflict ? (
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
          <TextInput label={t('organisations.fields.name')} required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label={t('organisations.fields.shortName')}
            description={t('organisations.fields.shortNameHint')}
            required
            maw={260}
            {...form.getInputProps('shortName')}
          />
          <Checkbox.Group
            label={t('organisations.fields.reportingAreas')}
            description={t('organisations.fields.reportingAreasHint')}
            {...form.getInputProps('reportingAreas')}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
              {reportingAreas.map((area) => (
                <Checkbox key={area} value={area} label={t(`reportingAreas.${area}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {organisation ? t('common.save') : t('organisations.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
