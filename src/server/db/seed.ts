import { count, eq } from 'drizzle-orm';
import { hashPassword } from '../modules/auth/passwords';
import { sealTotpSecret } from '../modules/auth/totp';
import type { Db } from './client';
import { seedActionPlans } from './seed-action-plans';
import { seedInterventions } from './seed-interventions';
import { demoCompanyRows } from './demo-companies';
import { seedActivities } from './seed-activities';
import { seedMaturityDemo } from './seed-maturity';
import { seedAnalysesDemo } from './seed-analyses';
import { companies, companyStatusChanges, contacts, organisations, programmes, secondFactors, users } from './schema';

// Demo data for a first start. The five partner organisations are real; every person and company
// here is invented, and the names say so ("Påhittad", "Exempel"); the e-mail domain is reserved
// (.example) so no message can reach anyone.

export const demoPassword = 'Demo-Vast-2026';
/**
 * The demo admin's TOTP secret (base32): admins must sign in with a second factor, so the demo
 * admin has one, published like the password (README). Demo data only: never a real account.
 */
export const demoAdminTotpSecret = 'DEMOVASTDEMOVASTDEMOVASTDEMOVAST';
export const demoDomain = 'demo.industryinwest.example';

// Fixed ids keep links, tests and screenshots stable between runs.
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const demoIds = {
  programme: id(1),
  organisations: {
    idc: id(101),
    iucVast: id(102),
    iucSjuharad: id(103),
    gtc: id(104),
    tek: id(105),
  },
  companies: { first: id(201), second: id(202), third: id(203), fourth: id(204), fifth: id(205), sixth: id(206) },
  users: {
    admin: id(301),
    coachIdc: id(302),
    coachIucVast: id(303),
    coachSjuharad: id(304),
    coachGtc: id(305),
    coachTek: id(306),
    companyFirst: id(307),
    companySecond: id(308),
  },
} as const;

export const demoAccounts = [
  {
    id: demoIds.users.admin,
    email: `admin@${demoDomain}`,
    name: 'Astrid Påhittad',
    role: 'admin' as const,
    organisationId: null,
    companyId: null,
  },
  {
    id: demoIds.users.coachIdc,
    email: `coach.idc@${demoDomain}`,
    name: 'Bertil Exempelsson',
    role: 'coach' as const,
    organisationId: demoIds.organisations.idc,
    companyId: null,
  },
  {
    id: demoIds.users.coachIucVast,
    email: `coach.iucvast@${demoDomain}`,
    name: 'Cecilia Demosdotter',
    role: 'coach' as const,
    organisationId: demoIds.organisations.iucVast,
    companyId: null,
  },
  {
    id: demoIds.users.coachSjuharad,
    email: `coach.sjuharad@${demoDomain}`,
    name: 'David Fiktivsson',
    role: 'coach' as const,
    organisationId: demoIds.organisations.iucSjuharad,
    companyId: null,
  },
  {
    id: demoIds.users.coachGtc,
    email: `coach.gtc@${demoDomain}`,
    name: 'Eva Låtsasson',
    role: 'coach' as const,
    organisationId: demoIds.organisations.gtc,
    companyId: null,
  },
  {
    id: demoIds.users.coachTek,
    email: `coach.tek@${demoDomain}`,
    name: 'Fredrik Provsson',
    role: 'coach' as const,
    organisationId: demoIds.organisations.tek,
    companyId: null,
  },
  {
    id: demoIds.users.companyFirst,
    email: `foretag@${demoDomain}`,
    name: 'Greta Testberg',
    role: 'company' as const,
    organisationId: null,
    companyId: demoIds.companies.first,
  },
  {
    id: demoIds.users.companySecond,
    email: `foretag2@${demoDomain}`,
    name: 'Hugo Exempelgren',
    role: 'company' as const,
    organisationId: null,
    companyId: demoIds.companies.second,
  },
];

