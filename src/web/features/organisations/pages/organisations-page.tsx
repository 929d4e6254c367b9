import { Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyRow } from '../../../components/empty-row';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, formatNumber } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { ToneBadge } from '../../../components/tone-badge';
import { useOrganisations } from '../../../components/people-and-organisations';
import { OrganisationFormModal } from '../components/organisation-form-modal';

type Editing = { mode: 'create' } | { mode: 'edit'; id: string } | null;

/** The partner organisations: who they are and which reporting areas they cover. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const [editing, setEditing] = useState<Editing>(null);
  const items = organisations.data?.items ?? [];
  const edited = editing?.mode === 'edit' ? items.find((item) => item.id === editing.id) : undefined;

  return (
    <>
      <PageHeader
        title={t('organisations.title')}
        description={t('organisations.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({ mode: 'create' })}>
            {t('organisations.create')}
          </Button>
        }
      />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        {organisations.error ? <ErrorAlert error={organisations.error} /> : null}
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption className="visually-hidden">{t('organisations.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organisations.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('organisations.columns.reportingAreas')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('organisations.columns.users')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('organisations.columns.companies')}
                </Table.Th>
                <Table.Th scope="col">{t('organisations.columns.updatedAt')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((organisation) => (
                <Table.Tr key={organisation.id}>
                  <Table.Td>
                    <Text fw={600}>{organisation.name}</Text>
                    <Text size="sm" c="gray.7">
                      {organisation.shortName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {organisation.reportingAreas.length === 0 ? (
                        <Text size="sm" c="gray.7">
                          {t('organisations.noReportingAreas')}
                        </Text>
                      ) : (
                        organisation.reportingAreas.map((area) => (
                          <ToneBadge key={area} tone="info">
                            {t(`reportingAreas.${area}`)}
                          </ToneBadge>
                        ))
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(organisation.userCount)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(organisation.companyCount)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(organisation.updatedAt)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      variant="subtle"
                      size="xs"
                      leftSection={<IconPencil size={16} aria-hidden />}
                      aria-label={t('organisations.editLabel', { name: organisation.name })}
                      onClick={() => setEditing({ mode: 'edit', id: organisation.id })}
                    >
                      {t('common.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
              {organisations.data && items.length === 0 ? (
                <EmptyRow colSpan={6} text={t('organisations.empty')} />
              ) : null}
              {organisations.isPending ? <EmptyRow colSpan={6} text={t('common.loading')} /> : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {editing ? (
        <OrganisationFormModal
          // A new version (after a reload) starts the form again from what is stored now.
          key={edited ? `${edited.id}-${edited.version}` : 'create'}
          opened
          onClose={() => setEditing(null)}
          organisation={edited}
          onReload={() => organisations.refetch()}
        />
      ) : null}
    </>
  );
}
