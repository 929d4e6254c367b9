import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../contracts/companies';
import { formatNumber, formatSek } from '../../../components/format';
import { WarningText } from '../../../components/warning-text';

function Fact({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text component="dt" size="sm" c="dark.4">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}

type CompanyFactsCardProps = { company: Company; onEdit: () => void; onEditUndertaking: () => void };

/** Where the company is, what it makes and how large it is (EU SME class from its figures). */
export function CompanyFactsCard({ company, onEdit, onEditUndertaking }: CompanyFactsCardProps) {
  const { t, i18n } = useTranslation();
  const none = t('companies.facts.none');
  const address = [company.streetAddress, [company.postalCode, company.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="company-facts">
      <Group justify="space-between" mb="md">
        <Title order={2} id="company-facts">
          {t('companies.facts.title')}
        </Title>
        {company.abilities.canEdit ? (
          <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
            {t('companies.edit.open')}
          </Button>
        ) : null}
      </Group>
      <Stack gap="md">
        {company.warnings.length > 0 ? (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle size={20} aria-hidden />}
            title={t('companies.facts.warningsTitle')}
          >
            <Stack gap={4}>
              {company.warnings.map((code) => (
                <WarningText key={code} code={code} />
              ))}
            </Stack>
          </Alert>
        ) : null}
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md" m={0}>
          <Fact label={t('companies.facts.address')}>{address || none}</Fact>
          <Fact label={t('companies.fields.municipality')}>
            {company.municipalityName ?? none}
            {company.reportingAreas.length > 0 ? (
              <Text component="span" size="sm" c="dark.4" display="block">
                {t('companies.form.reportingAreas', {
                  areas: company.reportingAreas.map((area) => t(`reportingAreas.${area}`)).join(', '),
                })}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('companies.fields.sniCode')}>
            {company.sniCode ?? none}
            {company.sniDivisionName ? (
              <Text component="span" size="sm" c="dark.4" display="block">
                {i18n.resolvedLanguage === 'en' ? company.sniDivisionName.en : company.sniDivisionName.sv}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('companies.fields.sizeClass')}>
            {company.sizeClass ? t(`companies.sizeClass.${company.sizeClass}`) : t('companies.facts.sizeUnknown')}
            {company.financialYear ? (
              <Text component="span" size="sm" c="dark.4" display="block">
                {t('companies.facts.financialYear', { year: company.financialYear })}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('companies.fields.headcount')}>
            {company.headcount === null ? none : formatNumber(company.headcount)}
          </Fact>
          <Fact label={t('companies.fields.turnoverSek')}>
            {company.turnoverSek === null ? none : formatSek(company.turnoverSek)}
          </Fact>
          <Fact label={t('companies.fields.balanceSheetSek')}>
            {company.balanceSheetSek === null ? none : formatSek(company.balanceSheetSek)}
          </Fact>
          <Fact label={t('companies.undertaking.label')} wide>
            <Group gap="xs" component="span" wrap="nowrap" align="baseline">
              <span>{company.undertakingName ?? t('companies.undertaking.none')}</span>
              {company.abilities.canEdit ? (
                <Button
                  variant="subtle"
                  size="compact-xs"
                  onClick={onEditUndertaking}
                  aria-label={t('companies.undertaking.changeLabel')}
                >
                  {t('companies.undertaking.change')}
                </Button>
              ) : null}
            </Group>
            <Text component="span" size="sm" c="dark.4" display="block" fw={400}>
              {t('companies.undertaking.help')}
            </Text>
          </Fact>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
