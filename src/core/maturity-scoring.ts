// Scoring of a maturity measurement (docs/domain.md "Maturity references"; docs/decisions/013).
// One pure function turns answers into dimension scores, an area score and a step on the ladder;
// the server stores its result at submit and the web shows it live while the form is filled in.

/** A step on an area's ladder, 1 (lowest) to 5 (highest). */
export type Step = 1 | 2 | 3 | 4 | 5;
/** An answer option's level, 1 ("not started") to 5 ("leading practice"). */
export type Level = 1 | 2 | 3 | 4 | 5;

export const lowestStep: Step = 1;
export const highestStep: Step = 5;

/** The part of a model that scoring needs: its dimensions and their questions' keys. */
export type ScoringModel = {
  dimensions: readonly { key: string; questions: readonly { key: string }[] }[];
};

/** One question's answer: a level, or "not applicable" (which leaves the question out). */
export type Answer = { level: Level | null; isNotApplicable: boolean };

export type DimensionScore = {
  key: string;
  /** 0–100, or null when no applicable question is answered yet (never shown as 0). */
  score: number | null;
  answered: number;
  applicable: number;
  isPartial: boolean;
};

export type AreaScore = {
  dimensions: DimensionScore[];
  /** Mean of the scored dimensions, or null when none is scored. */
  score: number | null;
  step: Step | null;
  answered: number;
  applicable: number;
  total: number;
  isPartial: boolean;
};

/** Level L of 1..5 is worth (L−1)/4 × 100 points: level 1 ("not started") is 0, level 5 is 100. */
export function levelPoints(level: Level): number {
  return ((level - 1) / 4) * 100;
}

/** The step a score alone reaches: 0–19 → 1, 20–39 → 2, 40–59 → 3, 60–79 → 4, 80–100 → 5. */
export function stepOfScore(score: number): Step {
  return Math.min(5, Math.max(1, Math.floor(score / 20) + 1)) as Step;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Scores one measurement (decision 013): a dimension is the mean of its answered, applicable
 * questions; the area is the mean of its scored dimensions; the step is the score's band, capped at
 * one above the band of the weakest scored dimension, because a ladder cannot skip a rung. Answers
 * to questions the model does not have are ignored; unanswered questions make the result partial.
 */
export function scoreAssessment(model: ScoringModel, answers: Readonly<Record<string, Answer | undefined>>): AreaScore {
  const dimensions = model.dimensions.map((dimension): DimensionScore => {
    let applicable = 0;
    let answered = 0;
    let points = 0;
    for (const question of dimension.questions) {
      const answer = answers[question.key];
      if (answer?.isNotApplicable) continue;
      applicable += 1;
      if (answer?.level) {
        answered += 1;
        points += levelPoints(answer.level);
      }
    }
    return {
      key: dimension.key,
      score: answered > 0 ? round1(points / answered) : null,
      answered,
      applicable,
      isPartial: answered < applicable,
    };
  });
  const scored = dimensions.filter((d): d is DimensionScore & { score: number } => d.score !== null);
  const score = scored.length > 0 ? round1(scored.reduce((sum, d) => sum + d.score, 0) / scored.length) : null;
  const weakest = scored.length > 0 ? Math.min(...scored.map((d) => d.score)) : null;
  const step =
    score === null || weakest === null ? null : (Math.min(stepOfScore(score), stepOfScore(weakest) + 1) as Step);
  const answered = dimensions.reduce((sum, d) => sum + d.answered, 0);
  const applicable = dimensions.reduce((sum, d) => sum + d.applicable, 0);
  const total = model.dimensions.reduce((sum, d) => sum + d.questions.length, 0);
  return { dimensions, score, step, answered, applicable, total, isPartial: answered < applicable };
}

/** Questions that still need an answer or "not applicable" before a measurement can be submitted. */
export function unansweredQuestions(
  model: ScoringModel,
  answers: Readonly<Record<string, Answer | undefined>>,
): string[] {
  return model.dimensions.flatMap((d) =>
    d.questions.filter((q) => !answers[q.key]?.isNotApplicable && !answers[q.key]?.level).map((q) => q.key),
  );
}

export type DimensionChange = { key: string; from: number; to: number; change: number };

/** Change per dimension between two measurements; only dimensions both scored are compared, so
 * measurements made with different model versions compare on the dimensions they share. */
export function dimensionChanges(
  from: readonly { key: string; score: number | null }[],
  to: readonly { key: string; score: number | null }[],
): DimensionChange[] {
  const before = new Map(from.filter((d) => d.score !== null).map((d) => [d.key, d.score as number]));
  return to.flatMap((d) => {
    const earlier = before.get(d.key);
    return earlier === undefined || d.score === null
      ? []
      : [{ key: d.key, from: earlier, to: d.score, change: round1(d.score - earlier) }];
  });
}

/** Steps gained from one measurement to a later one (decision 013's ladder): positive when the company
 * climbed, 0 when it stayed, negative when it fell back; null when either has no step. */
export function stepChange(from: number | null, to: number | null): number | null {
  if (from === null || to === null) return null;
  return to - from;
}

/** A company climbed when its later measurement is at least one step above the earlier one (issue 12:
 * the result indicator and the impact view count the same way). */
export function hasClimbed(change: number | null): change is number {
  return change !== null && change >= 1;
}

/** Peers are shown only when at least this many exist, so no company can be recognised (docs/architecture.md). */
export const minimumPeers = 5;

/** True when a peer group is large enough to show its medians. */
export function isPeerGroupShown(peerCount: number): boolean {
  return peerCount >= minimumPeers;
}
