import { Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tenantShapeError } from '../../../../core/access';
import type { Role } from '../../../../core/roles';
import { useOrganisations } from '../../../components/people-and-organisations';
import { useCompanyOptions } from '../api';

export type TenantValues = { role: Role; organisationId: string | null; companyId: string | null };

type Option = { value: string; label: string };

type TenantFieldsProps<T extends TenantValues> = {
  form: UseFormReturnType<T>;
  /** The company already chosen, so its name shows before any search. */
  currentCompany?: { id: string; name: string } | null;
};

/** A coach belongs to an organisation, a company user to a company, an admin to neither. */
export function TenantFields<T extends TenantValues>({ form, currentCompany }: TenantFieldsProps<T>) {
  const { t } = useTranslation();
  const role = form.getValues().role;
  const organisations = useOrganisations(role === 'coach');
  const [companySearch, setCompanySearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(companySearch.trim(), 300);
  const [chosenCompany, setChosenCompany] = useState<Option | null>(
    currentCompany ? { value: currentCompany.id, label: currentCompany.name } : null,
  );
  // Picking an option writes its label into the search box; that is not a new search.
  const query = debouncedSearch === chosenCompany?.label ? '' : debouncedSearch;
  const companies = useCompanyOptions(query, role === 'company');

  if (role === 'coach') {
    return (
      <Select
        label={t('users.fields.organisation')}
        placeholder={t('users.fields.organisationPlaceholder')}
        required
        data={(organisations.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
        nothingFoundMessage={organisations.isPending ? t('common.loading') : t('users.fields.noOrganisations')}
        searchable
        {...form.getInputProps('organisationId')}
      />
    );
  }
  if (role === 'company') {
    const options: Option[] = (companies.data?.items ?? []).map((item) => ({
      value: item.id,
      label: `${item.name} (${item.organisationNumber})`,
    }));
    if (chosenCompany && !options.some((option) => option.value === chosenCompany.value)) {
      options.unshift(chosenCompany);
    }
    const inputProps = form.getInputProps('companyId');
    return (
      <Select
        label={t('users.fields.company')}
        placeholder={t('users.fields.companyPlaceholder')}
        description={t('users.fields.companyHint')}
        required
        searchable
        // The server searches; the options shown are its answer as is.
        filter={({ options: all }) => all}
        searchValue={companySearch}
        onSearchChange={setCompanySearch}
        data={options}
        nothingFoundMessage={companies.isFetching ? t('common.loading') : t('users.fields.noCompanies')}
        {...inputProps}
        onChange={(value, option) => {
          setChosenCompany(value && option ? { value, label: option.label } : null);
          inputProps.onChange(value);
        }}
      />
    );
  }
  return null;
}

/** The organisation and company ids a role keeps; the others are cleared. */
export function tenantFor(values: TenantValues): { organisationId: string | null; companyId: string | null } {
  switch (values.role) {
    case 'admin':
      return { organisationId: null, companyId: null };
    case 'coach':
      return { organisationId: values.organisationId, companyId: null };
    case 'company':
      return { organisationId: null, companyId: values.companyId };
  }
}

/** The form errors for a role without its organisation or company (the core's tenantShapeError). */
export function tenantErrors(
  values: TenantValues,
  messages: { organisationRequired: string; companyRequired: string },
): Record<string, string> {
  const tenant = tenantFor(values);
  const problem = tenantShapeError(values.role, tenant.organisationId, tenant.companyId);
  if (problem === 'organisation_required') return { organisationId: messages.organisationRequired };
  if (problem === 'company_required') return { companyId: messages.companyRequired };
  return {};
}
