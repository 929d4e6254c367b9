import { asc, inArray } from 'drizzle-orm';
import { calendarDate } from '../../core/calendar';
import { addDays } from '../../core/interventions';
import type { ActionStatus } from '../../core/action-status';
import type { MaturityArea } from '../../core/maturity-areas';
import type { Db } from './client';
import { actions, companies, contacts } from './schema';

// Demo action plans (issue 5): for every other active or enrolled demo company, four to seven
// actions written freely (no catalogue key, so every suggestion stays open to adopt) in a mix of
// statuses, with expected effects, and realised ones for most done actions, so that the plan,
// the company card and the programme totals show something. Owners alternate between the
// company's coach and its first contact. CO2e is in kg (decision 016). Most realised effects are
// confirmed by the coach; some wait for it.

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

type DemoAction = {
  area: MaturityArea;
  title: string;
  targetStep: number;
  investmentSek: number | null;
  expected: { kwh?: number; co2eKg?: number; sek?: number; materialTonnes?: number };
};

const templates: DemoAction[] = [
  {
    area: 'energy_transition',
    title: 'Byt belysningen i verkstaden till LED med närvarostyrning',
    targetStep: 3,
    investmentSek: 180_000,
    expected: { kwh: 42_000, co2eKg: 1_100, sek: 63_000 },
  },
  {
    area: 'energy_transition',
    title: 'Åtgärda tryckluftsläckor och sänk trycket nattetid',
    targetStep: 2,
    investmentSek: 25_000,
    expected: { kwh: 18_000, co2eKg: 470, sek: 27_000 },
  },
  {
    area: 'resource_efficiency',
    title: 'Optimera kapningen så att spillet av stålrör minskar',
    targetStep: 3,
    investmentSek: 40_000,
    expected: { materialTonnes: 6, co2eKg: 11_000, sek: 90_000 },
  },
  {
    area: 'circular_business',
    title: 'Ta tillbaka och renovera lastpallar från tre stora kunder',
    targetStep: 2,
    investmentSek: 15_000,
    expected: { materialTonnes: 4, co2eKg: 2_400, sek: 20_000 },
  },
  {
    area: 'digitalisation',
    title: 'Digital arbetsorder på surfplatta i produktionen',
    targetStep: 3,
    investmentSek: 120_000,
    expected: { sek: 45_000 },
  },
  {
    area: 'foundation',
    title: 'Ta fram en hållbarhetsvision tillsammans med ledningsgruppen',
    targetStep: 2,
    investmentSek: null,
    expected: {},
  },
  {
    area: 'energy_transition',
    title: 'Installera frånluftsvärmepump i lackeringen',
    targetStep: 4,
    investmentSek: 350_000,
    expected: { kwh: 95_000, co2eKg: 3_800, sek: 110_000 },
  },
];

const statuses: ActionStatus[] = ['done', 'in_progress', 'planned', 'done', 'planned', 'cancelled', 'in_progress'];

export async function seedActionPlans(db: Db, now: Date): Promise<void> {
  const today = calendarDate(now);
  const rows = await db
    .select({ id: companies.id, coachId: companies.coachId })
    .from(companies)
    .where(inArray(companies.status, ['enrolled', 'active']))
    .orderBy(asc(companies.id));
  const chosen = rows.filter((_, i) => i % 2 === 0);
  if (chosen.length === 0) return;
  const people = await db
    .select({ id: contacts.id, companyId: contacts.companyId })
    .from(contacts)
    .where(
      inArray(
        contacts.companyId,
        chosen.map((c) => c.id),
      ),
    )
    .orderBy(asc(contacts.name));
  const values: (typeof actions.$inferInsert)[] = [];
  chosen.forEach((company, i) => {
    const count = 4 + (i % 4);
    const contactId = people.find((p) => p.companyId === company.id)?.id ?? null;
    for (let k = 0; k < count; k += 1) {
      const template = templates[(i + k) % templates.length]!;
      const status = statuses[(i + k) % statuses.length]!;
      const isDone = status === 'done';
      // Most done actions have their realised effect reported, a little off the estimate.
      const realisedShare = isDone && (i + k) % 3 !== 2 ? 0.8 + ((i + k) % 4) * 0.1 : null;
      const realised = (value: number | undefined) =>
        realisedShare === null || value === undefined ? null : Math.round(value * realisedShare);
      const at = new Date(`${addDays(today, -(120 - k * 10))}T09:00:00Z`);
      const isCoachOwner = k % 2 === 0 || !contactId;
      values.push({
        id: id(60_000 + i * 10 + k),
        companyId: company.id,
        area: template.area,
        targetStep: template.targetStep,
        title: template.title,
        ownerUserId: isCoachOwner ? company.coachId : null,
        ownerContactId: isCoachOwner ? null : contactId,
        dueOn: addDays(today, -30 + k * 30),
        status,
        doneOn: isDone ? addDays(today, -(10 + k)) : null,
        investmentSek: template.investmentSek,
        expectedKwh: template.expected.kwh ?? null,
        expectedCo2eKg: template.expected.co2eKg ?? null,
        expectedSek: template.expected.sek ?? null,
        expectedMaterialTonnes: template.expected.materialTonnes ?? null,
        realisedKwh: realised(template.expected.kwh),
        realisedCo2eKg: realised(template.expected.co2eKg),
        realisedSek: realised(template.expected.sek),
        realisedMaterialTonnes: realised(template.expected.materialTonnes),
        // The coach confirmed all but every fourth company's results, which wait for the coach
        // (decision 025): the plan and the totals show both kinds.
        ...(realisedShare !== null &&
          i % 4 !== 1 && { realisedConfirmedAt: at, realisedConfirmedBy: company.coachId }),
        createdAt: at,
        updatedAt: at,
      });
    }
  });
  await db.insert(actions).values(values);
}
