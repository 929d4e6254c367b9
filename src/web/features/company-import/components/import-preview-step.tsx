import { Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../contracts/company-import';
import { ToneBadge } from '../../../components/tone-badge';
import { ImportRowsTable } from './import-rows-table';
import { ImportStep } from './import-step';

function Counts({ counts }: { counts: ImportPreview['counts'] }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap" aria-label={t('companyImport.counts.label')} role="group">
      <ToneBadge tone="success">{t('companyImport.counts.create', { count: counts.create })}</ToneBadge>
      <ToneBadge tone="info">{t('companyImport.counts.update', { count: counts.update })}</ToneBadge>
      <ToneBadge tone="neutral">{t('companyImport.counts.unchanged', { count: counts.unchanged })}</ToneBadge>
      <ToneBadge tone="danger">{t('companyImport.counts.error', { count: counts.error })}</ToneBadge>
    </Group>
  );
}

/** Step 3: how many rows each fate has, and every row with its fate; nothing is saved yet. */
export function ImportPreviewStep({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <ImportStep
      id="import-preview"
      title={t('companyImport.preview.title', { count: preview.counts.total })}
      titleGap="sm"
    >
      <Stack gap="md">
        <Counts counts={preview.counts} />
        <ImportRowsTable rows={preview.rows} />
      </Stack>
    </ImportStep>
  );
}
