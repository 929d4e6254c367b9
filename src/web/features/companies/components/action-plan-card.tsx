import { Anchor, Card, Group, Skeleton, Text, Title } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EffectSummary } from '../../../components/effect-summary';
import { useCompanyActionTotals } from '../../../components/company-analyses-and-actions';

/** The company's action plan in short: its expected and realised effects, and the way to the plan. */
export function ActionPlanCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const totals = useCompanyActionTotals(companyId);
  const overall = totals.data?.overall;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="company-action-plan">
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
        <Title order={2} id="company-action-plan">
          {t('actionPlans.card.title')}
        </Title>
        <Anchor
          component={Link}
          to={`/companies/${companyId}/action-plan`}
          display="inline-flex"
          style={{ alignItems: 'center', gap: 6 }}
        >
          <IconListCheck size={18} aria-hidden />
          {t('actionPlans.card.open')}
        </Anchor>
      </Group>
      {/* The summary's room while it loads, so the cards below do not jump (docs/quality.md P2, CLS). */}
      {totals.isPending ? <Skeleton height={96} aria-hidden /> : null}
      {overall ? (
        overall.actions === 0 && overall.done === 0 ? (
          <Text size="sm">{t('actionPlans.card.none')}</Text>
        ) : (
          <EffectSummary totals={overall} />
        )
      ) : null}
    </Card>
  );
}
