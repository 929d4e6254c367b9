import { Checkbox, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentAnswer, MaturityModelContent } from '../../../../contracts/maturity';
import { useLocalised } from './localised';

type Question = MaturityModelContent['dimensions'][number]['questions'][number];

type QuestionFieldProps = {
  question: Question;
  number: number;
  answer: AssessmentAnswer | undefined;
  isReadOnly: boolean;
  /** Stable from render to render, so that answering one question re-renders only that one. */
  onChange: (questionKey: string, answer: Omit<AssessmentAnswer, 'questionKey'>) => void;
};

/**
 * One question: its five options as cards with the level text, "not applicable", and a comment.
 * Memoised: a form holds some thirty questions of seven controls each, and re-rendering them all
 * on every answer made a click respond in about 300 ms on Lighthouse's mobile CPU (issue 17: INP).
 */
export const QuestionField = memo(function QuestionField({
  question,
  number,
  answer,
  isReadOnly,
  onChange,
}: QuestionFieldProps) {
  const { t } = useTranslation();
  const localised = useLocalised();
  const [comment, setComment] = useState(answer?.comment ?? '');
  const level = answer?.level ?? null;
  const isNotApplicable = answer?.isNotApplicable ?? false;
  const labelId = `question-${question.key}`;
  return (
    <Stack gap="xs" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Text fw={600} id={labelId}>
        {`${number}. ${localised(question.text)}`}
      </Text>
      <Text size="sm" c="dark.4">
        {localised(question.guidance)}
      </Text>
      <Radio.Group
        value={level === null ? '' : String(level)}
        onChange={(value) =>
          onChange(question.key, { level: Number(value), isNotApplicable: false, comment: comment || null })
        }
        aria-labelledby={labelId}
        readOnly={isReadOnly}
      >
        <Stack gap={6}>
          {question.options.map((option) => (
            <Radio.Card
              key={option.level}
              value={String(option.level)}
              disabled={isReadOnly || isNotApplicable}
              radius="sm"
              p="xs"
              style={{
                borderColor: level === option.level ? 'var(--mantine-color-brand-6)' : undefined,
                background: level === option.level ? 'var(--mantine-color-brand-0)' : undefined,
              }}
            >
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator />
                <Text size="sm">
                  <Text span fw={700} size="sm">
                    {t('maturity.form.level', { level: option.level })}
                  </Text>{' '}
                  {localised(option.text)}
                </Text>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Checkbox
          label={t('maturity.form.notApplicable')}
          checked={isNotApplicable}
          disabled={isReadOnly}
          onChange={(event) =>
            onChange(question.key, {
              level: null,
              isNotApplicable: event.currentTarget.checked,
              comment: comment || null,
            })
          }
        />
        <Textarea
          label={t('maturity.form.comment')}
          value={comment}
          readOnly={isReadOnly}
          onChange={(event) => setComment(event.currentTarget.value)}
          onBlur={() => {
            if ((answer?.comment ?? '') !== comment)
              onChange(question.key, { level, isNotApplicable, comment: comment || null });
          }}
          autosize
          minRows={1}
          maxLength={2000}
          style={{ flex: 1, minWidth: 260 }}
        />
      </Group>
    </Stack>
  );
});
