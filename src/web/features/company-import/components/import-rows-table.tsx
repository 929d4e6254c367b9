import { List, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRow } from '../../../../contracts/company-import';
import { importFields, type ImportField } from '../../../../contracts/company-import';
import { EmptyRow } from '../../../components/empty-row';
import { fieldErrorMessage } from '../../../components/error-message';
import { ListPagination } from '../../../components/list-pagination';
import { ToneBadge, type Tone } from '../../../components/tone-badge';
import { WarningText } from '../../../components/warning-text';

const actionTones: Record<ImportRow['action'], Tone> = {
  create: 'success',
  update: 'info',
  unchanged: 'neutral',
  error: 'danger',
};

const pageSize = 50;

function isImportField(field: string): field is ImportField {
  return (importFields as readonly string[]).includes(field);
}

/** Every row of the file with what the import will do with it and, for a refused row, why. */
export function ImportRowsTable({ rows }: { rows: ImportRow[] }) {
  const { t } = useTranslation();
  const [isErrorsOnly, setErrorsOnly] = useState(false);
  const [page, setPage] = useState(1);
  const shown = isErrorsOnly ? rows.filter((row) => row.action === 'error') : rows;
  const pageRows = shown.slice((page - 1) * pageSize, page * pageSize);

  return (
    <div>
      <Switch
        label={t('companyImport.rows.errorsOnly')}
        checked={isErrorsOnly}
        onChange={(event) => {
          setErrorsOnly(event.currentTarget.checked);
          setPage(1);
        }}
        mb="sm"
      />
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs">
          <Table.Caption className="visually-hidden">{t('companyImport.rows.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('companyImport.rows.row')}</Table.Th>
              <Table.Th scope="col">{t('companyImport.fields.organisationNumber')}</Table.Th>
              <Table.Th scope="col">{t('companyImport.fields.name')}</Table.Th>
              <Table.Th scope="col">{t('companyImport.rows.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pageRows.map((row) => (
              <Table.Tr key={row.rowNumber} style={{ verticalAlign: 'top' }}>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{row.rowNumber}</Table.Td>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  {row.organisationNumber ?? '–'}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.name ?? '–'}</Text>
                  {row.errors.length > 0 ? (
                    <List size="sm" c="red.9" spacing={0} mt={4}>
                      {row.errors.map((error, index) => (
                        <List.Item key={`${error.field}-${index}`}>
                          {isImportField(error.field)
                            ? t('companyImport.rows.fieldError', {
                                field: t(`companyImport.fields.${error.field}`),
                                message: fieldErrorMessage(t, error),
                              })
                            : fieldErrorMessage(t, error)}
                        </List.Item>
                      ))}
                    </List>
                  ) : null}
                  {row.warnings.map((code) => (
                    <WarningText key={code} code={code} c="orange.9" />
                  ))}
                </Table.Td>
                <Table.Td>
                  <ToneBadge tone={actionTones[row.action]}>{t(`companyImport.action.${row.action}`)}</ToneBadge>
                </Table.Td>
              </Table.Tr>
            ))}
            {shown.length === 0 ? (
              <EmptyRow
                colSpan={4}
                text={isErrorsOnly ? t('companyImport.rows.noErrors') : t('companyImport.rows.empty')}
              />
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListPagination page={page} pageSize={pageSize} total={shown.length} onChange={setPage} />
    </div>
  );
}
