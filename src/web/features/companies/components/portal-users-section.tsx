import {
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconMailPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../contracts/companies';
import { inviteCompanyUserBodySchema } from '../../../../contracts/users';
import { isApiError } from '../../../components/api-client';
import { EmptyRow } from '../../../components/empty-row';
import { ErrorAlert } from '../../../components/error-alert';
import { applyFieldErrors, errorMessage } from '../../../components/error-message';
import { formatDateTime } from '../../../components/format';
import { focusFirstError, zodValidate } from '../../../components/form-validation';
import { ToneBadge, type Tone } from '../../../components/tone-badge';
import { useCompanyUsers, useInviteCompanyUser, useUpdateCompany } from '../api';

const statusTones: Record<string, Tone> = { invited: 'info', active: 'success', deactivated: 'neutral' };

/**
 * Who of the company signs in to its portal (issue 15, decision 043): its coaches invite them and
 * decide whether the company's own users may invite colleagues; a company user invites colleagues
 * once allowed. What the actor may do comes from the answer.
 */
export function PortalUsersSection({ company }: { company: Company }) {
  const { t } = useTranslation();
  const users = useCompanyUsers(company.id);
  const update = useUpdateCompany();
  const [isInviting, setInviting] = useState(false);
  const data = users.data;

  async function changeColleagueInvites(allows: boolean) {
    try {
      await update.mutateAsync({ id: company.id, body: { version: company.version, allowsColleagueInvites: allows } });
      notifications.show({
        color: 'teal',
        message: t(allows ? 'companies.portalUsers.colleagueInvitesOn' : 'companies.portalUsers.colleagueInvitesOff'),
      });
    } catch (error) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(t, error) });
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="company-portal-users">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} id="company-portal-users">
          {t('companies.portalUsers.title')}
        </Title>
        {data?.abilities.canInvite ? (
          <Button
            variant="light"
            leftSection={<IconMailPlus size={16} aria-hidden />}
            onClick={() => setInviting(true)}
          >
            {t('companies.portalUsers.invite.open')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="gray.7" mb="md" maw={720}>
        {t('companies.portalUsers.intro')}
      </Text>
      {users.error ? <ErrorAlert error={users.error} /> : null}
      {data ? (
        <Stack gap="md">
          {data.abilities.canChangeColleagueInvites ? (
            <Switch
              label={t('companies.portalUsers.allowColleagueInvites')}
              description={t('companies.portalUsers.allowColleagueInvitesHint')}
              checked={data.allowsColleagueInvites}
              disabled={update.isPending}
              onChange={(event) => void changeColleagueInvites(event.currentTarget.checked)}
            />
          ) : (
            <Text size="sm">
              {t(
                data.allowsColleagueInvites
                  ? 'companies.portalUsers.youMayInvite'
                  : 'companies.portalUsers.coachInvites',
              )}
            </Text>
          )}
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="sm">
              <Table.Caption className="visually-hidden">{t('companies.portalUsers.title')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('companies.portalUsers.name')}</Table.Th>
                  <Table.Th scope="col">{t('companies.portalUsers.email')}</Table.Th>
                  <Table.Th scope="col">{t('companies.portalUsers.status')}</Table.Th>
                  <Table.Th scope="col">{t('companies.portalUsers.lastSignedIn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>{user.name}</Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>
                      <ToneBadge tone={statusTones[user.status] ?? 'neutral'}>
                        {t(`companies.portalUsers.statuses.${user.status}`)}
                      </ToneBadge>
                    </Table.Td>
                    <Table.Td>{user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : '–'}</Table.Td>
                  </Table.Tr>
                ))}
                {data.items.length === 0 ? <EmptyRow colSpan={4} text={t('companies.portalUsers.empty')} /> : null}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
      {isInviting ? <InviteModal companyId={company.id} onClose={() => setInviting(false)} /> : null}
    </Card>
  );
}

type InviteValues = { name: string; email: string; locale: 'sv' | 'en' };

function InviteModal({ companyId, onClose }: { companyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const invite = useInviteCompanyUser();
  const form = useForm<InviteValues>({
    initialValues: { name: '', email: '', locale: 'sv' },
    validate: zodValidate<InviteValues>(inviteCompanyUserBodySchema, t, (values) => ({
      ...values,
      name: values.name.trim(),
      email: values.email.trim(),
    })),
  });

  async function handleSubmit(values: InviteValues) {
    try {
      await invite.mutateAsync({
        companyId,
        body: { name: values.name.trim(), email: values.email.trim(), locale: values.locale },
      });
      notifications.show({
        color: 'teal',
        message: t('companies.portalUsers.invite.sent', { email: values.email.trim() }),
      });
      onClose();
    } catch (error) {
      applyFieldErrors(t, form, error);
    }
  }

  const error = invite.error;
  return (
    <Modal opened onClose={onClose} title={t('companies.portalUsers.invite.title')} size="lg">
      <form noValidate onSubmit={form.onSubmit(handleSubmit, focusFirstError(form))}>
        <Stack gap="md">
          <Text size="sm" c="gray.7">
            {t('companies.portalUsers.invite.intro')}
          </Text>
          {error && !(isApiError(error, 'invalid_input') && error.fieldErrors.length > 0) ? (
            <ErrorAlert error={error} />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('companies.portalUsers.name')}
              required
              data-autofocus
              autoComplete="off"
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('companies.portalUsers.email')}
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            <Select
              label={t('companies.portalUsers.invite.locale')}
              allowDeselect={false}
              data={[
                { value: 'sv', label: t('companies.portalUsers.invite.locales.sv') },
                { value: 'en', label: t('companies.portalUsers.invite.locales.en') },
              ]}
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('companies.portalUsers.invite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
