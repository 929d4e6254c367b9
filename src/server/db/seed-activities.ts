import type { ActivityType, RegistrationStatus } from '../../core/activities';
import type { Area } from '../../core/areas';
import type { Db } from './client';
import { activities, activityAreas, activityOrganisers, registrations } from './schema';

// Demo activities around the day of seeding: six done (with attendance), six to come, one of them
// full with a waiting list. Registrations use the demo companies' contacts (demo-companies.ts),
// always of a company whose organisation organises the activity or is coached by it.

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const day = 86_400_000;

/** The demo companies' layout (demo-companies.ts): company i, its organisation index, its contacts. */
const fixedOrganisation = [0, 1, 2, 3, 4, 0];
const fixedCompanyNumbers = [201, 202, 203, 204, 205, 206];
function demoCompany(i: number) {
  return {
    companyId: i < 6 ? id(fixedCompanyNumbers[i]!) : id(1000 + i),
    organisationIndex: i < 6 ? fixedOrganisation[i]! : i % 5,
    contactIds: [id(30_000 + i * 10), id(30_000 + i * 10 + 1)],
  };
}
/** Companies 0–39 of one organisation, in order. */
const companiesOf = (organisationIndex: number) =>
  Array.from({ length: 40 }, (_, i) => demoCompany(i)).filter((c) => c.organisationIndex === organisationIndex);

type DemoActivity = {
  type: ActivityType;
  title: string;
  description: string;
  /** Days from the seeding day; starts at 09:00 Swedish time (08:00 UTC in winter). */
  offsetDays: number;
  hours: number;
  place: string | null;
  onlineUrl?: string;
  capacity: number | null;
  cost: number;
  areas: Area[];
  organisers: number[];
  /** How many people of the organisers' companies register. */
  participants: number;
};

const demoActivities: DemoActivity[] = [
  {
    type: 'inspiration',
    title: 'Inspirationsdag: hållbar industri i Väst',
    description: 'Företag berättar om sina första steg mot en resurseffektiv och cirkulär produktion.',
    offsetDays: -62,
    hours: 5,
    place: 'Skövde, Gothia Science Park',
    capacity: 60,
    cost: 400,
    areas: ['foundation'],
    organisers: [0, 1],
    participants: 6,
  },
  {
    type: 'workshop',
    title: 'Workshop: energikartläggning steg för steg',
    description: 'Vi går igenom hur en energikartläggning görs och vad Energimyndigheten efterfrågar.',
    offsetDays: -41,
    hours: 3,
    place: 'Trollhättan, Innovatum',
    capacity: 12,
    cost: 1200,
    areas: ['energy_transition'],
    organisers: [1],
    participants: 5,
  },
  {
    type: 'network_meeting',
    title: 'Nätverksträff: cirkulära affärsmodeller',
    description: 'Erfarenhetsutbyte om återtag, renovering och produkt som tjänst.',
    offsetDays: -27,
    hours: 2,
    place: null,
    onlineUrl: 'https://meet.industryinwest.example/natverk-cirkulart',
    capacity: null,
    cost: 0,
    areas: ['circular_business'],
    organisers: [2, 3],
    participants: 6,
  },
  {
    type: 'training',
    title: 'Utbildning: digital mognad och datadriven produktion',
    description: 'Grunderna i digital mognad enligt EDIH:s mätverktyg.',
    offsetDays: -16,
    hours: 6,
    place: 'Göteborg, Lindholmen',
    capacity: 20,
    cost: 2500,
    areas: ['digitalisation'],
    organisers: [3],
    participants: 4,
  },
  {
    type: 'study_visit',
    title: 'Studiebesök: solceller och värmeåtervinning i Halmstad',
    description: 'Besök hos ett gjuteri som halverat sin energianvändning.',
    offsetDays: -9,
    hours: 4,
    place: 'Halmstad',
    capacity: 15,
    cost: 800,
    areas: ['energy_transition', 'resource_efficiency'],
    organisers: [4],
    participants: 4,
  },
  {
    type: 'insight',
    title: 'Insiktsträff: vision och strategi för förändring',
    description: 'Grundsteget: organisation, vision, strategi, kultur och förändringsförmåga.',
    offsetDays: -4,
    hours: 3,
    place: 'Lidköping',
    capacity: 25,
    cost: 500,
    areas: ['foundation'],
    organisers: [0],
    participants: 5,
  },
  {
    type: 'workshop',
    title: 'Workshop: materialflöden och spill',
    description: 'Kartlägg materialflödet i din produktion och hitta spillet.',
    offsetDays: 5,
    hours: 3,
    place: 'Skara',
    capacity: 3,
    cost: 1500,
    areas: ['resource_efficiency'],
    organisers: [0],
    participants: 5,
  },
  {
    type: 'training',
    title: 'Utbildning: ISO 50001 i praktiken',
    description: 'Energiledning för små tillverkare: baslinje och nyckeltal.',
    offsetDays: 9,
    hours: 6,
    place: 'Borås, Textile Fashion Center',
    capacity: 18,
    cost: 2000,
    areas: ['energy_transition'],
    organisers: [2],
    participants: 3,
  },
  {
    type: 'inspiration',
    title: 'Inspirationswebbinarium: AI i verkstaden',
    description: 'Korta exempel på automation och AI hos små och medelstora företag.',
    offsetDays: 14,
    hours: 1.5,
    place: null,
    onlineUrl: 'https://meet.industryinwest.example/ai-i-verkstaden',
    capacity: null,
    cost: 0,
    areas: ['digitalisation'],
    organisers: [0, 1, 2, 3, 4],
    participants: 4,
  },
  {
    type: 'network_meeting',
    title: 'Nätverksträff Fyrbodal: energiomställning',
    description: 'Lokala företag delar erfarenheter av elektrifiering.',
    offsetDays: 21,
    hours: 2,
    place: 'Uddevalla',
    capacity: 30,
    cost: 300,
    areas: ['energy_transition'],
    organisers: [1],
    participants: 2,
  },
  {
    type: 'study_visit',
    title: 'Studiebesök: återbruk av förpackningar',
    description: 'Hur ett sågverk i Halland ersatt engångsemballage.',
    offsetDays: 32,
    hours: 4,
    place: 'Falkenberg',
    capacity: 12,
    cost: 700,
    areas: ['circular_business'],
    organisers: [4],
    participants: 0,
  },
  {
    type: 'insight',
    title: 'Insiktsträff: från mätning till handlingsplan',
    description: 'Så blir resultatet av mognadsmätningen en handlingsplan med ägare och datum.',
    offsetDays: 46,
    hours: 3,
    place: 'Göteborg',
    capacity: 40,
    cost: 500,
    areas: ['foundation', 'digitalisation'],
    organisers: [3, 0],
    participants: 0,
  },
];

