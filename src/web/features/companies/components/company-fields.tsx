import { NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { parseSniCode } from '../../../../core/sni';
import { useCoachOptions, useOrganisations } from '../../../components/people-and-organisations';
import { useMunicipalities, useSniDivisions } from '../api';
import { type CompanyFormValues } from '../company-form';

type CompanyFieldsProps = {
  form: UseFormReturnType<CompanyFormValues>;
  /** Shown for someone who does not belong to one organisation and so must choose it. */
  withOrganisation: boolean;
  /** The organisation whose coaches are offered when the form has none chosen. */
  fallbackOrganisationId: string | null;
};

const moneyProps = {
  thousandSeparator: ' ',
  decimalSeparator: ',',
  allowDecimal: false,
  allowNegative: false,
  suffix: ' kr',
  hideControls: true,
} as const;

/** The facts of a company: address, municipality, industry, size and who is responsible. */
export function CompanyFields({ form, withOrganisation, fallbackOrganisationId }: CompanyFieldsProps) {
  const { t, i18n } = useTranslation();
  const values = form.getValues();
  const municipalities = useMunicipalities();
  const sniDivisions = useSniDivisions();
  const organisations = useOrganisations(withOrganisation);
  const organisationId = values.organisationId ?? fallbackOrganisationId;
  const coaches = useCoachOptions(organisationId);

  const municipality = municipalities.data?.items.find((item) => item.code === values.municipalityCode);
  const sni = values.sniCode.trim() ? parseSniCode(values.sniCode) : null;
  const division =
    sni && !('problem' in sni) ? sniDivisions.data?.items.find((item) => item.code === sni.division) : undefined;
  const isNotManufacturing = sni !== null && !('problem' in sni) && !sni.isManufacturing;

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('companies.form.addressSection')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('companies.fields.streetAddress')}
            autoComplete="street-address"
            {...form.getInputProps('streetAddress')}
          />
          <SimpleGrid cols={2} spacing="md">
            <TextInput
              label={t('companies.fields.postalCode')}
              autoComplete="postal-code"
              inputMode="numeric"
              {...form.getInputProps('postalCode')}
            />
            <TextInput
              label={t('companies.fields.city')}
              autoComplete="address-level2"
              {...form.getInputProps('city')}
            />
          </SimpleGrid>
          <Select
            label={t('companies.fields.municipality')}
            placeholder={t('companies.form.chooseMunicipality')}
            description={
              municipality
                ? t('companies.form.reportingAreas', {
                    areas: municipality.reportingAreas.map((area) => t(`reportingAreas.${area}`)).join(', '),
                  })
                : t('companies.form.municipalityHint')
            }
            searchable
            clearable
            data={(municipalities.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
            nothingFoundMessage={t('companies.form.noMunicipality')}
            {...form.getInputProps('municipalityCode')}
          />
        </SimpleGrid>
      </Stack>

      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('companies.form.industrySection')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Stack gap={4}>
            <TextInput
              label={t('companies.fields.sniCode')}
              description={
                division
                  ? t('companies.form.sniDivision', {
                      code: division.code,
                      name: i18n.resolvedLanguage === 'en' ? division.nameEn : division.nameSv,
                    })
                  : t('companies.form.sniHint')
              }
              inputMode="decimal"
              {...form.getInputProps('sniCode')}
            />
            {isNotManufacturing ? (
              <Text size="sm" c="orange.9" role="status">
                <IconAlertTriangle size={14} aria-hidden style={{ verticalAlign: '-2px', marginRight: 4 }} />
                {t('companies.warnings.sni_not_manufacturing')}
              </Text>
            ) : null}
          </Stack>
        </SimpleGrid>
      </Stack>

      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('companies.form.sizeSection')}
        </Title>
        <Text size="sm" c="dark.4">
          {t('companies.form.sizeHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            label={t('companies.fields.headcount')}
            thousandSeparator=" "
            allowDecimal={false}
            allowNegative={false}
            hideControls
            {...form.getInputProps('headcount')}
          />
          <NumberInput
            label={t('companies.fields.financialYear')}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            min={1990}
            max={2100}
            {...form.getInputProps('financialYear')}
          />
          <NumberInput
            label={t('companies.fields.turnoverSek')}
            {...moneyProps}
            {...form.getInputProps('turnoverSek')}
          />
          <NumberInput
            label={t('companies.fields.balanceSheetSek')}
            {...moneyProps}
            {...form.getInputProps('balanceSheetSek')}
          />
        </SimpleGrid>
      </Stack>

      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('companies.form.responsibleSection')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {withOrganisation ? (
            <Select
              label={t('companies.fields.organisation')}
              placeholder={t('companies.form.chooseOrganisation')}
              required
              searchable
              data={(organisations.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
              {...form.getInputProps('organisationId')}
              onChange={(value) => {
                form.setFieldValue('organisationId', value);
                form.setFieldValue('coachId', null);
              }}
            />
          ) : null}
          <Select
            label={t('companies.fields.coach')}
            placeholder={organisationId ? t('companies.form.chooseCoach') : t('companies.form.chooseOrganisationFirst')}
            disabled={!organisationId}
            searchable
            clearable
            data={(coaches.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
            nothingFoundMessage={t('companies.filters.noCoaches')}
            {...form.getInputProps('coachId')}
          />
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
