import { Box, Button, Container, Group, List, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { areas } from '../../../../core/areas';
import { ErrorAlert } from '../../../components/error-alert';
import { usePageTitle } from '../../../components/use-page-title';
import { useProgramme } from '../api';
import { InterestForm } from '../components/interest-form';
import { PublicShell } from '../components/public-shell';

/** A part of the page, its heading naming it for assistive technology. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="md">
      <Title order={2} id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

const gets = ['events', 'analyses', 'measurements', 'actionPlans', 'coaching'] as const;

/**
 * The public programme page (decision 045), for anyone without signing in: what the programme
 * offers, what a company gets and what it costs, who covers which municipality, and the interest
 * form. The signed-in app stays at / and the sign-in page at /login.
 */
export function ProgrammePage() {
  const { t } = useTranslation();
  usePageTitle(t('programme.title'));
  const programme = useProgramme();
  const municipalities = (programme.data?.organisations ?? [])
    .flatMap((o) => o.municipalities)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  return (
    <PublicShell>
      <Box
        py={{ base: 32, sm: 56 }}
        style={{
          background: 'linear-gradient(180deg, var(--mantine-color-brand-0) 0%, var(--mantine-color-gray-0) 100%)',
        }}
      >
        <Container size="md" px="md">
          <Stack gap="md">
            <Title order={1} fz={{ base: 28, sm: 38 }} c="brand.9" lh={1.2}>
              {t('programme.hero.heading')}
            </Title>
            <Text fz="lg" c="dark.6">
              {t('programme.hero.text')}
            </Text>
            <Group gap="sm">
              <Button component="a" href="#intresse" size="md">
                {t('programme.hero.cta')}
              </Button>
              <Button component={Link} to="/programmet/aktiviteter" size="md" variant="white">
                {t('programme.hero.activities')}
              </Button>
            </Group>
          </Stack>
        </Container>
      </Box>

      <Container size="md" px="md" py="xl">
        <Stack gap={48}>
          <Section id="offer" title={t('programme.offer.heading')}>
            <Text>{t('programme.offer.intro')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {areas.map((area) => (
                <Paper key={area} withBorder p="md" radius="md">
                  <Title order={3} fz="lg" c="brand.8" mb={4}>
                    {t(`areas.${area}`)}
                  </Title>
                  <Text size="sm">{t(`programme.offer.${area}`)}</Text>
                </Paper>
              ))}
            </SimpleGrid>
          </Section>

          <Section id="gets" title={t('programme.gets.heading')}>
            <List spacing="xs">
              {gets.map((item) => (
                <List.Item key={item}>{t(`programme.gets.${item}`)}</List.Item>
              ))}
            </List>
          </Section>

          <Section id="cost" title={t('programme.cost.heading')}>
            <Text fw={700} fz="lg">
              {t('programme.cost.free')}
            </Text>
            <Text>{t('programme.cost.text')}</Text>
          </Section>

          <Section id="partners" title={t('programme.partners.heading')}>
            <Text>{t('programme.partners.intro')}</Text>
            {programme.error ? <ErrorAlert error={programme.error} /> : null}
            {programme.isPending ? <Loader aria-label={t('common.loading')} /> : null}
            {programme.data ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {programme.data.organisations.map((organisation) => (
                  <Paper key={organisation.id} withBorder p="md" radius="md">
                    <Title order={3} fz="lg" mb={2}>
                      {organisation.name}
                    </Title>
                    <Text size="sm" c="dark.4" mb="xs">
                      {t('programme.partners.count', { count: organisation.municipalities.length })}
                    </Text>
                    <Text size="sm">{organisation.municipalities.map((m) => m.name).join(', ')}</Text>
                  </Paper>
                ))}
              </SimpleGrid>
            ) : null}
          </Section>

          <Section id="intresse" title={t('programme.form.heading')}>
            <Text>{t('programme.form.intro')}</Text>
            <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" pos="relative">
              <InterestForm municipalities={municipalities} />
            </Paper>
          </Section>
        </Stack>
      </Container>
    </PublicShell>
  );
}
