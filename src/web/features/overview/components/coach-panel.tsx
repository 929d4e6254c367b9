import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DueItem } from '../../../../contracts/reminders';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDate, formatIsoDate, formatNumber } from '../../../components/format';
import { useCompanyPeek, useMyWeek } from '../api';

/** Where a due item is dealt with: a due action on the plan, the rest on the company page (as "my week"). */
const linkOf = (item: DueItem) =>
  item.sourceKind === 'action' ? `/companies/${item.companyId}/action-plan` : `/companies/${item.companyId}`;

const peekSize = '5';
const dueShown = 6;

// Each card keeps the height of its fullest content (a summary line and six due items; a count and
// five companies; five companies) from its first paint, so that nothing below it moves when the
// lists arrive: on a phone the cards stand on top of each other, and their growth from a skeleton
// was most of the overview's layout shift (CLS 0.3 on Lighthouse's mobile preset).
const panelBodyHeights = { due: '20rem', mine: '11.5rem', latest: '10rem' } as const;

function PanelCard({
  id,
  title,
  more,
  minBodyHeight,
  children,
}: {
  id: string;
  title: string;
  more: { to: string; text: string };
  minBodyHeight: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="baseline" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} id={id} fz="h3">
          {title}
        </Title>
        <Anchor component={Link} to={more.to} size="sm">
          {more.text}
        </Anchor>
      </Group>
      <div style={{ minHeight: minBodyHeight }}>{children}</div>
    </Card>
  );
}

/** An industry developer's own start: what is due, their companies, and what changed lately in the
 * organisation, from "my week" and the company list (their own and the latest changed). */
export function CoachPanel({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const week = useMyWeek(true);
  const mine = useCompanyPeek({ coachId: userId, sort: 'updatedAt', order: 'desc', pageSize: peekSize }, true);
  const latest = useCompanyPeek({ sort: 'updatedAt', order: 'desc', pageSize: peekSize }, true);
  const due = [...(week.data?.overdue ?? []), ...(week.data?.dueThisWeek ?? [])];

  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
      <PanelCard
        id="overview-due"
        title={t('overview.coach.dueTitle')}
        more={{ to: '/my-week', text: t('overview.coach.myWeek') }}
        minBodyHeight={panelBodyHeights.due}
      >
        {week.error ? <ErrorAlert error={week.error} /> : null}
        {week.isPending ? <Skeleton h={80} /> : null}
        {week.data ? (
          <Stack gap="xs">
            <Text size="sm">
              {t('overview.coach.dueSummary', {
                overdue: formatNumber(week.data.overdue.length),
                due: formatNumber(week.data.dueThisWeek.length),
              })}
            </Text>
            {due.length === 0 ? <Text c="dark.4">{t('overview.coach.nothingDue')}</Text> : null}
            {due.slice(0, dueShown).map((item) => (
              <Group key={`${item.sourceKind}-${item.sourceId}`} justify="space-between" wrap="nowrap" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={linkOf(item)} fw={600} size="sm">
                    {item.companyName}
                  </Anchor>
                  <Text size="xs" c="dark.5">
                    {t(`overview.coach.sources.${item.sourceKind}`)}
                  </Text>
                </div>
                <Text size="xs" c={item.dueState === 'overdue' ? 'red.8' : 'dark.6'} style={{ whiteSpace: 'nowrap' }}>
                  {formatIsoDate(item.dueOn)}
                </Text>
              </Group>
            ))}
          </Stack>
        ) : null}
      </PanelCard>
      <PanelCard
        id="overview-mine"
        title={t('overview.coach.mineTitle')}
        more={{ to: `/companies?coachId=${encodeURIComponent(userId)}`, text: t('overview.coach.allMine') }}
        minBodyHeight={panelBodyHeights.mine}
      >
        {mine.error ? <ErrorAlert error={mine.error} /> : null}
        {mine.isPending ? <Skeleton h={80} /> : null}
        {mine.data ? (
          <Stack gap="xs">
            <Text size="sm">{t('overview.coach.mineCount', { count: mine.data.total })}</Text>
            {mine.data.items.map((company) => (
              <Anchor key={company.id} component={Link} to={`/companies/${company.id}`} size="sm" fw={600}>
                {company.name}
              </Anchor>
            ))}
          </Stack>
        ) : null}
      </PanelCard>
      <PanelCard
        id="overview-latest"
        title={t('overview.coach.latestTitle')}
        more={{ to: '/companies?sort=updatedAt&order=desc', text: t('overview.coach.allLatest') }}
        minBodyHeight={panelBodyHeights.latest}
      >
        {latest.error ? <ErrorAlert error={latest.error} /> : null}
        {latest.isPending ? <Skeleton h={80} /> : null}
        {latest.data ? (
          <Stack gap="xs">
            {latest.data.items.length === 0 ? <Text c="dark.4">{t('overview.none')}</Text> : null}
            {latest.data.items.map((company) => (
              <Group key={company.id} justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/companies/${company.id}`} size="sm" fw={600} style={{ minWidth: 0 }}>
                  {company.name}
                </Anchor>
                <Text size="xs" c="dark.6" style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(company.updatedAt)}
                </Text>
              </Group>
            ))}
          </Stack>
        ) : null}
      </PanelCard>
    </SimpleGrid>
  );
}
