import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';

/** The public pages' frame (decisions 045, 046): the name, the language switch, the way to sign in. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" style={{ borderTop: '4px solid var(--mantine-color-brand-7)' }}>
      <Container component="header" size="md" px="md" py="sm">
        <Group justify="space-between">
          <Anchor component={Link} to="/programmet" fw={700} c="brand.8" underline="never">
            {t('app.name')}
          </Anchor>
          <Group gap="xs">
            <LanguageSwitch />
            <Button component={Link} to="/login" variant="light">
              {t('programme.signIn')}
            </Button>
          </Group>
        </Group>
      </Container>
      {/* At least a screen high, so that the footer starts below the fold and does not move in
          view when a list arrives (layout shift, issue 17). */}
      <Box component="main" id="main-content" mih="calc(100vh - 4rem)">
        {children}
      </Box>
      <Box component="footer" px="md" py="lg" bg="gray.0">
        <Group gap="md" justify="center">
          <Text size="sm" c="dark.4" ta="center" maw={640}>
            {t('app.partners')}
          </Text>
        </Group>
        <Group gap="md" justify="center" mt={4}>
          <Anchor component={Link} to="/programmet" size="sm">
            {t('programme.title')}
          </Anchor>
          <Anchor component={Link} to="/programmet/aktiviteter" size="sm">
            {t('programme.activities.title')}
          </Anchor>
          <Anchor component={Link} to="/login" size="sm">
            {t('programme.signIn')}
          </Anchor>
        </Group>
      </Box>
    </Box>
  );
}
