import { Card, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconApi,
  IconArrowRight,
  IconArrowsExchange,
  IconBuildingPlus,
  IconBuildingCommunity,
  IconBuildingFactory2,
  IconMail,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ability } from '../../../../core/access';
import { PageHeader } from '../../../components/page-header';
import { useSignedInUser } from '../../../components/session';
import { ErrorAlert } from '../../../components/error-alert';
import { formatIsoDate } from '../../../components/format';
import { ToneBadge } from '../../../components/tone-badge';
import { useSearchParamsState } from '../../../components/search-params-state';
import { useDashboard } from '../api';
import { CoachPanel } from '../components/coach-panel';
import { DashboardFilters } from '../components/dashboard-filters';
import { DashboardView } from '../components/dashboard-view';
import { parseDashboardParams, toDashboardParams } from '../dashboard-params';

type ShortcutKey = 'companies' | 'registerCompany' | 'handovers' | 'users' | 'organisations' | 'outbox' | 'apiDocs';
type Shortcut = { key: ShortcutKey; to: string; ability: Ability; icon: Icon; isExternal?: boolean };

// What the user can do from here; later issues add their own cards. Abilities decide, never roles.
const shortcuts: readonly Shortcut[] = [
  { key: 'companies', to: '/companies', ability: 'viewCompanies', icon: IconBuildingFactory2 },
  { key: 'registerCompany', to: '/companies/new', ability: 'registerCompanies', icon: IconBuildingPlus },
  { key: 'handovers', to: '/handovers', ability: 'viewHandovers', icon: IconArrowsExchange },
  { key: 'users', to: '/users', ability: 'viewUsers', icon: IconUsers },
  { key: 'organisations', to: '/admin/organisations', ability: 'manageOrganisations', icon: IconBuildingCommunity },
  { key: 'outbox', to: '/admin/outbox', ability: 'viewOutbox', icon: IconMail },
  { key: 'apiDocs', to: '/api/docs', ability: 'viewApiDocs', icon: IconApi, isExternal: true },
];

const cardLinkStyle = { textDecoration: 'none', color: 'inherit' } as const;

/** The start page: the programme dashboard for those who may see it (project management the
 * programme, an industry developer their organisation, with what is due and their companies);
 * for a company user, who they are in the programme and where they can go. */
export function OverviewPage() {
  const me = useSignedInUser();
  return me.abilities.viewFunderReports ? <DashboardOverview /> : <AccountOverview />;
}

function DashboardOverview() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [query, changeQuery] = useSearchParamsState(parseDashboardParams, toDashboardParams);
  const dashboard = useDashboard(query);
  const d = dashboard.data;
  const scopeName = d?.organisation?.name ?? (me.organisationName || null);
  return (
    <>
      <PageHeader
        title={t('overview.greeting', { name: me.name })}
        documentTitle={t('overview.title')}
        description={t('overview.dashboardHint')}
      />
      <Stack gap="lg">
        {me.organisationId && me.abilities.viewMyWeek ? <CoachPanel userId={me.id} /> : null}
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          <DashboardFilters
            query={query}
            period={d?.period}
            canChooseOrganisation={me.abilities.viewProgrammeFunderReports}
            onChange={changeQuery}
          />
        </Paper>
        {dashboard.error ? <ErrorAlert error={dashboard.error} /> : null}
        {dashboard.isPending ? <Skeleton h={320} /> : null}
        {d ? (
          <Stack gap="lg">
            {/* Here rather than in the header: it is known once the figures are, and a header that
                changed its length then moved the whole page (CLS). */}
            <Text size="sm" c="dark.6">
              {t(d.organisation ? 'overview.dashboardIntroOrganisation' : 'overview.dashboardIntro', {
                organisation: scopeName ?? '',
                from: formatIsoDate(d.period.from),
                to: formatIsoDate(d.period.to),
              })}
            </Text>
            <DashboardView dashboard={d} />
          </Stack>
        ) : null}
      </Stack>
    </>
  );
}

function AccountOverview() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const affiliation = me.companyName ?? me.organisationName;
  const visible = shortcuts.filter((shortcut) => me.abilities[shortcut.ability]);

  return (
    <>
      <PageHeader
        title={t('overview.greeting', { name: me.name })}
        documentTitle={t('overview.title')}
        description={t('overview.intro')}
      />
      <Stack gap="xl">
        <Card withBorder padding="lg" aria-labelledby="overview-account">
          <Title order={2} id="overview-account" mb="sm">
            {t('overview.account.title')}
          </Title>
          <Group gap="xl" wrap="wrap">
            <Stack gap={2}>
              <Text size="sm" c="gray.7">
                {t('overview.account.role')}
              </Text>
              <div>
                <ToneBadge tone="info">{t(`roles.${me.role}`)}</ToneBadge>
              </div>
            </Stack>
            {affiliation ? (
              <Stack gap={2}>
                <Text size="sm" c="gray.7">
                  {me.companyName ? t('overview.account.company') : t('overview.account.organisation')}
                </Text>
                <Text fw={600}>{affiliation}</Text>
              </Stack>
            ) : null}
            <Stack gap={2}>
              <Text size="sm" c="gray.7">
                {t('overview.account.email')}
              </Text>
              <Text fw={600}>{me.email}</Text>
            </Stack>
          </Group>
        </Card>

        {visible.length > 0 ? (
          <section aria-labelledby="overview-shortcuts">
            <Title order={2} id="overview-shortcuts" mb="md">
              {t('overview.shortcuts.title')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {visible.map((shortcut) => {
                const ShortcutIcon = shortcut.icon;
                const content = (
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Group gap="md" align="flex-start" wrap="nowrap">
                      <ThemeIcon variant="light" size={44} radius="md" style={{ flexShrink: 0 }}>
                        <ShortcutIcon size={24} stroke={1.6} aria-hidden />
                      </ThemeIcon>
                      <Stack gap={4}>
                        <Text fw={650} c="brand.8">
                          {t(`overview.shortcuts.${shortcut.key}.title`)}
                        </Text>
                        <Text size="sm" c="dark.4">
                          {t(`overview.shortcuts.${shortcut.key}.text`)}
                        </Text>
                      </Stack>
                    </Group>
                    <IconArrowRight
                      size={20}
                      aria-hidden
                      color="var(--mantine-color-brand-7)"
                      style={{ flexShrink: 0 }}
                    />
                  </Group>
                );
                return shortcut.isExternal ? (
                  <Card
                    key={shortcut.key}
                    withBorder
                    padding="lg"
                    component="a"
                    href={shortcut.to}
                    style={cardLinkStyle}
                  >
                    {content}
                  </Card>
                ) : (
                  <Card
                    key={shortcut.key}
                    withBorder
                    padding="lg"
                    component={Link}
                    to={shortcut.to}
                    style={cardLinkStyle}
                  >
                    {content}
                  </Card>
                );
              })}
            </SimpleGrid>
          </section>
        ) : null}
      </Stack>
    </>
  );
}
