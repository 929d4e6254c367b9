import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AreaResult } from '../../../../contracts/maturity';
import { useLocalised } from './localised';

const steps = [5, 4, 3, 2, 1] as const;

/** The foundation and the four focus areas side by side: the step each has reached. */
export function LadderCard({ areas }: { areas: AreaResult[] }) {
  const { t } = useTranslation();
  const localised = useLocalised();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="maturity-ladder">
      <Title order={2} id="maturity-ladder" mb="xs">
        {t('maturity.ladder.title')}
      </Title>
      <Text size="sm" c="dark.4" mb="md">
        {t('maturity.ladder.help')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="md">
        {areas.map((area) => {
          const reached = area.latest?.step ?? null;
          const stepName = area.stepNames.find((s) => s.step === reached)?.name;
          return (
            <Stack key={area.area} gap={6} aria-label={t(`areas.${area.area}`)} role="group">
              <Text fw={700} size="sm">
                {t(`areas.${area.area}`)}
              </Text>
              <Text size="sm" c={reached ? 'brand.8' : 'dark.4'} fw={reached ? 600 : 400}>
                {reached
                  ? t('maturity.ladder.step', { step: reached, name: stepName ? localised(stepName) : '' })
                  : t('maturity.ladder.notMeasured')}
              </Text>
              <Stack gap={3}>
                {steps.map((step) => {
                  const isReached = reached !== null && step <= reached;
                  return (
                    <Group
                      key={step}
                      gap={6}
                      px="xs"
                      py={4}
                      style={{
                        borderRadius: 4,
                        background: isReached ? 'var(--mantine-color-brand-6)' : 'var(--mantine-color-gray-1)',
                        color: isReached ? 'white' : 'var(--mantine-color-dark-6)',
                      }}
                    >
                      <Text size="xs" fw={600} inherit>
                        {step}
                      </Text>
                      <Text size="xs" inherit truncate>
                        {localised(area.stepNames.find((s) => s.step === step)?.name ?? { sv: '', en: '' })}
                      </Text>
                    </Group>
                  );
                })}
              </Stack>
              <Group gap={4}>
                {area.baseline && area.latest && area.baseline.assessmentId !== area.latest.assessmentId ? (
                  <Badge variant="light" color="gray" size="sm">
                    {t('maturity.ladder.fromBaseline', { step: area.baseline.step })}
                  </Badge>
                ) : null}
                {area.peers.isShown && area.peers.medianStep !== null ? (
                  <Badge variant="light" color="teal" size="sm">
                    {t('maturity.ladder.peerMedian', { step: area.peers.medianStep })}
                  </Badge>
                ) : null}
                {area.latestSelf ? (
                  <Badge variant="light" color="grape" size="sm">
                    {t('maturity.ladder.selfStep', { step: area.latestSelf.step })}
                  </Badge>
                ) : null}
              </Group>
            </Stack>
          );
        })}
      </SimpleGrid>
    </Card>
  );
}
