import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult as Result } from '../../../../contracts/company-import';
import { ErrorAlert } from '../../../components/error-alert';
import { ImportResult } from './import-result';
import type { ImportMode } from './use-company-import';
import { ImportStep } from './import-step';

type ImportCommitStepProps = {
  counts: ImportPreview['counts'];
  onCommit: (mode: ImportMode) => void;
  isCommitting: boolean;
  /** A new preview is on its way: the counts may be about to change. */
  isPreviewing: boolean;
  error: unknown;
  result: Result | null;
  onAnother: () => void;
};

/** Step 4: import the valid rows, or all or nothing; then what the import did. */
export function ImportCommitStep({
  counts,
  onCommit,
  isCommitting,
  isPreviewing,
  error,
  result,
  onAnother,
}: ImportCommitStepProps) {
  const { t } = useTranslation();
  const validRows = counts.create + counts.update;
  const hasErrors = counts.error > 0;
  return (
    <ImportStep id="import-commit" title={t('companyImport.commit.title')} titleGap="sm">
      <Stack gap="md">
        {isCommitting ? (
          <Stack gap={6} role="status" aria-live="polite">
            <Progress
              value={100}
              striped
              animated
              size="lg"
              aria-label={t('companyImport.commit.running', { count: validRows })}
            />
            <Text size="sm">{t('companyImport.commit.running', { count: validRows })}</Text>
          </Stack>
        ) : null}
        <ErrorAlert error={error} />
        {result ? (
          <ImportResult result={result} onAnother={onAnother} />
        ) : (
          <>
            <Group gap="sm" wrap="wrap">
              <Button onClick={() => onCommit('valid_rows')} disabled={validRows === 0 || isCommitting || isPreviewing}>
                {t('companyImport.commit.validRows', { count: validRows })}
              </Button>
              <Button
                variant="default"
                onClick={() => onCommit('all_or_nothing')}
                disabled={hasErrors || validRows === 0 || isCommitting || isPreviewing}
                aria-describedby={hasErrors ? 'all-or-nothing-why' : undefined}
              >
                {t('companyImport.commit.allOrNothing')}
              </Button>
            </Group>
            <Text size="sm" c="dark.4" id="all-or-nothing-why">
              {hasErrors
                ? t('companyImport.commit.allOrNothingDisabled', { count: counts.error })
                : t('companyImport.commit.allOrNothingHint')}
            </Text>
          </>
        )}
      </Stack>
    </ImportStep>
  );
}
