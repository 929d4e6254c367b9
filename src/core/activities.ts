// Activities (aktiviteter) and registrations (anmälningar): the programme's events and who takes part
// (issue 6; docs/decisions/014). Pure rules: the service locks the activity row and applies them.

/** The kinds of activity the programme offers (docs/domain.md: inspiration and insight, workshops, networks, trainings). */
export const activityTypes = [
  'inspiration',
  'insight',
  'workshop',
  'network_meeting',
  'training',
  'study_visit',
] as const;
export type ActivityType = (typeof activityTypes)[number];

/** A registration holds a place, waits on the waiting list (reservlista), or was cancelled. */
export const registrationStatuses = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** The genders funders count participants by (docs/domain.md: participants by gender). */
export const participantGenders = ['woman', 'man', 'other', 'not_stated'] as const;
export type ParticipantGender = (typeof participantGenders)[number];

/** Capacity in places; null means no limit. */
export type Capacity = number | null;

/** A new registration takes a place while one is free, otherwise joins the waiting list. */
export function statusForNewRegistration(capacity: Capacity, registeredCount: number): 'registered' | 'waitlisted' {
  return capacity === null || registeredCount < capacity ? 'registered' : 'waitlisted';
}

/**
 * The waiting registrations that move up when places free (a cancellation, a raised capacity):
 * first come, first served, as many as there are free places. `waitlistedInOrder` is in queue order.
 */
export function registrationsToPromote<T>(
  capacity: Capacity,
  registeredCount: number,
  waitlistedInOrder: readonly T[],
): T[] {
  if (capacity === null) return [...waitlistedInOrder];
  return waitlistedInOrder.slice(0, Math.max(0, capacity - registeredCount));
}

/** Why a capacity change is refused: places already given are never taken back (decision 014). */
export function capacityChangeProblem(capacity: Capacity, registeredCount: number): 'below_registered' | null {
  return capacity !== null && capacity < registeredCount ? 'below_registered' : null;
}

/** Attendance (närvaro) is marked afterwards: not before the activity has started. */
export function attendanceProblem(startsAt: Date, now: Date): 'not_started' | null {
  return now.getTime() < startsAt.getTime() ? 'not_started' : null;
}

/** A company user signs up their people only before the activity starts; staff also record
 * registrations afterwards (a walk-in who attended). */
export function selfRegistrationProblem(startsAt: Date, now: Date): 'already_started' | null {
  return now.getTime() >= startsAt.getTime() ? 'already_started' : null;
}

/** An activity ends after it starts. */
export function activityPeriodProblem(startsAt: Date, endsAt: Date): 'ends_before_start' | null {
  return endsAt.getTime() > startsAt.getTime() ? null : 'ends_before_start';
}

/** Queue positions on the waiting list (1 = next to move up), from registrations in queue order. */
export function waitingListPositions<T extends { id: string; status: RegistrationStatus }>(
  registrationsInOrder: readonly T[],
): Map<string, number> {
  const positions = new Map<string, number>();
  for (const registration of registrationsInOrder) {
    if (registration.status === 'waitlisted') positions.set(registration.id, positions.size + 1);
  }
  return positions;
}
