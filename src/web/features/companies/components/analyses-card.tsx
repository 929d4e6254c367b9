import { Anchor, Card, Group, List, Skeleton, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatEnergy, formatCo2eKg } from '../../../components/format';
import { useCompanyAnalyses } from '../../../components/company-analyses-and-actions';

/** The company's analyses in short (energy and CO2e of its mappings), and the way to them. */
export function AnalysesCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const { data, isPending } = useCompanyAnalyses(companyId);
  const latest = data?.items.slice(0, 3) ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="company-analyses">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={2} id="company-analyses" mb={4}>
            {t('analyses.card.title')}
          </Title>
          {/* The list's room while it loads, so the cards below do not jump (docs/quality.md P2, CLS). */}
          {isPending ? <Skeleton height={22} width={320} aria-hidden /> : null}
          {data && latest.length === 0 ? (
            <Text size="sm" c="dark.6">
              {t('analyses.card.empty')}
            </Text>
          ) : null}
          {latest.length > 0 ? (
            <List size="sm" spacing={2} listStyleType="none">
              {latest.map((analysis) => (
                <List.Item key={analysis.id}>
                  <Anchor component={Link} to={`/analyses/${analysis.id}`} size="sm" fw={600}>
                    {analysis.title}
                  </Anchor>{' '}
                  <Text span size="sm" c="dark.6">
                    {[
                      t(`analyses.kinds.${analysis.kind}`),
                      analysis.year ? String(analysis.year) : null,
                      analysis.energyTotals ? formatEnergy(analysis.energyTotals.kwh) : null,
                      analysis.energyTotals ? formatCo2eKg(analysis.energyTotals.co2eKg) : null,
                      t('analyses.card.findings', { count: analysis.findingCount }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : null}
        </div>
        <Anchor
          component={Link}
          to={`/companies/${companyId}/analyses`}
          display="inline-flex"
          style={{ alignItems: 'center', gap: 6 }}
        >
          <IconChartBar size={18} aria-hidden />
          {t('analyses.card.open', { count: data?.items.length ?? 0 })}
        </Anchor>
      </Group>
    </Card>
  );
}
