import { describe, expect, it } from 'vitest';
import type { ScoringModel } from '../../../core/maturity-scoring';
import type { AssessmentAnswer } from '../../../contracts/maturity';
import { answeredCount, answersByQuestion, liveScore, questionNumbers } from './answers';

// Two dimensions of two and one questions.
const model: ScoringModel = {
  dimensions: [
    { key: 'a', questions: [{ key: 'a1' }, { key: 'a2' }] },
    { key: 'b', questions: [{ key: 'b1' }] },
  ],
};
const answer = (questionKey: string, level: number | null, isNotApplicable = false): AssessmentAnswer => ({
  questionKey,
  level,
  isNotApplicable,
  comment: null,
});

describe('a measurement form’s answers', () => {
  it('keeps the answers by question key', () => {
    expect(answersByQuestion([answer('a1', 3), answer('b1', null, true)])).toEqual({
      a1: answer('a1', 3),
      b1: answer('b1', null, true),
    });
  });

  it('counts a level and "not applicable" as answered, and a comment alone as not', () => {
    const answers = answersByQuestion([
      answer('a1', 2),
      answer('a2', null, true),
      { ...answer('b1', null), comment: 'Återkommer' },
    ]);
    expect(answeredCount(answers)).toBe(2);
  });

  it('scores the answers live as the core does: level 3 and level 5 make 75 points, step 4', () => {
    const result = liveScore(model, answersByQuestion([answer('a1', 3), answer('a2', 5), answer('b1', 4)]));
    expect(result.dimensions.map((d) => d.score)).toEqual([75, 75]);
    expect(result.score).toBe(75);
    expect(result.step).toBe(4);
    expect(result.isPartial).toBe(false);
  });

  it('leaves a "not applicable" question out of the score and an unanswered one makes it partial', () => {
    const result = liveScore(model, answersByQuestion([answer('a1', 5), answer('a2', null, true)]));
    expect(result.dimensions.map((d) => d.score)).toEqual([100, null]);
    expect(result.isPartial).toBe(true);
    expect(result.total).toBe(3);
  });

  it('numbers the questions through the whole model, not per dimension', () => {
    expect([...questionNumbers(model)]).toEqual([
      ['a1', 1],
      ['a2', 2],
      ['b1', 3],
    ]);
  });
});
