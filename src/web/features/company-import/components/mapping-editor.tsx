import { Badge, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { importFields } from '../../../../contracts/company-import';
import { requiredImportFields, unmappedColumns, withMapping, type ImportMapping } from '../mapping';

type MappingEditorProps = {
  columns: readonly string[];
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  disabled?: boolean;
};

/** Which column of the file fills each company field: guessed by the server, changeable here. */
export function MappingEditor({ columns, mapping, onChange, disabled = false }: MappingEditorProps) {
  const { t } = useTranslation();
  const unused = unmappedColumns(columns, mapping);
  const unusedLabelId = useId();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        {importFields.map((field) => (
          <Select
            key={field}
            label={t(`companyImport.fields.${field}`)}
            placeholder={t('companyImport.mapping.notImported')}
            required={requiredImportFields.includes(field)}
            clearable={!requiredImportFields.includes(field)}
            disabled={disabled}
            data={columns.map((column) => ({ value: column, label: column }))}
            value={mapping[field] ?? null}
            onChange={(column) => onChange(withMapping(mapping, field, column))}
          />
        ))}
      </SimpleGrid>
      {unused.length > 0 ? (
        <Group gap="xs" role="group" aria-labelledby={unusedLabelId}>
          <Text size="sm" c="dark.4" id={unusedLabelId}>
            {t('companyImport.mapping.unused')}
          </Text>
          {unused.map((column) => (
            <Badge key={column} variant="outline" color="gray.7" tt="none" fw={500}>
              {column}
            </Badge>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}
