import { Anchor, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { actionStatuses, type ActionStatus } from '../../../../core/action-status';
import { maturityAreas, type MaturityArea } from '../../../../core/maturity-areas';
import type { Action } from '../../../../contracts/action-plans';
import { EffectSummary, EffectSummaryPlaceholder } from '../../../components/effect-summary';
import { QueryFallback } from '../../../components/query-fallback';
import { formatIsoDate, formatSek, formatYears } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { useCompanyActionTotals } from '../../../components/company-analyses-and-actions';
import { useActionPlan } from '../api';
import { ActionFormModal } from '../components/action-form-modal';
import { ActionStatusBadge } from '../components/action-status-badge';
import { effectParts } from '../components/effects';
import { ProgressModal } from '../components/progress-modal';
import { RealisedLine } from '../components/realised-line';
import { SuggestionsPanel } from '../components/suggestions-panel';

type Editing = { kind: 'new' } | { kind: 'edit'; action: Action } | { kind: 'progress'; action: Action } | null;

/** A company's action plan: its totals, the suggestions, and the actions area by area. */
export function ActionPlanPage() {
  const { t } = useTranslation();
  const { companyId = '' } = useParams();
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const [area, setArea] = useState<MaturityArea | null>(null);
  const plan = useActionPlan(companyId, { ...(status && { status }), ...(area && { area }) });
  const totals = useCompanyActionTotals(companyId);
  const [editing, setEditing] = useState<Editing>(null);

  if (plan.isPending || plan.error || !plan.data) {
    return (
      <QueryFallback
        query={plan}
        notFound={{
          title: t('companies.notFound.title'),
          text: t('companies.notFound.text'),
          linkLabel: t('companies.backToList'),
          linkTo: '/companies',
        }}
      />
    );
  }
  const data = plan.data;
  const areas = maturityAreas.filter((a) => data.items.some((item) => item.area === a));
  const payback = (years: number | null) => (years === null ? '–' : t('effects.years', { years: formatYears(years) }));
  return (
    <>
      <Anchor
        component={Link}
        to={`/companies/${companyId}`}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('actionPlans.backToCompany', { name: data.companyName })}
      </Anchor>
      <PageHeader
        title={t('actionPlans.page.title', { name: data.companyName })}
        description={t('actionPlans.page.description')}
        actions={
          data.abilities.canCreate ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing({ kind: 'new' })}>
              {t('actionPlans.page.new')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="action-totals">
          <Title order={2} id="action-totals" mb="sm">
            {t('actionPlans.page.totals')}
          </Title>
          {totals.data ? <EffectSummary totals={totals.data.overall} /> : <EffectSummaryPlaceholder />}
        </Card>
        <Stack gap="md" component="section" aria-labelledby="action-list">
          <Group justify="space-between" align="flex-end">
            <Title order={2} id="action-list">
              {t('actionPlans.page.actions')}
            </Title>
            <Group gap="sm">
              <Select
                label={t('actionPlans.fields.area')}
                placeholder={t('actionPlans.filters.allAreas')}
                clearable
                value={area}
                onChange={(value) => setArea(value as MaturityArea | null)}
                data={maturityAreas.map((a) => ({ value: a, label: t(`areas.${a}`) }))}
                w={220}
              />
              <Select
                label={t('actionPlans.fields.status')}
                placeholder={t('actionPlans.filters.allStatuses')}
                clearable
                value={status}
                onChange={(value) => setStatus(value as ActionStatus | null)}
                data={actionStatuses.map((s) => ({ value: s, label: t(`actionPlans.statuses.${s}`) }))}
                w={180}
              />
            </Group>
          </Group>
          {data.items.length === 0 ? <Text>{t('actionPlans.page.empty')}</Text> : null}
          {data.isTruncated ? <Text c="dark.7">{t('actionPlans.page.truncated')}</Text> : null}
          {areas.map((a) => (
            <Card key={a} withBorder padding="md" component="section" aria-labelledby={`area-${a}`}>
              <Title order={3} id={`area-${a}`} fz="lg" mb="sm">
                {t(`areas.${a}`)}
              </Title>
              <Table.ScrollContainer minWidth={860}>
                <Table verticalSpacing="sm" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" miw={240}>
                        {t('actionPlans.columns.action')}
                      </Table.Th>
                      <Table.Th scope="col">{t('actionPlans.fields.status')}</Table.Th>
                      <Table.Th scope="col">{t('actionPlans.fields.owner')}</Table.Th>
                      <Table.Th scope="col">{t('actionPlans.fields.dueOn')}</Table.Th>
                      <Table.Th scope="col">{t('actionPlans.fields.investmentSek')}</Table.Th>
                      <Table.Th scope="col" miw={150}>
                        {t('actionPlans.columns.effect')}
                      </Table.Th>
                      <Table.Th scope="col">{t('actionPlans.columns.payback')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items
                      .filter((item) => item.area === a)
                      .map((item) => (
                        <Table.Tr key={item.id}>
                          <Table.Td>
                            <Text fw={600}>{item.title}</Text>
                            {item.targetStep ? (
                              <Text size="sm" c="dark.6">
                                {t('actionPlans.towardsStep', { step: item.targetStep })}
                              </Text>
                            ) : null}
                            <div>
                              {item.abilities.canEdit ? (
                                <Button
                                  size="compact-sm"
                                  variant="subtle"
                                  onClick={() => setEditing({ kind: 'edit', action: item })}
                                  aria-label={t('actionPlans.page.editNamed', { title: item.title })}
                                >
                                  {t('common.edit')}
                                </Button>
                              ) : item.abilities.canUpdateProgress ? (
                                <Button
                                  size="compact-sm"
                                  variant="light"
                                  onClick={() => setEditing({ kind: 'progress', action: item })}
                                  aria-label={t('actionPlans.page.reportNamed', { title: item.title })}
                                >
                                  {t('actionPlans.page.report')}
                                </Button>
                              ) : null}
                            </div>
                          </Table.Td>
                          <Table.Td>
                            <ActionStatusBadge status={item.status} />
                            {item.doneOn ? (
                              <Text size="xs" c="dark.6">
                                {formatIsoDate(item.doneOn)}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td>{item.owner?.name ?? '–'}</Table.Td>
                          <Table.Td>{item.dueOn ? formatIsoDate(item.dueOn) : '–'}</Table.Td>
                          <Table.Td>{item.investmentSek === null ? '–' : formatSek(item.investmentSek)}</Table.Td>
                          <Table.Td>
                            {effectParts(t, item.expected).map((part) => (
                              <Text size="sm" key={part}>
                                {part}
                              </Text>
                            ))}
                            <RealisedLine action={item} />
                          </Table.Td>
                          <Table.Td>
                            {payback(item.status === 'done' ? item.realisedPaybackYears : item.expectedPaybackYears)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          ))}
        </Stack>
        {data.abilities.canSeeSuggestions ? (
          <SuggestionsPanel companyId={companyId} owners={data.owners} carriers={data.carriers} />
        ) : null}
      </Stack>
      {editing?.kind === 'new' ? (
        <ActionFormModal
          companyId={companyId}
          owners={data.owners}
          carriers={data.carriers}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'edit' ? (
        <ActionFormModal
          companyId={companyId}
          owners={data.owners}
          carriers={data.carriers}
          action={editing.action}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'progress' ? <ProgressModal action={editing.action} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
