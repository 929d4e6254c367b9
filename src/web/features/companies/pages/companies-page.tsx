import { Anchor, Button, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileText,
  IconPlus,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import type { ThinCompany } from '../../../../contracts/companies';
import { EmptyRow } from '../../../components/empty-row';
import { ErrorAlert } from '../../../components/error-alert';
import { errorMessage } from '../../../components/error-message';
import { formatDate } from '../../../components/format';
import { ListPagination } from '../../../components/list-pagination';
import { useSearchParamsState } from '../../../components/search-params-state';
import { PageHeader } from '../../../components/page-header';
import { useSignedInUser } from '../../../components/session';
import { SortableHeader } from '../../../components/sortable-header';
import { downloadCompanyExport, useCompanies, useCompanyLookup } from '../api';
import { CompanyFilters } from '../components/company-filters';
import { CompanyStatusBadge } from '../components/company-status-badge';
import { RecordFilterChips } from '../components/record-filter-chips';
import { HandoverRequestModal } from '../components/handover-request-modal';
import { ThinCompanyTable } from '../components/thin-company-table';
import {
  defaultListState,
  parseListParams,
  toListParams,
  toListQuery,
  withFilter,
  withoutRecordFilters,
  withSort,
  type CompanyListState,
  type CompanySortKey,
} from '../list-params';

const pageSize = 25;

/** The company register. A company user has one company: they go straight to its page. */
export function CompaniesPage() {
  const me = useSignedInUser();
  if (me.companyId) return <Navigate to={`/companies/${me.companyId}`} replace />;
  return <CompanyRegister />;
}

function CompanyRegister() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const canRegister = me.abilities.registerCompanies;
  const canImport = me.abilities.importCompanies;
  // Someone who works in one organisation sees only its companies in the list; the lookup shows
  // who holds a company elsewhere, so nobody enrols it twice.
  const canLookUpOthers = me.abilities.lookUpCompanies && me.organisationId !== null;

  const [state, changeState] = useSearchParamsState(parseListParams, toListParams);
  const [search, setSearch] = useState(state.q);
  const [syncedQ, setSyncedQ] = useState(state.q);
  const [handoverFor, setHandoverFor] = useState<ThinCompany | null>(null);
  const [isExporting, setExporting] = useState(false);

  // Back/forward changed the search in the URL: show it in the box.
  if (state.q !== syncedQ) {
    setSyncedQ(state.q);
    if (state.q !== search.trim()) setSearch(state.q);
  }

  function navigateTo(change: (current: CompanyListState) => CompanyListState, replace = false) {
    changeState(change, { replace });
  }
  // Typing replaces the history entry; filters, sort and pages push one, so back undoes them.
  const writeSearch = useDebouncedCallback(
    (value: string) => navigateTo((current) => withFilter(current, 'q', value), true),
    300,
  );

  const query = toListQuery(state, pageSize);
  const companies = useCompanies(query);
  const lookup = useCompanyLookup(state.q, canLookUpOthers);
  const others = (lookup.data?.items ?? []).filter((item) => !item.isOwn);
  const items = companies.data?.items ?? [];

  async function handleExport(format: 'xlsx' | 'csv') {
    setExporting(true);
    try {
      await downloadCompanyExport(query, format);
    } catch (error) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(t, error) });
    } finally {
      setExporting(false);
    }
  }

  const sortedBy = (key: CompanySortKey) => (state.sort === key ? state.order : null);
  const sortHeader = (key: CompanySortKey, label: string) => (
    <SortableHeader sorted={sortedBy(key)} onSort={() => navigateTo((current) => withSort(current, key))}>
      {label}
    </SortableHeader>
  );
  const isFiltered =
    toListParams({ ...defaultListState, ...state, sort: defaultListState.sort, order: defaultListState.order, page: 1 })
      .size > 0;
  const columnCount = 7;

  return (
    <>
      <PageHeader
        title={t('companies.title')}
        description={t('companies.description')}
        actions={
          <>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={18} aria-hidden />}
                  rightSection={<IconChevronDown size={16} aria-hidden />}
                  loading={isExporting}
                >
                  {t('companies.export.open')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                  onClick={() => void handleExport('xlsx')}
                >
                  {t('companies.export.xlsx')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconFileText size={16} aria-hidden />}
                  onClick={() => void handleExport('csv')}
                >
                  {t('companies.export.csv')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {canImport ? (
              <Button
                variant="default"
                component={Link}
                to="/companies/import"
                leftSection={<IconUpload size={18} aria-hidden />}
              >
                {t('companies.import.open')}
              </Button>
            ) : null}
            {canRegister ? (
              <Button component={Link} to="/companies/new" leftSection={<IconPlus size={18} aria-hidden />}>
                {t('companies.create.open')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="md">
            <CompanyFilters
              state={state}
              search={search}
              onSearchChange={(value) => {
                setSearch(value);
                writeSearch(value);
              }}
              onFilterChange={(key, value) => navigateTo((current) => withFilter(current, key, value))}
              onClear={() =>
                navigateTo((current) => ({
                  ...defaultListState,
                  q: current.q,
                  sort: current.sort,
                  order: current.order,
                }))
              }
              ownOrganisationId={me.organisationId}
            />
            <RecordFilterChips
              state={state}
              onRemove={(keys) => navigateTo((current) => withoutRecordFilters(current, keys))}
            />
            {companies.error ? <ErrorAlert error={companies.error} /> : null}
            <div>
              <Table.ScrollContainer minWidth={960}>
                <Table striped highlightOnHover verticalSpacing="sm" aria-busy={companies.isFetching}>
                  <Table.Caption className="visually-hidden">{t('companies.title')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      {sortHeader('name', t('companies.columns.name'))}
                      {sortHeader('organisationNumber', t('companies.columns.organisationNumber'))}
                      {sortHeader('status', t('companies.columns.status'))}
                      {sortHeader('municipality', t('companies.columns.municipality'))}
                      {sortHeader('sizeClass', t('companies.columns.sizeClass'))}
                      <Table.Th scope="col">{t('companies.columns.responsible')}</Table.Th>
                      {sortHeader('updatedAt', t('companies.columns.updatedAt'))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((company) => (
                      <Table.Tr key={company.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/companies/${company.id}`} fw={600}>
                            {company.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                          {company.organisationNumber}
                        </Table.Td>
                        <Table.Td>
                          <CompanyStatusBadge status={company.status} />
                        </Table.Td>
                        <Table.Td>{company.municipalityName ?? '–'}</Table.Td>
                        <Table.Td>{company.sizeClass ? t(`companies.sizeClass.${company.sizeClass}`) : '–'}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{company.organisationName}</Text>
                          <Text size="sm" c="dark.4">
                            {company.coachName ?? t('companies.noCoach')}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(company.updatedAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                    {companies.data && items.length === 0 ? (
                      <EmptyRow
                        colSpan={columnCount}
                        text={isFiltered ? t('companies.noMatches') : t('companies.empty')}
                      />
                    ) : null}
                    {companies.isPending ? <EmptyRow colSpan={columnCount} text={t('common.loading')} /> : null}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {companies.data ? (
                <ListPagination
                  page={state.page}
                  pageSize={pageSize}
                  total={companies.data.total}
                  isTotalCapped={companies.data.isTotalCapped}
                  onChange={(page) => navigateTo((current) => ({ ...current, page }))}
                />
              ) : null}
            </div>
          </Stack>
        </Paper>

        {canLookUpOthers && state.q.length >= 2 && others.length > 0 ? (
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="companies-elsewhere">
            <Title order={2} id="companies-elsewhere" fz="h3" mb={4}>
              {t('companies.elsewhere.title')}
            </Title>
            <Text size="sm" c="dark.4" mb="sm">
              {t('companies.elsewhere.text')}
            </Text>
            <ThinCompanyTable
              caption={t('companies.elsewhere.title')}
              items={others}
              onRequestHandover={setHandoverFor}
            />
          </Paper>
        ) : null}
      </Stack>
      {handoverFor ? <HandoverRequestModal company={handoverFor} onClose={() => setHandoverFor(null)} /> : null}
    </>
  );
}
