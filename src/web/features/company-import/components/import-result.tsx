import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportResult as Result } from '../../../../contracts/company-import';
import { formatNumber } from '../../../components/format';

/** What the import did (or, all or nothing, why it did nothing), and where to go next. */
export function ImportResult({ result, onAnother }: { result: Result; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      role="status"
      color={result.isImported ? 'teal' : 'orange'}
      variant="light"
      icon={<IconCircleCheck size={20} aria-hidden />}
      title={result.isImported ? t('companyImport.result.doneTitle') : t('companyImport.result.notDoneTitle')}
    >
      <Stack gap="sm">
        <Text size="sm">
          {result.isImported
            ? t('companyImport.result.done', {
                created: formatNumber(result.counts.create),
                updated: formatNumber(result.counts.update),
                unchanged: formatNumber(result.counts.unchanged),
                skipped: formatNumber(result.counts.error),
              })
            : t('companyImport.result.notDone', { count: result.counts.error })}
        </Text>
        <Group gap="sm">
          <Button component={Link} to="/companies" size="xs">
            {t('companyImport.result.toList')}
          </Button>
          <Button variant="default" size="xs" onClick={onAnother}>
            {t('companyImport.result.another')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