/** Organisation ids in the order of the demo organisations (IDC, IUC Väst, Sjuhärad, GTC, TEK). */
export async function seedActivities(
  db: Db,
  organisationIds: readonly string[],
  coachIds: readonly string[],
  now: Date,
) {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8);
  const activityRows: (typeof activities.$inferInsert)[] = [];
  const areaRows: (typeof activityAreas.$inferInsert)[] = [];
  const organiserRows: (typeof activityOrganisers.$inferInsert)[] = [];
  const registrationRows: (typeof registrations.$inferInsert)[] = [];
  demoActivities.forEach((demo, n) => {
    const activityId = id(40_000 + n);
    const startsAt = new Date(today + demo.offsetDays * day);
    const isPast = demo.offsetDays < 0;
    const createdBy = coachIds[demo.organisers[0]!]!;
    activityRows.push({
      id: activityId,
      programmeId: id(1),
      type: demo.type,
      title: demo.title,
      description: demo.description,
      startsAt,
      endsAt: new Date(startsAt.getTime() + demo.hours * 3_600_000),
      place: demo.place,
      onlineUrl: demo.onlineUrl ?? null,
      capacity: demo.capacity,
      costPerParticipantSek: demo.cost,
      createdBy,
      createdAt: new Date(startsAt.getTime() - 30 * day),
      updatedAt: new Date(startsAt.getTime() - 30 * day),
    });
    for (const area of demo.areas) areaRows.push({ activityId, area });
    for (const o of demo.organisers) organiserRows.push({ activityId, organisationId: organisationIds[o]! });
    // People of the organisers' companies, taking turns between organisations and companies.
    const pool = demo.organisers
      .flatMap((o) => companiesOf(o))
      .flatMap((c, k) => c.contactIds.map((contactId, m) => ({ ...c, contactId, order: k * 2 + m + n })));
    pool.sort((a, b) => (a.order % 7) - (b.order % 7) || a.order - b.order);
    let registered = 0;
    pool.slice(0, demo.participants).forEach((person, m) => {
      const status: RegistrationStatus =
        demo.capacity === null || registered < demo.capacity ? 'registered' : 'waitlisted';
      if (status === 'registered') registered += 1;
      registrationRows.push({
        id: id(41_000 + n * 50 + m),
        activityId,
        contactId: person.contactId,
        companyId: person.companyId,
        status,
        sequence: m + 1,
        registeredAt: new Date(startsAt.getTime() - (20 - m) * day),
        registeredBy: createdBy,
        // Done activities have attendance marked: most came, every fourth did not.
        attended: isPast && status === 'registered' ? m % 4 !== 3 : null,
      });
    });
  });
  await db.insert(activities).values(activityRows);
  await db.insert(activityAreas).values(areaRows);
  await db.insert(activityOrganisers).values(organiserRows);
  await db.insert(registrations).values(registrationRows);
}
