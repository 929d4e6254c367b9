import { useState } from 'react';
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
  const save = useSaveAnswer(assessment.id);

  const change = (questionKey: string, answer: Omit<AssessmentAnswer, 'questionKey'>) => {
    setAnswers((current) => ({ ...current, [questionKey]: { questionKey, ...answer } }));
    setSaveState('saving');
    save.mutate(
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
  };

  return { answers, change, saveState, saveError };
}
