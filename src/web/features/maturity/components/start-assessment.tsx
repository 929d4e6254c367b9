import { Button, Card, Group, Select, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { maturityAreas, type MaturityArea } from '../../../../core/maturity-areas';
import type { MaturityResults } from '../../../../contracts/maturity';
import { ErrorAlert } from '../../../components/error-alert';
import { useStartAssessment } from '../api';

/** Starts a measurement of one area: a coach measurement, or the company's self-assessment. */
export function StartAssessment({ results }: { results: MaturityResults }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartAssessment(results.companyId);
  const [area, setArea] = useState<MaturityArea | null>(null);
  const isSelf = results.abilities.startsMode === 'self';
  const hasMeasured = (a: MaturityArea) =>
    results.assessments.some(
      (s) => s.area === a && s.status === 'submitted' && s.mode === results.abilities.startsMode,
    );
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="start-assessment">
      <Title order={2} id="start-assessment" mb="xs">
        {isSelf ? t('maturity.start.selfTitle') : t('maturity.start.title')}
      </Title>
      <Text size="sm" c="dark.4" mb="md">
        {isSelf ? t('maturity.start.selfHelp') : t('maturity.start.help')}
      </Text>
      <Group align="flex-end">
        <Select
          label={t('maturity.start.area')}
          placeholder={t('maturity.start.choose')}
          data={maturityAreas.map((a) => ({
            value: a,
            label: `${t(`areas.${a}`)} (${hasMeasured(a) ? t('maturity.kinds.follow_up') : t('maturity.kinds.baseline')})`,
          }))}
          value={area}
          onChange={(value) => setArea(value as MaturityArea | null)}
          w={340}
        />
        <Button
          leftSection={<IconPlayerPlay size={16} aria-hidden />}
          disabled={!area}
          loading={start.isPending}
          onClick={() => {
            if (!area) return;
            start.mutate({ area }, { onSuccess: (assessment) => void navigate(`/assessments/${assessment.id}`) });
          }}
        >
          {isSelf ? t('maturity.start.selfButton') : t('maturity.start.button')}
        </Button>
      </Group>
      {start.error ? <ErrorAlert error={start.error} /> : null}
    </Card>
  );
}
