import { Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DimensionScore } from '../../../../core/maturity-scoring';
import type { AssessmentAnswer, MaturityModelContent } from '../../../../contracts/maturity';
import type { AnswersByQuestion } from '../answers';
import { useFormatScore, useLocalised } from './localised';
import { QuestionField } from './question-field';

type Dimension = MaturityModelContent['dimensions'][number];

type DimensionSectionProps = {
  dimension: Dimension;
  score: DimensionScore | undefined;
  answers: AnswersByQuestion;
  numberOf: Map<string, number>;
  isReadOnly: boolean;
  onChange: (questionKey: string, answer: Omit<AssessmentAnswer, 'questionKey'>) => void;
};

/** One dimension of the model: its live score, its description and its questions. */
export function DimensionSection({ dimension, score, answers, numberOf, isReadOnly, onChange }: DimensionSectionProps) {
  const { t } = useTranslation();
  const localised = useLocalised();
  const formatScore = useFormatScore();
  const headingId = `dimension-${dimension.key}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb={4}>
        <Title order={2} fz="h3" id={headingId}>
          {localised(dimension.name)}
        </Title>
        <Text size="sm" c="dark.5" aria-live="polite">
          {score?.score === null || !score
            ? t('maturity.form.dimensionNotScored')
            : t(score.isPartial ? 'maturity.form.dimensionPartial' : 'maturity.form.dimensionScore', {
                score: formatScore(score.score),
              })}
        </Text>
      </Group>
      <Text size="sm" c="dark.4" mb="xs">
        {localised(dimension.description)}
      </Text>
      {dimension.questions.map((question) => (
        <QuestionField
          key={question.key}
          question={question}
          number={numberOf.get(question.key) ?? 0}
          answer={answers[question.key]}
          isReadOnly={isReadOnly}
          onChange={onChange}
        />
      ))}
    </Card>
  );
}
