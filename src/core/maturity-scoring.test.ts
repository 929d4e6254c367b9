import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dimensionChanges,
  isPeerGroupShown,
  scoreAssessment,
  stepOfScore,
  unansweredQuestions,
  type Answer,
  type Level,
  type ScoringModel,
} from './maturity-scoring';

// A small model: three dimensions of two, three and one questions.
const model: ScoringModel = {
  dimensions: [
    { key: 'a', questions: [{ key: 'a1' }, { key: 'a2' }] },
    { key: 'b', questions: [{ key: 'b1' }, { key: 'b2' }, { key: 'b3' }] },
    { key: 'c', questions: [{ key: 'c1' }] },
  ],
};
const questionKeys = model.dimensions.flatMap((d) => d.questions.map((q) => q.key));
const level = (l: Level): Answer => ({ level: l, isNotApplicable: false });
const na: Answer = { level: null, isNotApplicable: true };
const all = (l: Level) => Object.fromEntries(questionKeys.map((k) => [k, level(l)]));

describe('stepOfScore', () => {
  const cases: [number, number][] = [
    [0, 1],
    [19.9, 1],
    [20, 2],
    [39.9, 2],
    [40, 3],
    [59.9, 3],
    [60, 4],
    [79.9, 4],
    [80, 5],
    [100, 5],
  ];
  it.each(cases)('a score of %d reaches step %d', (score, step) => {
    expect(stepOfScore(score)).toBe(step);
  });
});

describe('scoreAssessment', () => {
  const cases: {
    sentence: string;
    answers: Record<string, Answer>;
    dimensions: (number | null)[];
    score: number | null;
    step: number | null;
    isPartial: boolean;
  }[] = [
    {
      sentence: 'no answers give no score and no step, shown as partial (never as zero)',
      answers: {},
      dimensions: [null, null, null],
      score: null,
      step: null,
      isPartial: true,
    },
    {
      sentence: 'all level 1 answers give 0 points and the lowest step',
      answers: all(1),
      dimensions: [0, 0, 0],
      score: 0,
      step: 1,
      isPartial: false,
    },
    {
      sentence: 'all level 5 answers give 100 points and the highest step',
      answers: all(5),
      dimensions: [100, 100, 100],
      score: 100,
      step: 5,
      isPartial: false,
    },
    {
      sentence: 'level 3 is worth 50 points: step 3',
      answers: all(3),
      dimensions: [50, 50, 50],
      score: 50,
      step: 3,
      isPartial: false,
    },
    {
      sentence: 'a dimension is the mean of its answered questions',
      answers: { ...all(1), a1: level(5), a2: level(3) },
      dimensions: [75, 0, 0],
      score: 25,
      step: 2,
      isPartial: false,
    },
    {
      sentence: '"not applicable" leaves the question out of the mean',
      answers: { ...all(4), a1: na },
      dimensions: [75, 75, 75],
      score: 75,
      step: 4,
      isPartial: false,
    },
    {
      sentence: 'a dimension with every question not applicable is not scored and not partial',
      answers: { ...all(5), c1: na },
      dimensions: [100, 100, null],
      score: 100,
      step: 5,
      isPartial: false,
    },
    {
      sentence: 'an unanswered question makes the result partial; the answered ones still count',
      answers: { a1: level(5) },
      dimensions: [100, null, null],
      score: 100,
      step: 5,
      isPartial: true,
    },
    {
      sentence: 'a high mean cannot skip a rung: the weakest dimension at step 1 caps the area at step 2',
      answers: { a1: level(5), a2: level(5), b1: level(5), b2: level(5), b3: level(5), c1: level(1) },
      dimensions: [100, 100, 0],
      score: 66.7,
      step: 2,
      isPartial: false,
    },
    {
      sentence: 'the weakest dimension at step 3 lets the area reach step 4',
      answers: { ...all(5), c1: level(3) },
      dimensions: [100, 100, 50],
      score: 83.3,
      step: 4,
      isPartial: false,
    },
    {
      sentence: 'answers to questions the model does not have are ignored',
      answers: { ...all(2), removed_question: level(5) },
      dimensions: [25, 25, 25],
      score: 25,
      step: 2,
      isPartial: false,
    },
  ];
  it.each(cases)('$sentence', ({ answers, dimensions, score, step, isPartial }) => {
    const result = scoreAssessment(model, answers);
    expect(result.dimensions.map((d) => d.score)).toEqual(dimensions);
    expect(result.score).toBe(score);
    expect(result.step).toBe(step);
    expect(result.isPartial).toBe(isPartial);
    expect(result.total).toBe(6);
  });

  it('counts answered and applicable questions per dimension for the progress shown', () => {
    const result = scoreAssessment(model, { a1: level(2), b1: na, b2: level(4) });
    expect(result.dimensions.map((d) => [d.answered, d.applicable, d.isPartial])).toEqual([
      [1, 2, true],
      [1, 2, true],
      [0, 1, true],
    ]);
    expect([result.answered, result.applicable, result.total]).toEqual([2, 5, 6]);
  });
});

const answerArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Answer | undefined>(undefined) },
  { weight: 1, arbitrary: fc.constant<Answer | undefined>(na) },
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 5 }).map((l) => level(l as Level) as Answer | undefined) },
);
const answersArb = fc.tuple(...questionKeys.map(() => answerArb)).map((values) => {
  const answers: Record<string, Answer> = {};
  values.forEach((value, i) => {
    if (value) answers[questionKeys[i]!] = value;
  });
  return answers;
});

describe('scoring properties', () => {
  it('raising one answer never lowers a dimension score, the area score or the step', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...questionKeys), (answers, key) => {
        const answer = answers[key];
        fc.pre(answer?.level !== undefined && answer.level !== null && answer.level < 5);
        const raised = { ...answers, [key]: level((answer!.level! + 1) as Level) };
        const before = scoreAssessment(model, answers);
        const after = scoreAssessment(model, raised);
        before.dimensions.forEach((d, i) => {
          if (d.score !== null) expect(after.dimensions[i]!.score).toBeGreaterThanOrEqual(d.score);
        });
        expect(after.score!).toBeGreaterThanOrEqual(before.score!);
        expect(after.step!).toBeGreaterThanOrEqual(before.step!);
      }),
      { numRuns: 500 },
    );
  });

  it('all lowest answers give the lowest step and all highest the highest, whatever is not applicable', () => {
    fc.assert(
      fc.property(fc.subarray(questionKeys, { maxLength: questionKeys.length - 1 }), (notApplicable) => {
        const withNa = (l: Level) => ({ ...all(l), ...Object.fromEntries(notApplicable.map((k) => [k, na])) });
        expect(scoreAssessment(model, withNa(1)).step).toBe(1);
        expect(scoreAssessment(model, withNa(5)).step).toBe(5);
      }),
    );
  });

  it('scores stay within 0–100 and a step within 1–5', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const result = scoreAssessment(model, answers);
        for (const d of result.dimensions) if (d.score !== null) expect(d.score).toBeGreaterThanOrEqual(0);
        if (result.score !== null) expect(result.score).toBeLessThanOrEqual(100);
        if (result.step !== null) expect([1, 2, 3, 4, 5]).toContain(result.step);
      }),
    );
  });
});

describe('unansweredQuestions', () => {
  it('names the questions with neither a level nor "not applicable"', () => {
    expect(unansweredQuestions(model, { a1: level(3), b1: na })).toEqual(['a2', 'b2', 'b3', 'c1']);
    expect(unansweredQuestions(model, all(2))).toEqual([]);
  });
});

describe('dimensionChanges', () => {
  it('compares only the dimensions both measurements scored (versions compare on what they share)', () => {
    expect(
      dimensionChanges(
        [
          { key: 'a', score: 25 },
          { key: 'old', score: 50 },
          { key: 'b', score: null },
        ],
        [
          { key: 'a', score: 62.5 },
          { key: 'b', score: 50 },
          { key: 'new', score: 75 },
        ],
      ),
    ).toEqual([{ key: 'a', from: 25, to: 62.5, change: 37.5 }]);
  });
});

describe('isPeerGroupShown', () => {
  it.each([
    [0, false],
    [4, false],
    [5, true],
    [30, true],
  ])('%d peers → shown: %s', (count, shown) => {
    expect(isPeerGroupShown(count)).toBe(shown);
  });
});
