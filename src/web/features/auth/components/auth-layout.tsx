import { Anchor, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import { usePageTitle } from '../../../components/use-page-title';

type AuthLayoutProps = {
  /** The page's own heading, e.g. "Logga in". */
  title: string;
  children: ReactNode;
};

/** The frame of the pages for visitors: a centred card with the programme's name and partners. */
export function AuthLayout({ title, children }: AuthLayoutProps) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Box
      mih="100vh"
      style={{
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(180deg, var(--mantine-color-brand-0) 0%, var(--mantine-color-gray-0) 60%)',
        borderTop: '4px solid var(--mantine-color-brand-7)',
      }}
    >
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Anchor component={Link} to="/login" fw={700} c="brand.8" underline="never">
            {t('app.name')}
          </Anchor>
          <LanguageSwitch />
        </Group>
      </Box>
      <Box component="main" id="main-content" px="md" py={{ base: 'lg', sm: 48 }} style={{ flex: 1 }}>
        <Stack align="center" gap="lg">
          <Stack gap={6} align="center" maw={460} ta="center">
            <Text fw={700} fz={{ base: 26, sm: 30 }} c="brand.8" lh={1.2}>
              {t('app.name')}
            </Text>
            <Text c="dark.4">{t('app.tagline')}</Text>
          </Stack>
          <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 32 }} w="100%" maw={440}>
            <Stack gap="lg">
              <Title order={1} fz={24} c="dark.8">
                {title}
              </Title>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Box>
      <Box component="footer" px="md" py="lg">
        <Text size="sm" c="dark.4" ta="center" maw={640} mx="auto">
          {t('app.partners')}
        </Text>
      </Box>
    </Box>
  );
}
