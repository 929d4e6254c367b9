import { inArray } from 'drizzle-orm';
import { calendarDate } from '../../core/calendar';
import {
  addDays,
  interventionAreas,
  interventionKinds,
  toQuarterHours,
  weekOf,
  type InterventionArea,
} from '../../core/interventions';
import type { Db } from './client';
import { companies, interventions } from './schema';

// Demo interventions (issue 6): a few months of coaching for every enrolled or active demo company
// by its coach, so that time reports, timelines and "my week" show something. The latest entry's
// next follow-up is overdue for a third of the companies, due this week for a third, and later for
// the rest, counted from the seed date.

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const notes = [
  'Genomgång av nuläget med VD och produktionschef.',
  'Workshop om energikartläggning; företaget tar fram mätdata till nästa möte.',
  'Följde upp handlingsplanen. Två åtgärder klara, en försenad.',
  'Diskuterade digitalisering av orderflödet och vilka system som finns i dag.',
  'Kort avstämning per telefon.',
];
const hours = [1, 1.5, 2, 3, 0.75, 4, 2.5];

export async function seedInterventions(db: Db, now: Date): Promise<void> {
  const today = calendarDate(now);
  const sunday = weekOf(today).end;
  const rows = await db
    .select({ id: companies.id, organisationId: companies.organisationId, coachId: companies.coachId })
    .from(companies)
    .where(inArray(companies.status, ['enrolled', 'active']))
    .orderBy(companies.id);
  const values: (typeof interventions.$inferInsert)[] = [];
  rows.forEach((company, i) => {
    if (!company.coachId) return;
    const count = 3 + (i % 3);
    for (let k = 0; k < count; k += 1) {
      // Oldest first, about three weeks apart, the latest a few days ago.
      const occurredOn = addDays(today, -(2 + (i % 4) + (count - 1 - k) * 21));
      const isLatest = k === count - 1;
      const nextFollowUpOn = !isLatest
        ? addDays(occurredOn, 21)
        : i % 3 === 0
          ? addDays(today, -(1 + (i % 6)))
          : i % 3 === 1
            ? addDays(today, i % 4) <= sunday
              ? addDays(today, i % 4)
              : sunday
            : addDays(today, 30 + i);
      const at = new Date(`${occurredOn}T15:00:00Z`);
      values.push({
        id: id(40_000 + i * 10 + k),
        companyId: company.id,
        organisationId: company.organisationId,
        coachId: company.coachId,
        occurredOn,
        kind: k === 0 ? 'foundation_analysis' : interventionKinds[(i + k) % interventionKinds.length]!,
        area: k === 0 ? 'foundation' : (i + k) % 6 === 0 ? null : (interventionAreas[(i + k) % 5] as InterventionArea),
        quarterHours: toQuarterHours(hours[(i + k) % hours.length]!),
        notes: notes[(i + k) % notes.length]!,
        nextFollowUpOn,
        createdAt: at,
        updatedAt: at,
      });
    }
  });
  if (values.length > 0) await db.insert(interventions).values(values);
}