/** The programme and its five partners: real data every installation needs, seeded once. */
export async function seedProgramme(db: Db): Promise<'seeded' | 'already_seeded'> {
  const [existing] = await db.select({ value: count() }).from(programmes);
  if (Number(existing?.value ?? 0) > 0) return 'already_seeded';
  const o = demoIds.organisations;
  await db.transaction(async (tx) => {
    await tx.insert(programmes).values({
      id: demoIds.programme,
      key: 'industry-in-west',
      name: 'Industry In West',
      startsOn: '2023-09-01',
      endsOn: '2026-12-31',
    });
    await tx.insert(organisations).values([
      { id: o.idc, name: 'IDC West Sweden', shortName: 'IDC', reportingAreas: ['skaraborg'] },
      { id: o.iucVast, name: 'IUC Väst', shortName: 'IUC Väst', reportingAreas: ['fyrbodal'] },
      { id: o.iucSjuharad, name: 'IUC Sjuhärad', shortName: 'IUC Sjuhärad', reportingAreas: ['sjuharad'] },
      { id: o.gtc, name: 'Göteborgs Tekniska College', shortName: 'GTC', reportingAreas: ['goteborgsregionen'] },
      { id: o.tek, name: 'TEK Kompetens/IUC Halland', shortName: 'TEK/IUC Halland', reportingAreas: ['halland'] },
    ]);
  });
  return 'seeded';
}

function demoAdminSecondFactor(secondFactorKey: Buffer, now: Date) {
  return {
    userId: demoIds.users.admin,
    sealedSecret: sealTotpSecret(secondFactorKey, demoIds.users.admin, demoAdminTotpSecret),
    confirmedAt: now,
    createdAt: now,
  };
}

/**
 * Demo people and companies on top of the programme, once (when the demo admin is missing). The
 * key seals the demo admin's TOTP secret (config.secondFactorKey).
 */
export async function seedDemoData(db: Db, now: Date, secondFactorKey: Buffer): Promise<'seeded' | 'already_seeded'> {
  await seedProgramme(db);
  const [demoAdmin] = await db.select({ value: count() }).from(users).where(eq(users.id, demoIds.users.admin));
  if (Number(demoAdmin?.value ?? 0) > 0) {
    // Demo data seeded before admins needed a second factor: give the demo admin the published one,
    // unless it has enrolled one of its own.
    await db.insert(secondFactors).values(demoAdminSecondFactor(secondFactorKey, now)).onConflictDoNothing();
    return 'already_seeded';
  }
  const passwordHash = await hashPassword(demoPassword);
  const o = demoIds.organisations;
  await db.transaction(async (tx) => {
    const organisationsInOrder = [
      { id: o.idc, area: 'skaraborg', coachId: demoIds.users.coachIdc },
      { id: o.iucVast, area: 'fyrbodal', coachId: demoIds.users.coachIucVast },
      { id: o.iucSjuharad, area: 'sjuharad', coachId: demoIds.users.coachSjuharad },
      { id: o.gtc, area: 'goteborgsregionen', coachId: demoIds.users.coachGtc },
      { id: o.tek, area: 'halland', coachId: demoIds.users.coachTek },
    ] as const;
    const { companyRows, statusRows, contactRows } = demoCompanyRows(demoIds.programme, organisationsInOrder, now);
    await tx.insert(companies).values(companyRows);
    await tx.insert(companyStatusChanges).values(statusRows);
    await tx.insert(contacts).values(contactRows);
    await tx.insert(users).values(
      demoAccounts.map((account) => ({
        ...account,
        status: 'active' as const,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await tx.insert(secondFactors).values(demoAdminSecondFactor(secondFactorKey, now));
    await seedActivities(
      tx,
      [o.idc, o.iucVast, o.iucSjuharad, o.gtc, o.tek],
      [
        demoIds.users.coachIdc,
        demoIds.users.coachIucVast,
        demoIds.users.coachSjuharad,
        demoIds.users.coachGtc,
        demoIds.users.coachTek,
      ],
      now,
    );
    // The sixth company is left unmeasured: journeys start its first measurements.
    await seedMaturityDemo(tx, demoIds.programme, organisationsInOrder, [demoIds.companies.sixth]);
    await seedInterventions(tx, now);
    await seedActionPlans(tx, now);
    // Energy mappings for four demo companies of different organisations; the sixth stays without.
    const mapped = [
      demoIds.companies.first,
      demoIds.companies.second,
      demoIds.companies.third,
      demoIds.companies.fourth,
    ];
    await seedAnalysesDemo(
      tx,
      mapped.map((companyId) => {
        const row = companyRows.find((company) => company.id === companyId)!;
        return { companyId, organisationId: row.organisationId, coachId: row.coachId ?? demoIds.users.admin };
      }),
      now,
    );
  });
  return 'seeded';
}
