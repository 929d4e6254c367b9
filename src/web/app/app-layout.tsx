import { AppShell, Avatar, Burger, Group, Menu, Progress, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { IconChevronDown, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate, useNavigation } from 'react-router';
import { useSignedInUser, useSetSignedInUser } from '../components/session';
import { LanguageSwitch } from '../components/language-switch';
import { useSignOut } from '../features/auth/api';
import { watchDialogFocus } from './dialog-focus';
import { MainNavigation } from './navigation';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

/** The frame of every signed-in page: header, navigation by abilities, and the main region. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [navbarOpened, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure(false);
  const navigation = useNavigation();
  const navigate = useNavigate();
  const setSignedInUser = useSetSignedInUser();
  const signOut = useSignOut();
  // The signed-in pages open dialogs; the sign-in page has none, so it does not carry this.
  useEffect(() => watchDialogFocus(), []);

  async function handleSignOut() {
    try {
      await signOut.mutateAsync();
    } finally {
      // Even if the request failed the user asked to leave: forget them here.
      setSignedInUser(null);
      void navigate('/login', { replace: true });
    }
  }

  return (
    <>
      {/* Only signed-in pages show notifications; keeping them here keeps the sign-in page light. */}
      <Notifications position="top-right" />
      <a className="skip-link" href="#main-content">
        {t('shell.skipToContent')}
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
        padding={{ base: 'md', sm: 'xl' }}
      >
        <AppShell.Header style={{ borderTop: '4px solid var(--mantine-color-brand-7)' }}>
          {navigation.state === 'loading' ? (
            <Progress value={100} animated size={3} radius={0} pos="absolute" top={0} left={0} right={0} aria-hidden />
          ) : null}
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navbarOpened}
                onClick={toggleNavbar}
                hiddenFrom="sm"
                size="sm"
                aria-label={navbarOpened ? t('shell.closeMenu') : t('shell.openMenu')}
                aria-expanded={navbarOpened}
                aria-controls="main-navigation"
              />
              <Text
                component={Link}
                to="/"
                fw={700}
                fz={{ base: 'md', sm: 'lg' }}
                c="brand.8"
                style={{ textDecoration: 'none', whiteSpace: 'nowrap' }}
              >
                {t('app.name')}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitch />
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  {/* The name first: a button's accessible name starts with the words it shows (WCAG 2.5.3). */}
                  <UnstyledButton
                    aria-label={t('shell.userMenu', { name: me.name })}
                    px="xs"
                    py={6}
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  >
                    <Group gap={8} wrap="nowrap">
                      <Avatar size={32} radius="xl" color="brand" aria-hidden>
                        {initials(me.name)}
                      </Avatar>
                      <Text size="sm" fw={500} visibleFrom="sm">
                        {me.name}
                      </Text>
                      <IconChevronDown size={16} aria-hidden />
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>
                    <Text size="sm" fw={600} c="dark.7">
                      {me.name}
                    </Text>
                    <Text size="xs" c="gray.7">
                      {me.email}
                    </Text>
                  </Menu.Label>
                  <Menu.Divider />
                  <Menu.Item
                    component={Link}
                    to="/account/security"
                    leftSection={<IconShieldLock size={16} aria-hidden />}
                  >
                    {t('auth.secondFactor.security')}
                  </Menu.Item>
                  <Menu.Item
                    leftSection={<IconLogout size={16} aria-hidden />}
                    onClick={() => void handleSignOut()}
                    disabled={signOut.isPending}
                  >
                    {t('shell.signOut')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar id="main-navigation" aria-label={t('shell.navigation')} p="sm">
          <MainNavigation abilities={me.abilities} onNavigate={closeNavbar} />
        </AppShell.Navbar>

        <AppShell.Main id="main-content" tabIndex={-1}>
          <div style={{ maxWidth: 1200, margin: '0 auto' }}>
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

export { preloadStartPage, StartPage } from './start-page';
