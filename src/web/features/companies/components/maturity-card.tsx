import { Anchor, Card, Group, Skeleton, Text, Title } from '@mantine/core';
import { IconStairsUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatIsoDate } from '../../../components/format';
import { useCompanyMaturity } from '../api';

/** Where the company stands on its ladders, when the next measurement is due, and the way to the results. */
export function MaturityCard({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const maturity = useCompanyMaturity(companyId);
  const data = maturity.data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="company-maturity">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        {/* The same room before and after the steps arrive: a long line of steps wraps inside it
            rather than pushing the link below it (CLS 0.042 on a laptop's screen). */}
        <div style={{ flex: '1 1 20rem', minWidth: 0 }}>
          <Title order={2} id="company-maturity" mb={4}>
            {t('maturity.companyCard.title')}
          </Title>
          {data ? (
            <Text size="sm" c="dark.6">
              {[
                ...data.areas
                  .filter((area) => area.latest)
                  .map((area) => `${t(`areas.${area.area}`)} ${area.latest!.step ?? '–'}`),
              ].join(' · ') || t('maturity.ladder.notMeasured')}
            </Text>
          ) : null}
          {/* The two lines' room while they load, so the cards below do not jump (docs/quality.md P2, CLS). */}
          {maturity.isPending ? <Skeleton height={44} width={280} mt={4} aria-hidden /> : null}
          {data ? (
            <Text size="sm" fw={600} mt={4}>
              {data.nextDueOn
                ? t('maturity.nextDue', { date: formatIsoDate(data.nextDueOn) })
                : t('maturity.nextDueNone')}
            </Text>
          ) : null}
        </div>
        <Anchor
          component={Link}
          to={`/companies/${companyId}/maturity`}
          display="inline-flex"
          style={{ alignItems: 'center', gap: 6 }}
        >
          <IconStairsUp size={18} aria-hidden />
          {t('maturity.companyCard.open')}
        </Anchor>
      </Group>
    </Card>
  );
}
