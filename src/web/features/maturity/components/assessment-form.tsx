import { Grid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Assessment } from '../../../../contracts/maturity';
import { answeredCount, liveScore, questionNumbers } from '../answers';
import { AssessmentSummary } from './assessment-summary';
import { DimensionSection } from './dimension-section';
import { useLocalised } from './localised';
import { useAutosavedAnswers } from './use-autosaved-answers';

/** A measurement's form: the questions by dimension beside a summary, answers saved as you go, scored live. */
export function AssessmentForm({ assessment }: { assessment: Assessment }) {
  const localised = useLocalised();
  const { answers, change, saveState, saveError } = useAutosavedAnswers(assessment);
  const isReadOnly = !assessment.abilities.canAnswer;
  const model = assessment.model.content;
  const result = useMemo(() => liveScore(model, answers), [answers, model]);
  const numberOf = useMemo(() => questionNumbers(model), [model]);
  const done = answeredCount(answers);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
        <Stack gap="lg">
          <Text c="dark.6" maw={760}>
            {localised(model.summary)}
          </Text>
          {model.dimensions.map((dimension) => (
            <DimensionSection
              key={dimension.key}
              dimension={dimension}
              score={result.dimensions.find((d) => d.key === dimension.key)}
              answers={answers}
              numberOf={numberOf}
              isReadOnly={isReadOnly}
              onChange={change}
            />
          ))}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
        <AssessmentSummary
          assessment={assessment}
          result={result}
          done={done}
          saveState={saveState}
          saveError={saveError}
        />
      </Grid.Col>
    </Grid>
  );
}
