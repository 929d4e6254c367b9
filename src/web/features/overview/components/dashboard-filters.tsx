import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DashboardQuery } from '../../../../contracts/dashboard';
import { dateFilterInput } from '../../../components/date-filter-input';
import { useOrganisations } from '../../../components/people-and-organisations';

type Props = {
  query: DashboardQuery;
  /** The period the figures are for, as the server resolved it (its defaults filled in). */
  period: { from: string; to: string } | undefined;
  canChooseOrganisation: boolean;
  /** Gets the change to make to the query as the URL holds it now. */
  onChange: (change: (current: DashboardQuery) => DashboardQuery) => void;
};

/** The period and, for project management, the organisation of the dashboard; every change goes to the URL. */
export function DashboardFilters({ query, period, canChooseOrganisation, onChange }: Props) {
  const { t } = useTranslation();
  const organisations = useOrganisations(canChooseOrganisation);
  const isFiltered = Boolean(query.from || query.to || query.organisationId);
  const date = (key: 'from' | 'to') => dateFilterInput(key, query[key] ?? period?.[key] ?? '', onChange);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('overview.filters.label')}>
      <TextInput label={t('overview.filters.from')} {...date('from')} />
      <TextInput label={t('overview.filters.to')} {...date('to')} />
      {canChooseOrganisation ? (
        <Select
          label={t('overview.filters.organisation')}
          placeholder={t('overview.filters.programme')}
          clearable
          searchable
          data={(organisations.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          value={query.organisationId ?? null}
          onChange={(value) =>
            onChange((current) => {
              const next = { ...current };
              if (value) next.organisationId = value;
              else delete next.organisationId;
              return next;
            })
          }
          w={{ base: '100%', xs: 260 }}
          comboboxProps={{ withinPortal: true }}
        />
      ) : null}
      {isFiltered ? (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => onChange(() => ({}))}
        >
          {t('overview.filters.reset')}
        </Button>
      ) : null}
    </Group>
  );
}
