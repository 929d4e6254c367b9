import {
  scoreAssessment,
  type Answer,
  type AreaScore,
  type Level,
  type ScoringModel,
} from '../../../core/maturity-scoring';
import type { AssessmentAnswer } from '../../../contracts/maturity';

/** A measurement's answers as the form keeps them: by question key. */
export type AnswersByQuestion = Record<string, AssessmentAnswer>;

/** The answers the server sent, by question key. */
export function answersByQuestion(answers: readonly AssessmentAnswer[]): AnswersByQuestion {
  return Object.fromEntries(answers.map((answer) => [answer.questionKey, answer]));
}

/** The live score: the same core function the server scores with at submit (decision 013). */
export function liveScore(model: ScoringModel, answers: AnswersByQuestion): AreaScore {
  return scoreAssessment(
    model,
    Object.fromEntries(
      Object.values(answers).map((a): [string, Answer] => [
        a.questionKey,
        { level: a.level as Level | null, isNotApplicable: a.isNotApplicable },
      ]),
    ),
  );
}

/** How many questions are answered: a level or "not applicable", both of which let it be submitted. */
export function answeredCount(answers: AnswersByQuestion): number {
  return Object.values(answers).filter((a) => a.level !== null || a.isNotApplicable).length;
}

/** Each question's number as the form shows it: counted through the whole model, not per dimension. */
export function questionNumbers(model: ScoringModel): Map<string, number> {
  return new Map(model.dimensions.flatMap((d) => d.questions).map((question, index) => [question.key, index + 1]));
}
