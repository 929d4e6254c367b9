// Suggested actions after a measurement (issue 5, item 2): the catalogue's measures for the
// weakest dimensions first, then the other measures for the area's next step, each with the reason
// the UI shows ("dimension X is at step 2"). The coach adopts, edits or dismisses them; adopted and
// dismissed keys come back in `excludeKeys` so a suggestion is made once.

import type { MaturityArea } from './maturity-areas';

/** The part of a catalogue entry the suggestion needs (content/action-catalogue/). */
export type SuggestableAction = {
  key: string;
  area: MaturityArea;
  /** The current steps (1–5) the measure fits: a company at one of them is ready for it. */
  forSteps: readonly number[];
  /** The maturity model's dimensions the measure lifts. */
  dimensionKeys: readonly string[];
};

/** A scored measurement as the maturity scoring gives it; a dimension's step is optional (its score's band). */
export type ScoredMeasurement = {
  area: MaturityArea;
  step: number | null;
  dimensions: readonly { key: string; score: number | null; step?: number | null }[];
};

export type SuggestionReason =
  | { kind: 'weak_dimension'; dimensionKey: string; score: number; dimensionStep: number | null; targetStep: number }
  | { kind: 'next_step'; step: number; targetStep: number };

export type ActionSuggestion<T extends SuggestableAction> = { action: T; reason: SuggestionReason };

export type SuggestionOptions = {
  /** Catalogue keys already adopted into the plan or dismissed for this company. */
  excludeKeys?: Iterable<string>;
  /** At most this many suggestions (default 5). */
  limit?: number;
  /** How many of the lowest-scored dimensions get their own suggestions (default 3). */
  weakestDimensions?: number;
};

export const defaultSuggestionLimit = 5;
const topStep = 5;

const targetOf = (step: number) => Math.min(step + 1, topStep);

/**
 * Suggestions for a measurement (issue 5, item 2). The weakest dimensions are the lowest scored
 * (ties by key; unscored and full-score dimensions are not weak); their measures come first, taken
 * in turn one per dimension so that the weakest three all get one before any gets two. A measure
 * fits when its forSteps holds the dimension's step, or the area's step when the dimension has
 * none. Then come the remaining measures for the area's step. Within a dimension, the catalogue's
 * order (its editors' priority) decides. Same input, same list.
 */
export function suggestActions<T extends SuggestableAction>(
  measurement: ScoredMeasurement,
  catalogue: readonly T[],
  options: SuggestionOptions = {},
): ActionSuggestion<T>[] {
  const limit = options.limit ?? defaultSuggestionLimit;
  const excluded = new Set(options.excludeKeys ?? []);
  const candidates = catalogue.filter((action) => action.area === measurement.area && !excluded.has(action.key));
  const chosen = new Set<string>();
  const suggestions: ActionSuggestion<T>[] = [];

  const weakest = measurement.dimensions
    .filter((dimension): dimension is typeof dimension & { score: number } => dimension.score !== null)
    .filter((dimension) => dimension.score < 100)
    .sort((a, b) => a.score - b.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, options.weakestDimensions ?? 3);

  const queues = weakest.map((dimension) => {
    const step = dimension.step ?? measurement.step;
    const fitting =
      step === null
        ? []
        : candidates.filter((action) => action.dimensionKeys.includes(dimension.key) && action.forSteps.includes(step));
    return { dimension, step: step ?? 0, fitting, next: 0 };
  });

  // Round by round, each weak dimension takes its next measure not already taken by a weaker one.
  for (let isAdding = true; isAdding;) {
    isAdding = false;
    for (const queue of queues) {
      while (queue.next < queue.fitting.length && chosen.has(queue.fitting[queue.next]!.key)) queue.next += 1;
      const action = queue.fitting[queue.next];
      if (!action) continue;
      queue.next += 1;
      chosen.add(action.key);
      isAdding = true;
      suggestions.push({
        action,
        reason: {
          kind: 'weak_dimension',
          dimensionKey: queue.dimension.key,
          score: queue.dimension.score,
          dimensionStep: queue.dimension.step ?? null,
          targetStep: targetOf(queue.step),
        },
      });
    }
  }

  const areaStep = measurement.step;
  if (areaStep !== null) {
    for (const action of candidates) {
      if (chosen.has(action.key) || !action.forSteps.includes(areaStep)) continue;
      chosen.add(action.key);
      suggestions.push({ action, reason: { kind: 'next_step', step: areaStep, targetStep: targetOf(areaStep) } });
    }
  }

  return suggestions.slice(0, Math.max(0, limit));
}
