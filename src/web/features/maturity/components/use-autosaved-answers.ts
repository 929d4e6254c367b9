import { useCallback, useState } from 'react';
import type { Assessment, AssessmentAnswer } from '../../../../contracts/maturity';
import { useSaveAnswer } from '../api';
import { answersByQuestion, type AnswersByQuestion } from '../answers';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * A measurement's answers, each saved the moment it changes (there is no save button): the form
 * shows the change at once and says whether the server has it yet.
 */
export function useAutosavedAnswers(assessment: Assessment) {
  const [answers, setAnswers] = useState<AnswersByQuestion>(() => answersByQuestion(assessment.answers));
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [saveError, setSaveError] = useState<unknown>(null);
  const { mutate } = useSaveAnswer(assessment.id);

  // Stable (TanStack Query keeps `mutate` so), so that the memoised questions stay as they are.
  const change = useCallback(
    (questionKey: string, answer: Omit<AssessmentAnswer, 'questionKey'>) => {
      setAnswers((current) => ({ ...current, [questionKey]: { questionKey, ...answer } }));
      setSaveState('saving');
      mutate(
        { questionKey, level: answer.level, isNotApplicable: answer.isNotApplicable, comment: answer.comment },
        {
          onSuccess: () => {
            setSaveState('saved');
            setSaveError(null);
          },
          onError: (error) => {
            setSaveState('error');
            setSaveError(error);
          },
        },
      );
    },
    [mutate],
  );

  return { answers, change, saveState, saveError };
}
