import { Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/users';
import { roles, userStatuses, type Role, type UserStatus } from '../../../../core/roles';
import { isApiError } from '../../../components/api-client';
import { ConfirmModal } from '../../../components/confirm-modal';
import { EmptyRow } from '../../../components/empty-row';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../components/error-message';
import { formatDateTime } from '../../../components/format';
import { ListPagination } from '../../../components/list-pagination';
import { PageHeader } from '../../../components/page-header';
import { useSignedInUser } from '../../../components/session';
import { useDebouncedSearch } from '../../../components/use-debounced-search';
import { useOrganisations } from '../../../components/people-and-organisations';
import { useResendInvitation, useResetSecondFactor, useUpdateUser, useUsers } from '../api';
import { EditUserModal } from '../components/edit-user-modal';
import { InviteUserModal } from '../components/invite-user-modal';
import { UserActions, type UserAction } from '../components/user-actions';
import { UserStatusBadge } from '../components/user-status-badge';

const pageSize = 25;

type ConfirmedAction = 'deactivate' | 'reactivate' | 'resetSecondFactor';
type Pending = { action: ConfirmedAction; user: User } | null;

/**
 * The people who use the platform. Everyone with viewUsers sees the list (coaches: their own
 * organisation, scoped by the server); only manageUsers offers invite, edit and (de)activation.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const canManage = me.abilities.manageUsers;
  const { search, setSearch, debouncedSearch } = useDebouncedSearch();
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<UserStatus | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [isInviting, setInviting] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  const users = useUsers({
    page,
    pageSize,
    q: debouncedSearch || undefined,
    role: role ?? undefined,
    status: status ?? undefined,
    organisationId: organisationId ?? undefined,
  });
  const organisations = useOrganisations(canManage);
  const updateUser = useUpdateUser();
  const resendInvitation = useResendInvitation();
  const resetSecondFactor = useResetSecondFactor();
  const items = users.data?.items ?? [];
  const editing = editingId ? items.find((user) => user.id === editingId) : undefined;

  function filterChanged<T>(setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      setPage(1);
    };
  }

  async function handleAction(action: UserAction, user: User) {
    switch (action) {
      case 'edit':
        setEditingId(user.id);
        return;
      case 'deactivate':
      case 'reactivate':
      case 'resetSecondFactor':
        setPending({ action, user });
        return;
      case 'resendInvitation':
        try {
          await resendInvitation.mutateAsync(user.id);
          notifications.show({ color: 'teal', message: t('users.invite.resent', { email: user.email }) });
        } catch (error) {
          notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(t, error) });
        }
        return;
    }
  }

  async function confirmPending() {
    if (!pending) return;
    const { action, user } = pending;
    try {
      if (action === 'resetSecondFactor') await resetSecondFactor.mutateAsync(user.id);
      else
        await updateUser.mutateAsync({
          id: user.id,
          body: { version: user.version, status: action === 'deactivate' ? 'deactivated' : 'active' },
        });
      notifications.show({ color: 'teal', message: t(`users.${action}.done`, { name: user.name }) });
    } catch (error) {
      notifications.show({
        color: isApiError(error, 'conflict') ? 'orange' : 'red',
        title: isApiError(error, 'conflict') ? t('errors.conflictTitle') : t('errors.title'),
        message: errorMessage(t, error),
      });
      if (isApiError(error, 'conflict')) void users.refetch();
    } finally {
      setPending(null);
    }
  }

  const columnCount = canManage ? 6 : 5;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={canManage ? t('users.descriptionManage') : t('users.descriptionView')}
        actions={
          canManage ? (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setInviting(true)}>
              {t('users.invite.open')}
            </Button>
          ) : null
        }
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <Group gap="md" align="flex-end" wrap="wrap" role="search" aria-label={t('users.filters.label')}>
            <TextInput
              label={t('users.filters.search')}
              placeholder={t('users.filters.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={search}
              onChange={(event) => filterChanged(setSearch)(event.currentTarget.value)}
              w={{ base: '100%', sm: 240 }}
            />
            <Select
              label={t('users.filters.role')}
              placeholder={t('users.filters.all')}
              clearable
              data={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
              value={role}
              onChange={(value) => filterChanged(setRole)(value as Role | null)}
              w={{ base: '100%', xs: 170 }}
            />
            <Select
              label={t('users.filters.status')}
              placeholder={t('users.filters.all')}
              clearable
              data={userStatuses.map((value) => ({ value, label: t(`users.status.${value}`) }))}
              value={status}
              onChange={(value) => filterChanged(setStatus)(value as UserStatus | null)}
              w={{ base: '100%', xs: 170 }}
            />
            {canManage ? (
              <Select
                label={t('users.filters.organisation')}
                placeholder={t('users.filters.all')}
                clearable
                searchable
                data={(organisations.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
                value={organisationId}
                onChange={filterChanged(setOrganisationId)}
                w={{ base: '100%', xs: 220 }}
              />
            ) : null}
          </Group>

          {users.error ? <ErrorAlert error={users.error} /> : null}

          <div>
            <Table.ScrollContainer minWidth={820}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-busy={users.isFetching}>
                <Table.Caption className="visually-hidden">{t('users.title')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('users.columns.name')}</Table.Th>
                    <Table.Th scope="col">{t('users.columns.role')}</Table.Th>
                    <Table.Th scope="col">{t('users.columns.belongsTo')}</Table.Th>
                    <Table.Th scope="col">{t('users.columns.status')}</Table.Th>
                    <Table.Th scope="col">{t('users.columns.lastSignedIn')}</Table.Th>
                    {canManage ? (
                      <Table.Th scope="col">
                        <span className="visually-hidden">{t('common.actions')}</span>
                      </Table.Th>
                    ) : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <Text fw={600}>{user.name}</Text>
                        <Text size="sm" c="dark.4">
                          {user.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                      <Table.Td>{user.companyName ?? user.organisationName ?? '–'}</Table.Td>
                      <Table.Td>
                        <UserStatusBadge status={user.status} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : t('users.neverSignedIn')}
                      </Table.Td>
                      {canManage ? (
                        <Table.Td ta="right">
                          <UserActions
                            user={user}
                            isSelf={user.id === me.id}
                            onAction={(a, u) => void handleAction(a, u)}
                          />
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                  {users.data && items.length === 0 ? <EmptyRow colSpan={columnCount} text={t('users.empty')} /> : null}
                  {users.isPending ? <EmptyRow colSpan={columnCount} text={t('common.loading')} /> : null}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {users.data ? (
              <ListPagination page={page} pageSize={pageSize} total={users.data.total} onChange={setPage} />
            ) : null}
          </div>
        </Stack>
      </Paper>

      {canManage && isInviting ? <InviteUserModal opened onClose={() => setInviting(false)} /> : null}
      {canManage && editing ? (
        <EditUserModal
          key={`${editing.id}-${editing.version}`}
          user={editing}
          onClose={() => setEditingId(null)}
          onReload={() => users.refetch()}
        />
      ) : null}
      <ConfirmModal
        opened={pending !== null}
        title={t(`users.${pending?.action ?? 'deactivate'}.title`, { name: pending?.user.name ?? '' })}
        text={t(`users.${pending?.action ?? 'deactivate'}.text`)}
        confirmLabel={t(`users.actions.${pending?.action ?? 'deactivate'}`)}
        isDestructive={pending?.action !== 'reactivate'}
        isPending={updateUser.isPending || resetSecondFactor.isPending}
        onConfirm={() => void confirmPending()}
        onCancel={() => setPending(null)}
      />
    </>
  );
}
