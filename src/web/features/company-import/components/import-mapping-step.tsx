import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportMapping } from '../mapping';
import { MappingEditor } from './mapping-editor';
import { ImportStep } from './import-step';

type ImportMappingStepProps = {
  columns: readonly string[];
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  /** A new preview is on its way for the changed mapping. */
  isUpdating: boolean;
  disabled: boolean;
};

/** Step 2: which column fills which field, each change previewed again. */
export function ImportMappingStep({ columns, mapping, onChange, isUpdating, disabled }: ImportMappingStepProps) {
  const { t } = useTranslation();
  return (
    <ImportStep id="import-mapping" title={t('companyImport.mapping.title')} titleGap={4}>
      <Text size="sm" c="dark.4" mb="md">
        {t('companyImport.mapping.text', { count: columns.length })}
      </Text>
      <MappingEditor columns={columns} mapping={mapping} onChange={onChange} disabled={disabled} />
      {isUpdating ? (
        <Text size="sm" c="dark.4" mt="sm" role="status">
          {t('companyImport.mapping.updating')}
        </Text>
      ) : null}
    </ImportStep>
  );
}
