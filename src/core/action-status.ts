// An action's way through an action plan (docs/glossary.md "action plan, action"; issue 5):
// planned → in_progress → done, or cancelled. A done action can be reopened when its effect did not
// hold, and a cancelled one taken up again as planned, so history is kept rather than edited.

export const actionStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

const transitions: Record<ActionStatus, readonly ActionStatus[]> = {
  planned: ['in_progress', 'done', 'cancelled'],
  in_progress: ['planned', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: ['planned'],
};

/** The statuses an action may move to from `from`. */
export function nextActionStatuses(from: ActionStatus): readonly ActionStatus[] {
  return transitions[from];
}

/** Why an action may not move from `from` to `to`, or null when it may. */
export function actionStatusChangeProblem(from: ActionStatus, to: ActionStatus): 'same_status' | 'not_allowed' | null {
  if (from === to) return 'same_status';
  return transitions[from].includes(to) ? null : 'not_allowed';
}

/** Open actions still count as planned work; done and cancelled are closed. */
export function isOpenAction(status: ActionStatus): boolean {
  return status === 'planned' || status === 'in_progress';
}
