import { Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AreaScore } from '../../../../core/maturity-scoring';
import type { MaturityModelContent } from '../../../../contracts/maturity';
import { useFormatScore, useLocalised } from './localised';

type LiveScoreProps = { model: MaturityModelContent; result: AreaScore; done: number };

/** How far the measurement has come and the step its answers reach so far. */
export function LiveScore({ model, result, done }: LiveScoreProps) {
  const { t } = useTranslation();
  const localised = useLocalised();
  const formatScore = useFormatScore();
  const stepName = model.steps.find((s) => s.step === result.step)?.name;
  return (
    <>
      <Text fw={700}>{t('maturity.form.progress', { done, total: result.total })}</Text>
      <Progress value={result.total ? (done / result.total) * 100 : 0} aria-label={t('maturity.form.progressLabel')} />
      <div aria-live="polite">
        <Text size="sm" c="dark.5">
          {t('maturity.form.liveScore')}
        </Text>
        <Text fz={28} fw={700} c="brand.8">
          {result.step ? t('maturity.form.step', { step: result.step }) : '–'}
        </Text>
        <Text size="sm">
          {stepName ? localised(stepName) : t('maturity.form.noScoreYet')}
          {result.score !== null ? ` · ${t('maturity.form.points', { score: formatScore(result.score) })}` : ''}
        </Text>
        {result.isPartial && result.score !== null ? (
          <Text size="xs" c="orange.9">
            {t('maturity.form.partial')}
          </Text>
        ) : null}
      </div>
    </>
  );
}
