import { Button, FileInput, Select, SimpleGrid, Stack } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { serverFileProblem } from '../file-problem';
import type { FileProblem } from '../read-file';
import { ImportStep } from './import-step';

type ImportFileStepProps = {
  file: File | null;
  onFileChange: (file: File | null) => void;
  /** The browser's own reason to refuse the file, before the server sees it. */
  problem: FileProblem | 'unreadable' | null;
  /** Only for someone outside the partner organisations, who says whose companies these are. */
  organisationChoice: {
    organisations: readonly { id: string; name: string }[];
    value: string | null;
    onChange: (value: string | null) => void;
    error: string | null;
  } | null;
  onPreview: () => void;
  isReading: boolean;
  disabled: boolean;
  previewError: unknown;
};

/** Step 1: the file (and, for project management, the organisation), read and previewed on request. */
export function ImportFileStep({
  file,
  onFileChange,
  problem,
  organisationChoice,
  onPreview,
  isReading,
  disabled,
  previewError,
}: ImportFileStepProps) {
  const { t } = useTranslation();
  // The server's refusal of the file itself is said at the file input, not as a general error.
  const refusedFile = serverFileProblem(previewError);
  const fileError = problem
    ? t(`companyImport.file.problem.${problem}`)
    : refusedFile
      ? 'code' in refusedFile
        ? t(`companyImport.file.serverProblem.${refusedFile.code}`)
        : refusedFile.message
      : null;
  return (
    <ImportStep id="import-file" title={t('companyImport.file.title')} titleGap="md">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <FileInput
            label={t('companyImport.file.label')}
            description={t('companyImport.file.hint')}
            placeholder={t('companyImport.file.placeholder')}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            required
            clearable
            value={file}
            onChange={onFileChange}
            error={fileError}
          />
          {organisationChoice ? (
            <Select
              label={t('companyImport.file.organisation')}
              description={t('companyImport.file.organisationHint')}
              placeholder={t('companies.form.chooseOrganisation')}
              required
              searchable
              data={organisationChoice.organisations.map((item) => ({ value: item.id, label: item.name }))}
              value={organisationChoice.value}
              onChange={organisationChoice.onChange}
              error={organisationChoice.error}
            />
          ) : null}
        </SimpleGrid>
        <div>
          <Button onClick={onPreview} loading={isReading} disabled={disabled}>
            {t('companyImport.file.preview')}
          </Button>
        </div>
        {refusedFile ? null : <ErrorAlert error={previewError} />}
      </Stack>
    </ImportStep>
  );
}
