import { ActionIcon, Button, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type RowsColumn<T> = {
  key: keyof T & string;
  label: string;
  kind: 'text' | 'number' | 'select';
  options?: { value: string; label: string }[];
  suffix?: string;
  isRequired?: boolean;
};

type Props<T> = {
  id: string;
  title: string;
  help?: string;
  rows: T[];
  columns: RowsColumn<T>[];
  newRow: () => T;
  onChange: (rows: T[]) => void;
  isReadOnly: boolean;
  /** The server's error code for `<index>.<key>`, if any. */
  errorOf: (index: number, key: string) => string | undefined;
};

/** A table of rows the coach adds and removes: the structured forms' material inputs, waste
 * streams, systems, gaps … One component, so every form behaves and reads the same. */
export function RowsEditor<T extends Record<string, unknown>>({
  id,
  title,
  help,
  rows,
  columns,
  newRow,
  onChange,
  isReadOnly,
  errorOf,
}: Props<T>) {
  const { t } = useTranslation();
  const setCell = (index: number, key: string, value: unknown) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={3} fz="md" id={id}>
        {title}
      </Title>
      {help ? (
        <Text size="sm" c="dark.6">
          {help}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key}>{column.label}</Table.Th>
              ))}
              <Table.Th>
                <span className="visually-hidden">{t('common.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length + 1}>
                  <Text size="sm" c="dark.6">
                    {t('analyses.forms.noRows')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {rows.map((row, index) => (
              <Table.Tr key={index}>
                {columns.map((column) => {
                  const label = `${column.label}, ${t('analyses.forms.row', { n: index + 1 })}`;
                  const error = errorOf(index, column.key) ? t('analyses.findings.fieldError') : undefined;
                  const value: unknown = row[column.key];
                  switch (column.kind) {
                    case 'text':
                      return (
                        <Table.Td key={column.key}>
                          <TextInput
                            aria-label={label}
                            value={typeof value === 'string' ? value : ''}
                            disabled={isReadOnly}
                            required={column.isRequired}
                            error={error}
                            onChange={(event) =>
                              setCell(
                                index,
                                column.key,
                                event.currentTarget.value === '' && !column.isRequired
                                  ? null
                                  : event.currentTarget.value,
                              )
                            }
                          />
                        </Table.Td>
                      );
                    case 'number':
                      return (
                        <Table.Td key={column.key} w={150}>
                          <NumberInput
                            aria-label={label}
                            thousandSeparator=" "
                            decimalSeparator=","
                            min={0}
                            suffix={column.suffix}
                            value={typeof value === 'number' ? value : ''}
                            disabled={isReadOnly}
                            error={error}
                            onChange={(next) =>
                              setCell(index, column.key, next === '' ? (column.isRequired ? 0 : null) : Number(next))
                            }
                          />
                        </Table.Td>
                      );
                    case 'select':
                      return (
                        <Table.Td key={column.key} miw={180}>
                          <Select
                            aria-label={label}
                            data={column.options ?? []}
                            value={typeof value === 'string' ? value : null}
                            allowDeselect={false}
                            disabled={isReadOnly}
                            error={error}
                            onChange={(next) => next && setCell(index, column.key, next)}
                          />
                        </Table.Td>
                      );
                  }
                })}
                <Table.Td>
                  {isReadOnly ? null : (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('analyses.forms.removeRow', { n: index + 1, title })}
                      onClick={() => onChange(rows.filter((_, i) => i !== index))}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {isReadOnly ? null : (
        <div>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange([...rows, newRow()])}
          >
            {t('analyses.forms.addRow', { title })}
          </Button>
        </div>
      )}
    </Stack>
  );
}
