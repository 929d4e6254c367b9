import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeActionTotalsQuery } from '../../../../contracts/action-plans';
import { dateFilterInput } from '../../../components/date-filter-input';

type Props = {
  query: ProgrammeActionTotalsQuery;
  /** Gets the change to make to the query as the URL holds it now. */
  onChange: (change: (current: ProgrammeActionTotalsQuery) => ProgrammeActionTotalsQuery) => void;
};

/** The period of the programme's totals: the actions done in it, or every action when none is set.
 * Every change goes to the URL. */
export function TotalsPeriodFilters({ query, onChange }: Props) {
  const { t } = useTranslation();
  const date = (key: 'from' | 'to') => dateFilterInput(key, query[key] ?? '', onChange);
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('actionPlans.totals.period.label')}>
        <TextInput label={t('actionPlans.totals.period.from')} {...date('from')} />
        <TextInput label={t('actionPlans.totals.period.to')} {...date('to')} />
        {query.from || query.to ? (
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={() => onChange(() => ({}))}
          >
            {t('actionPlans.totals.period.reset')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dark.6">
        {t('actionPlans.totals.period.hint')}
      </Text>
    </Stack>
  );
}
