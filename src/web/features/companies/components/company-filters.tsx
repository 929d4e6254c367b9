import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { companyStatusSchema, sizeClasses } from '../../../../contracts/companies';
import { reportingAreas } from '../../../../contracts/organisations';
import { currentLanguage } from '../../../i18n/i18n';
import { useCoachOptions, useOrganisations } from '../../../components/people-and-organisations';
import { useMunicipalities, useSniDivisions } from '../api';
import { activeFilterCount, type CompanyListState, type FilterKey } from '../list-params';

type CompanyFiltersProps = {
  state: CompanyListState;
  search: string;
  onSearchChange: (value: string) => void;
  onFilterChange: (key: FilterKey, value: string | null) => void;
  onClear: () => void;
  /** The organisation whose coaches the coach filter lists when none is chosen (the user's own). */
  ownOrganisationId: string | null;
};

const selectWidth = { base: '100%', xs: 180 } as const;

/** The search and filters of the company list, in a bar that wraps on narrow screens. */
export function CompanyFilters({
  state,
  search,
  onSearchChange,
  onFilterChange,
  onClear,
  ownOrganisationId,
}: CompanyFiltersProps) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const sniDivisions = useSniDivisions();
  const organisations = useOrganisations();
  const coachOrganisationId = state.organisationId ?? ownOrganisationId;
  const coaches = useCoachOptions(coachOrganisationId);
  const language = currentLanguage();

  const common = (key: FilterKey) => ({
    placeholder: t('companies.filters.all'),
    clearable: true,
    value: state[key] ?? null,
    onChange: (value: string | null) => onFilterChange(key, value),
    w: selectWidth,
    comboboxProps: { withinPortal: true },
  });

  // Kungsbacka is in both: its companies are listed under each, so two areas' sums overlap.
  const isOverlappingArea = state.reportingArea === 'halland' || state.reportingArea === 'goteborgsregionen';
  return (
    <Stack gap={4}>
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('companies.filters.label')}>
        <TextInput
          label={t('companies.filters.search')}
          placeholder={t('companies.filters.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={search}
          onChange={(event) => onSearchChange(event.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label={t('companies.filters.status')}
          data={companyStatusSchema.options.map((value) => ({ value, label: t(`companies.status.${value}`) }))}
          {...common('status')}
        />
        {/* A coach's list holds only their organisation's companies: nothing to choose between. */}
        {ownOrganisationId ? null : (
          <Select
            label={t('companies.filters.organisation')}
            searchable
            data={(organisations.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
            {...common('organisationId')}
            w={{ base: '100%', xs: 220 }}
          />
        )}
        <Select
          label={t('companies.filters.coach')}
          searchable
          data={(coaches.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          nothingFoundMessage={t('companies.filters.noCoaches')}
          {...common('coachId')}
          // Coaches belong to an organisation: without one there is no list to choose from.
          disabled={!coachOrganisationId}
          placeholder={coachOrganisationId ? t('companies.filters.all') : t('companies.form.chooseOrganisationFirst')}
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('companies.filters.municipality')}
          searchable
          data={(municipalities.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
          {...common('municipalityCode')}
        />
        <Select
          label={t('companies.filters.reportingArea')}
          data={reportingAreas.map((value) => ({ value, label: t(`reportingAreas.${value}`) }))}
          {...common('reportingArea')}
        />
        <Select
          label={t('companies.filters.sizeClass')}
          data={sizeClasses.map((value) => ({ value, label: t(`companies.sizeClass.${value}`) }))}
          {...common('sizeClass')}
        />
        <Select
          label={t('companies.filters.sniDivision')}
          searchable
          data={(sniDivisions.data?.items ?? []).map((item) => ({
            value: item.code,
            label: `${item.code} ${language === 'en' ? item.nameEn : item.nameSv}`,
          }))}
          {...common('sniDivision')}
          w={{ base: '100%', xs: 260 }}
        />
        {activeFilterCount(state) > 0 ? (
          <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
            {t('companies.filters.clear')}
          </Button>
        ) : null}
      </Group>
      {isOverlappingArea ? (
        <Text size="sm" c="gray.7">
          {t('companies.filters.reportingAreaOverlap')}
        </Text>
      ) : null}
    </Stack>
  );
}
