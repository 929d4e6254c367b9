import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { IconCloudCheck, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AreaScore } from '../../../../core/maturity-scoring';
import type { Assessment } from '../../../../contracts/maturity';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDate, formatIsoDate } from '../../../components/format';
import { ConfirmSelfAssessment } from './confirm-self-assessment';
import { LiveScore } from './live-score';
import { SubmitAssessment } from './submit-assessment';
import type { SaveState } from './use-autosaved-answers';

type AssessmentSummaryProps = {
  assessment: Assessment;
  result: AreaScore;
  done: number;
  saveState: SaveState;
  saveError: unknown;
};

/** The measurement's side panel: progress and live score, whether answers are saved, and what comes next. */
export function AssessmentSummary({ assessment, result, done, saveState, saveError }: AssessmentSummaryProps) {
  const { t } = useTranslation();
  const isReadOnly = !assessment.abilities.canAnswer;
  return (
    <Card
      withBorder
      padding="lg"
      component="aside"
      aria-label={t('maturity.form.summary')}
      style={{ position: 'sticky', top: 16 }}
    >
      <Stack gap="sm">
        <LiveScore model={assessment.model.content} result={result} done={done} />
        {isReadOnly ? (
          <Group gap={6}>
            <IconLock size={16} aria-hidden />
            <Text size="sm">
              {assessment.submittedAt
                ? t('maturity.form.submittedOn', { date: formatDate(assessment.submittedAt) })
                : t('maturity.form.readOnly')}
            </Text>
          </Group>
        ) : (
          <Group gap={6} aria-live="polite" role="status">
            {saveState === 'saved' ? <IconCloudCheck size={16} aria-hidden /> : null}
            <Text size="sm" c={saveState === 'error' ? 'red.8' : 'dark.5'}>
              {t(`maturity.form.save.${saveState}`)}
            </Text>
          </Group>
        )}
        {saveError ? <ErrorAlert error={saveError} /> : null}
        {assessment.nextDueOn ? (
          <Text size="sm">{t('maturity.nextDue', { date: formatIsoDate(assessment.nextDueOn) })}</Text>
        ) : null}
        {assessment.abilities.canSubmit ? (
          <SubmitAssessment assessment={assessment} step={result.step} isComplete={done >= result.total} />
        ) : null}
        {assessment.abilities.canConfirm ? <ConfirmSelfAssessment assessment={assessment} /> : null}
        {assessment.mode === 'self' && assessment.confirmedByAssessmentId ? (
          <Anchor component={Link} to={`/assessments/${assessment.confirmedByAssessmentId}`} size="sm">
            {t('maturity.form.confirmedBy')}
          </Anchor>
        ) : null}
        {assessment.confirmsAssessmentId ? (
          <Anchor component={Link} to={`/assessments/${assessment.confirmsAssessmentId}`} size="sm">
            {t('maturity.form.confirms')}
          </Anchor>
        ) : null}
      </Stack>
    </Card>
  );
}
