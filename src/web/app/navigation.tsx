import { NavLink, Stack } from '@mantine/core';
import {
  IconApi,
  IconArrowsExchange,
  IconBuildingFactory2,
  IconChartBar,
  IconReportAnalytics,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconCalendarWeek,
  IconClockHour4,
  IconCoins,
  IconHome,
  IconLeaf,
  IconMail,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Ability } from '../../core/access';

// The navigation follows the abilities the server sends with the user (docs/architecture.md: the web never
// re-derives an access rule from the role).

export type NavItemKey =
  | 'overview'
  | 'myWeek'
  | 'companies'
  | 'activities'
  | 'timeReport'
  | 'actionTotals'
  | 'reports'
  | 'handovers'
  | 'users'
  | 'organisations'
  | 'factorSets'
  | 'stateAid'
  | 'outbox'
  | 'apiDocs';

export type NavItem = {
  key: NavItemKey;
  to: string;
  /** null: everyone who is signed in. */
  ability: Ability | null;
  icon: Icon;
  /** Served by the server, not a route of this app. */
  isExternal?: boolean;
};

export const navItems: readonly NavItem[] = [
  { key: 'overview', to: '/', ability: null, icon: IconHome },
  { key: 'myWeek', to: '/my-week', ability: 'viewMyWeek', icon: IconCalendarWeek },
  { key: 'companies', to: '/companies', ability: 'viewCompanies', icon: IconBuildingFactory2 },
  { key: 'activities', to: '/activities', ability: 'viewActivities', icon: IconCalendarEvent },
  { key: 'timeReport', to: '/time-report', ability: 'viewTimeReport', icon: IconClockHour4 },
  { key: 'actionTotals', to: '/action-totals', ability: 'viewProgrammeActionTotals', icon: IconChartBar },
  { key: 'reports', to: '/reports', ability: 'viewFunderReports', icon: IconReportAnalytics },
  { key: 'handovers', to: '/handovers', ability: 'viewHandovers', icon: IconArrowsExchange },
  { key: 'users', to: '/users', ability: 'viewUsers', icon: IconUsers },
  { key: 'organisations', to: '/admin/organisations', ability: 'manageOrganisations', icon: IconBuildingCommunity },
  { key: 'factorSets', to: '/admin/emission-factor-sets', ability: 'manageEmissionFactorSets', icon: IconLeaf },
  { key: 'stateAid', to: '/admin/state-aid', ability: 'manageStateAidRates', icon: IconCoins },
  { key: 'outbox', to: '/admin/outbox', ability: 'viewOutbox', icon: IconMail },
  { key: 'apiDocs', to: '/api/docs', ability: 'viewApiDocs', icon: IconApi, isExternal: true },
];

/** The items an actor with these abilities sees, in menu order. */
export function visibleNavItems(abilities: Record<Ability, boolean>): NavItem[] {
  return navItems.filter((item) => item.ability === null || abilities[item.ability]);
}

function isActive(item: NavItem, pathname: string): boolean {
  if (item.isExternal) return false;
  if (item.to === '/') return pathname === '/';
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

type MainNavigationProps = {
  abilities: Record<Ability, boolean>;
  onNavigate?: () => void;
};

/** The list of links in the navbar; the <nav> landmark around it is the shell's. */
export function MainNavigation({ abilities, onNavigate }: MainNavigationProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack gap={4}>
      {visibleNavItems(abilities).map((item) => {
        const ItemIcon = item.icon;
        const active = isActive(item, pathname);
        const common = {
          label: t(`nav.${item.key}`),
          leftSection: <ItemIcon size={20} stroke={1.6} aria-hidden />,
          active,
          variant: 'light' as const,
          fw: active ? 600 : 500,
          style: { borderRadius: 'var(--mantine-radius-sm)' },
        };
        return item.isExternal ? (
          <NavLink key={item.key} component="a" href={item.to} {...common} />
        ) : (
          <NavLink
            key={item.key}
            component={Link}
            to={item.to}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
            {...common}
          />
        );
      })}
    </Stack>
  );
}
