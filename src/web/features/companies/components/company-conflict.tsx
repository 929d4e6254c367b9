import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../contracts/companies';
import { isApiError } from '../../../components/api-client';
import { useReloadCompany } from '../api';

/** One value someone else saved, as the notice shows it: "Kommun: Borås". */
export type ConflictChange = { key: string; label: string; value: string };

/**
 * What a company modal needs when its save meets a 409: the company read again (to compare with
 * the copy the modal started from), or the error if even that failed.
 */
export function useCompanyConflict(companyId: string) {
  const reload = useReloadCompany();
  const [fresh, setFresh] = useState<Company | null>(null);
  const [reloadError, setReloadError] = useState<unknown>(null);

  /** True when the error was a 409 and has been dealt with (fresh copy read, or its failure kept). */
  async function handleConflict(error: unknown): Promise<boolean> {
    if (!isApiError(error, 'conflict')) return false;
    try {
      setFresh(await reload(companyId));
    } catch (failure) {
      setReloadError(failure);
    }
    return true;
  }

  return { fresh, reloadError, handleConflict, clearConflict: () => setFresh(null) };
}

type CompanyConflictAlertProps = {
  changes: ConflictChange[];
  onUseTheirs: () => void;
  onKeepMine: () => void;
};

/** "Someone else saved first": which values are new, and the choice between theirs and mine. */
export function CompanyConflictAlert({ changes, onUseTheirs, onKeepMine }: CompanyConflictAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert role="alert" color="orange" variant="light" title={t('errors.conflictTitle')}>
      <Stack gap="sm">
        <Text size="sm">
          {changes.length > 0 ? t('companies.edit.conflictChanged') : t('companies.edit.conflictOther')}
        </Text>
        {changes.length > 0 ? (
          <List size="sm" spacing={2}>
            {changes.map((change) => (
              <List.Item key={change.key}>
                {t('companies.edit.changedField', { field: change.label, value: change.value })}
              </List.Item>
            ))}
          </List>
        ) : null}
        <Group gap="sm">
          <Button size="xs" color="orange" onClick={onUseTheirs}>
            {t('companies.edit.useTheirs')}
          </Button>
          <Button size="xs" variant="white" color="orange" onClick={onKeepMine}>
            {t('companies.edit.keepMine')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
