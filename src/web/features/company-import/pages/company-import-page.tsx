import { Anchor, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ImportCommitStep } from '../components/import-commit-step';
import { ImportFileStep } from '../components/import-file-step';
import { ImportMappingStep } from '../components/import-mapping-step';
import { ImportPreviewStep } from '../components/import-preview-step';
import { useCompanyImport } from '../components/use-company-import';

/** Imports companies from a spreadsheet: choose, preview with every row's fate, then import. */
export function CompanyImportPage() {
  const { t } = useTranslation();
  const importer = useCompanyImport();
  const { preview, commit } = importer;
  return (
    <>
      <Anchor
        component={Link}
        to="/companies"
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('companies.backToList')}
      </Anchor>
      <PageHeader title={t('companyImport.title')} description={t('companyImport.description')} />
      <Stack gap="lg">
        <ImportFileStep
          file={importer.file}
          onFileChange={importer.chooseFile}
          problem={importer.problem}
          organisationChoice={
            importer.withOrganisation
              ? {
                  organisations: importer.organisations,
                  value: importer.organisationId,
                  onChange: importer.chooseOrganisation,
                  error: importer.organisationError,
                }
              : null
          }
          onPreview={() => void importer.readAndPreview()}
          isReading={preview.isPending && !importer.isRead}
          disabled={commit.isPending}
          previewError={preview.error}
        />
        {preview.data && importer.isRead ? (
          <>
            <ImportMappingStep
              columns={preview.data.columns}
              mapping={importer.mapping}
              onChange={(next) => void importer.changeMapping(next)}
              isUpdating={preview.isPending}
              disabled={preview.isPending || commit.isPending}
            />
            <ImportPreviewStep preview={preview.data} />
            <ImportCommitStep
              counts={preview.data.counts}
              onCommit={(mode) => void importer.runCommit(mode)}
              isCommitting={commit.isPending}
              isPreviewing={preview.isPending}
              error={commit.error}
              result={importer.result}
              onAnother={importer.reset}
            />
          </>
        ) : null}
      </Stack>
    </>
  );
}
