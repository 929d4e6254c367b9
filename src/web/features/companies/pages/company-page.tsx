import { Anchor, Grid, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryFallback } from '../../../components/query-fallback';
import { PageHeader } from '../../../components/page-header';
import { useSignedInUser } from '../../../components/session';
import { useCompany } from '../api';
import { CompanyFactsCard } from '../components/company-facts-card';
import { CompanyStatusBadge } from '../components/company-status-badge';
import { CompanyTimeline } from '../components/company-timeline';
import { ContactsSection } from '../components/contacts-section';
import { PortalUsersSection } from '../components/portal-users-section';
import { MaturityCard } from '../components/maturity-card';
import { ActionPlanCard } from '../components/action-plan-card';
import { AnalysesCard } from '../components/analyses-card';
import { StateAidCard } from '../components/state-aid-card';
import { EditCompanyModal } from '../components/edit-company-modal';
import { InterventionsSection } from '../components/interventions-section';
import { StatusCard } from '../components/status-card';
import { UndertakingModal } from '../components/undertaking-modal';

function MetaItem({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm" c="dark.6">
      <Text span size="sm" c="dark.4">
        {label}:
      </Text>{' '}
      <Text span size="sm" fw={600}>
        {value}
      </Text>
    </Text>
  );
}

/** One company: its facts, status, contacts and what has happened with it. */
export function CompanyPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const { companyId = '' } = useParams();
  const company = useCompany(companyId);
  const [isEditing, setEditing] = useState(false);
  const [isEditingUndertaking, setEditingUndertaking] = useState(false);

  if (company.isPending || company.error || !company.data) {
    return (
      <QueryFallback
        query={company}
        notFound={{
          title: t('companies.notFound.title'),
          text: t('companies.notFound.text'),
          linkLabel: t('companies.backToList'),
          linkTo: '/companies',
        }}
      />
    );
  }

  const data = company.data;
  return (
    <>
      {me.companyId ? null : (
        <Anchor
          component={Link}
          to="/companies"
          size="sm"
          mb="xs"
          display="inline-flex"
          style={{ alignItems: 'center', gap: 4 }}
        >
          <IconArrowLeft size={16} aria-hidden />
          {t('companies.backToList')}
        </Anchor>
      )}
      <PageHeader
        title={data.name}
        meta={
          <Group gap="lg" wrap="wrap" mt={4}>
            <CompanyStatusBadge status={data.status} />
            <MetaItem label={t('companies.fields.organisationNumber')} value={data.organisationNumber} />
            <MetaItem label={t('companies.fields.organisation')} value={data.organisationName} />
            <MetaItem label={t('companies.fields.coach')} value={data.coachName ?? t('companies.noCoach')} />
          </Group>
        }
      />
      <Stack gap="lg">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <CompanyFactsCard
              company={data}
              onEdit={() => setEditing(true)}
              onEditUndertaking={() => setEditingUndertaking(true)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <StatusCard company={data} />
          </Grid.Col>
        </Grid>
        <MaturityCard companyId={data.id} />
        <ActionPlanCard companyId={data.id} />
        <AnalysesCard companyId={data.id} />
        <StateAidCard companyId={data.id} />
        <ContactsSection company={data} />
        <PortalUsersSection company={data} />
        {/* The coaching log is internal: shown to the staff who work on the company (its editors). */}
        {data.abilities.canEdit ? <InterventionsSection companyId={data.id} /> : null}
        <CompanyTimeline companyId={data.id} />
      </Stack>
      {isEditing ? <EditCompanyModal company={data} onClose={() => setEditing(false)} /> : null}
      {isEditingUndertaking ? <UndertakingModal company={data} onClose={() => setEditingUndertaking(false)} /> : null}
    </>
  );
}
