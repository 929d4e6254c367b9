import { Paper, Table, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyRow } from '../../../components/empty-row';
import { ErrorAlert } from '../../../components/error-alert';
import { ListPagination } from '../../../components/list-pagination';
import { PageHeader } from '../../../components/page-header';
import { useDebouncedSearch } from '../../../components/use-debounced-search';
import { useCompanies } from '../api';

const pageSize = 25;

/** The companies the user may see. A first, simple list; the company register grows from here. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const { search, setSearch, debouncedSearch } = useDebouncedSearch();
  const [page, setPage] = useState(1);
  const companies = useCompanies({ q: debouncedSearch || undefined, page, pageSize });

  return (
    <>
      <PageHeader title={t('companies.title')} description={t('companies.description')} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <TextInput
          label={t('companies.search')}
          placeholder={t('companies.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          maw={420}
          mb="md"
          type="search"
        />
        {companies.error ? <ErrorAlert error={companies.error} /> : null}
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-busy={companies.isFetching}>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }} className="visually-hidden">
              {t('companies.title')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('companies.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('companies.columns.organisationNumber')}</Table.Th>
                <Table.Th scope="col">{t('companies.columns.organisation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {companies.data?.items.map((company) => (
                <Table.Tr key={company.id}>
                  <Table.Td fw={600}>{company.name}</Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{company.organisationNumber}</Table.Td>
                  <Table.Td>{company.organisationName}</Table.Td>
                </Table.Tr>
              ))}
              {companies.data && companies.data.items.length === 0 ? (
                <EmptyRow colSpan={3} text={debouncedSearch ? t('companies.noMatches') : t('companies.empty')} />
              ) : null}
              {companies.isPending ? <EmptyRow colSpan={3} text={t('common.loading')} /> : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {companies.data ? (
          <ListPagination page={page} pageSize={pageSize} total={companies.data.total} onChange={setPage} />
        ) : null}
      </Paper>
    </>
  );
}
