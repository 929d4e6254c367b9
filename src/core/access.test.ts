import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  abilities,
  abilitiesOf,
  actionAbilities,
  activityAbilities,
  analysisAbilities,
  canDeleteAnalysisAttachment,
  canExportCompanyData,
  companyRecordAbilities,
  companyUserAbilities,
  assessmentAbilities,
  startableAssessmentMode,
  can,
  funderReportScope,
  canRegisterForCompany,
  canSeeRegistration,
  canSeeInternalNotes,
  canSeeUser,
  canSeeFullOrganisationNumber,
  companyAccess,
  fullOrganisationNumberScope,
  companyScope,
  interventionAbilities,
  stateAidAbilities,
  tenantShapeError,
  userScope,
  type Ability,
  type CompanyAccess,
  type CompanyRef,
  type CompanyScope,
  type UserRef,
  type UserScope,
} from './access';
import { anonymous, roles, type Actor, type Role } from './roles';

// One cast for every table: an admin, a coach and a company user of organisation A, each with
// counterparts of organisation B to stand for "another tenant".
const admin: Actor = { kind: 'user', userId: 'u-admin', role: 'admin' };
const coachA: Actor = { kind: 'user', userId: 'u-coach-a', role: 'coach', organisationId: 'org-a' };
const companyUserA1: Actor = {
  kind: 'user',
  userId: 'u-company-a1',
  role: 'company',
  companyId: 'c-a1',
  organisationId: 'org-a',
};

const companyA1: CompanyRef = { id: 'c-a1', organisationId: 'org-a' };
const companyA2: CompanyRef = { id: 'c-a2', organisationId: 'org-a' };
const companyB1: CompanyRef = { id: 'c-b1', organisationId: 'org-b' };

const adminUser: UserRef = { id: 'u-admin', role: 'admin', organisationId: null, companyId: null };
const otherAdminUser: UserRef = { id: 'u-admin-2', role: 'admin', organisationId: null, companyId: null };
const coachAUser: UserRef = { id: 'u-coach-a', role: 'coach', organisationId: 'org-a', companyId: null };
const colleagueAUser: UserRef = { id: 'u-coach-a2', role: 'coach', organisationId: 'org-a', companyId: null };
const coachBUser: UserRef = { id: 'u-coach-b', role: 'coach', organisationId: 'org-b', companyId: null };
const companyUserA1User: UserRef = { id: 'u-company-a1', role: 'company', organisationId: 'org-a', companyId: 'c-a1' };
const sameCompanyUser: UserRef = { id: 'u-company-a1b', role: 'company', organisationId: 'org-a', companyId: 'c-a1' };
const companyUserA2User: UserRef = { id: 'u-company-a2', role: 'company', organisationId: 'org-a', companyId: 'c-a2' };
const companyUserB1User: UserRef = { id: 'u-company-b1', role: 'company', organisationId: 'org-b', companyId: 'c-b1' };

describe('companyAccess', () => {
  const cases: { sentence: string; actor: Actor; company: CompanyRef; expected: CompanyAccess }[] = [
    { sentence: 'an anonymous visitor reaches no company', actor: anonymous, company: companyA1, expected: 'none' },
    {
      sentence: 'an admin works fully on a company of organisation A',
      actor: admin,
      company: companyA1,
      expected: 'full',
    },
    {
      sentence: 'an admin works fully on a company of organisation B',
      actor: admin,
      company: companyB1,
      expected: 'full',
    },
    {
      sentence: 'a coach works fully on a company of their own organisation',
      actor: coachA,
      company: companyA2,
      expected: 'full',
    },
    {
      sentence: 'a coach of another organisation gets the thin view',
      actor: coachA,
      company: companyB1,
      expected: 'thin',
    },
    {
      sentence: 'a company user works fully on their own company',
      actor: companyUserA1,
      company: companyA1,
      expected: 'full',
    },
    {
      sentence: 'a company user reaches nothing of another company of the same organisation',
      actor: companyUserA1,
      company: companyA2,
      expected: 'none',
    },
    {
      sentence: 'a company user reaches nothing of a company of another organisation',
      actor: companyUserA1,
      company: companyB1,
      expected: 'none',
    },
  ];

  it.each(cases)('$sentence', ({ actor, company, expected }) => {
    expect(companyAccess(actor, company)).toBe(expected);
  });
});

describe('companyScope', () => {
  const cases: { sentence: string; actor: Actor; expected: CompanyScope }[] = [
    { sentence: 'an anonymous visitor lists no companies', actor: anonymous, expected: { kind: 'none' } },
    { sentence: 'an admin lists every company', actor: admin, expected: { kind: 'all' } },
    {
      sentence: "a coach lists their own organisation's companies",
      actor: coachA,
      expected: { kind: 'organisation', organisationId: 'org-a' },
    },
    {
      sentence: 'a company user lists only their own company',
      actor: companyUserA1,
      expected: { kind: 'company', companyId: 'c-a1' },
    },
  ];

  it.each(cases)('$sentence', ({ actor, expected }) => {
    expect(companyScope(actor)).toEqual(expected);
  });
});

describe('canSeeUser', () => {
  const cases: { sentence: string; actor: Actor; user: UserRef; expected: boolean }[] = [
    { sentence: 'an anonymous visitor sees no account', actor: anonymous, user: coachAUser, expected: false },
    { sentence: 'an anonymous visitor does not see an admin', actor: anonymous, user: adminUser, expected: false },
    { sentence: 'an admin sees their own account', actor: admin, user: adminUser, expected: true },
    { sentence: 'an admin sees another admin', actor: admin, user: otherAdminUser, expected: true },
    { sentence: 'an admin sees a coach of any organisation', actor: admin, user: coachBUser, expected: true },
    {
      sentence: 'an admin sees a company user of any organisation',
      actor: admin,
      user: companyUserB1User,
      expected: true,
    },
    { sentence: 'a coach sees their own account', actor: coachA, user: coachAUser, expected: true },
    { sentence: 'a coach sees a colleague of their organisation', actor: coachA, user: colleagueAUser, expected: true },
    {
      sentence: "a coach sees a company user of their organisation's companies",
      actor: coachA,
      user: companyUserA2User,
      expected: true,
    },
    {
      sentence: 'a coach does not see a coach of another organisation',
      actor: coachA,
      user: coachBUser,
      expected: false,
    },
    {
      sentence: 'a coach does not see a company user of another organisation',
      actor: coachA,
      user: companyUserB1User,
      expected: false,
    },
    { sentence: 'a coach does not see an admin', actor: coachA, user: adminUser, expected: false },
    {
      sentence: 'a company user sees their own account',
      actor: companyUserA1,
      user: companyUserA1User,
      expected: true,
    },
    {
      sentence: 'a company user does not see a colleague at the same company',
      actor: companyUserA1,
      user: sameCompanyUser,
      expected: false,
    },
    {
      sentence: 'a company user does not see a company user of another company of the organisation',
      actor: companyUserA1,
      user: companyUserA2User,
      expected: false,
    },
    {
      sentence: 'a company user does not see the coach of their organisation',
      actor: companyUserA1,
      user: coachAUser,
      expected: false,
    },
    {
      sentence: 'a company user does not see a company user of another organisation',
      actor: companyUserA1,
      user: companyUserB1User,
      expected: false,
    },
    { sentence: 'a company user does not see an admin', actor: companyUserA1, user: adminUser, expected: false },
  ];

  it.each(cases)('$sentence', ({ actor, user, expected }) => {
    expect(canSeeUser(actor, user)).toBe(expected);
  });
});

describe('userScope', () => {
  const cases: { sentence: string; actor: Actor; expected: UserScope }[] = [
    { sentence: 'an anonymous visitor lists no accounts', actor: anonymous, expected: { kind: 'none' } },
    { sentence: 'an admin lists every account', actor: admin, expected: { kind: 'all' } },
    {
      sentence: 'a coach lists the accounts of their own organisation',
      actor: coachA,
      expected: { kind: 'organisation', organisationId: 'org-a' },
    },
    {
      sentence: 'a company user lists only their own account',
      actor: companyUserA1,
      expected: { kind: 'self', userId: 'u-company-a1' },
    },
  ];

  it.each(cases)('$sentence', ({ actor, expected }) => {
    expect(userScope(actor)).toEqual(expected);
  });
});

/** The filter a query applies for a user scope, written out independently of canSeeUser. */
function matchesUserScope(scope: UserScope, user: UserRef): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'organisation':
      return user.organisationId === scope.organisationId;
    case 'self':
      return user.id === scope.userId;
    case 'none':
      return false;
  }
}

describe('canSeeUser and userScope agree', () => {
  // Small pools so that generated actors and users often share ids and organisations.
  const userIds = fc.constantFrom('u1', 'u2', 'u3');
  const organisationIds = fc.constantFrom('org-a', 'org-b');
  const companyIds = fc.constantFrom('c1', 'c2', 'c3');

  const actorArbitrary: fc.Arbitrary<Actor> = fc.oneof(
    fc.constant(anonymous),
    fc.record({ kind: fc.constant('user' as const), userId: userIds, role: fc.constant('admin' as const) }),
    fc.record({
      kind: fc.constant('user' as const),
      userId: userIds,
      role: fc.constant('coach' as const),
      organisationId: organisationIds,
    }),
    fc.record({
      kind: fc.constant('user' as const),
      userId: userIds,
      role: fc.constant('company' as const),
      companyId: companyIds,
      organisationId: organisationIds,
    }),
  );

  const userArbitrary: fc.Arbitrary<UserRef> = fc.record({
    id: userIds,
    role: fc.constantFrom(...roles),
    organisationId: fc.option(organisationIds, { nil: null }),
    companyId: fc.option(companyIds, { nil: null }),
  });

  it('a user is visible exactly when the list filter of userScope would contain it', () => {
    fc.assert(
      fc.property(actorArbitrary, userArbitrary, (actor, user) => {
        expect(canSeeUser(actor, user)).toBe(matchesUserScope(userScope(actor), user));
      }),
      { numRuns: 500 },
    );
  });
});

/** The filter a query applies for a company scope, written out independently of the rules. */
function matchesCompanyScope(scope: CompanyScope, company: CompanyRef): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'organisation':
      return company.organisationId === scope.organisationId;
    case 'company':
      return company.id === scope.companyId;
    case 'none':
      return false;
  }
}

describe('canSeeFullOrganisationNumber and fullOrganisationNumberScope agree', () => {
  const actors = [anonymous, admin, coachA, companyUserA1];
  const cases = actors.flatMap((actor) => [companyA1, companyA2, companyB1].map((company) => ({ actor, company })));

  it.each(cases)('for $actor.kind $actor.role and company $company.id', ({ actor, company }) => {
    // A search may match a sole trader's hidden digits only where the number is shown in full.
    expect(matchesCompanyScope(fullOrganisationNumberScope(actor), company)).toBe(
      canSeeFullOrganisationNumber(actor, company),
    );
  });
});

describe('can and abilitiesOf', () => {
  const granted: Record<Role, readonly Ability[]> = {
    admin: [...abilities],
    coach: [
      'viewUsers',
      'viewCompanies',
      'viewApiDocs',
      'registerCompanies',
      'importCompanies',
      'lookUpCompanies',
      'viewHandovers',
      'viewActivities',
      'createActivities',
      'logInterventions',
      'viewTimeReport',
      'viewMyWeek',
      'viewProgrammeActionTotals',
      'viewFunderReports',
      'viewStateAidRates',
      'exportStateAidGrants',
    ],
    company: ['viewCompanies', 'viewActivities'],
  };
  const actorOf: Record<Role, Actor> = { admin, coach: coachA, company: companyUserA1 };
  const describeRole: Record<Role, string> = { admin: 'an admin', coach: 'a coach', company: 'a company user' };

  const cases: { sentence: string; actor: Actor; ability: Ability; expected: boolean }[] = [
    ...abilities.map((ability) => ({
      sentence: `an anonymous visitor may not ${ability}`,
      actor: anonymous,
      ability,
      expected: false,
    })),
    ...roles.flatMap((role) =>
      abilities.map((ability) => {
        const expected = granted[role].includes(ability);
        return {
          sentence: `${describeRole[role]} ${expected ? 'may' : 'may not'} ${ability}`,
          actor: actorOf[role],
          ability,
          expected,
        };
      }),
    ),
  ];

  it.each(cases)('$sentence', ({ actor, ability, expected }) => {
    expect(can(actor, ability)).toBe(expected);
  });

  it.each([
    {
      sentence: 'an admin reports on the whole programme',
      actor: admin,
      asked: undefined,
      expected: { organisationId: null },
    },
    {
      sentence: 'an admin reports on one organisation',
      actor: admin,
      asked: 'org-b',
      expected: { organisationId: 'org-b' },
    },
    {
      sentence: 'a coach always reports on their own organisation',
      actor: coachA,
      asked: undefined,
      expected: { organisationId: coachA.organisationId },
    },
    {
      sentence: 'a coach may not report on another organisation',
      actor: coachA,
      asked: 'org-other',
      expected: 'forbidden',
    },
    { sentence: 'a company user reports on nothing', actor: companyUserA1, asked: undefined, expected: 'forbidden' },
    { sentence: 'an anonymous visitor reports on nothing', actor: anonymous, asked: undefined, expected: 'forbidden' },
  ] as const)('funderReportScope: $sentence', ({ actor, asked, expected }) => {
    expect(funderReportScope(actor, asked)).toEqual(expected);
  });

  const abilitiesCases: { sentence: string; actor: Actor; expected: Record<Ability, boolean> }[] = [
    {
      sentence: 'an anonymous visitor has every ability switched off',
      actor: anonymous,
      expected: {
        manageOrganisations: false,
        manageUsers: false,
        viewUsers: false,
        viewOutbox: false,
        viewCompanies: false,
        viewApiDocs: false,
        registerCompanies: false,
        importCompanies: false,
        lookUpCompanies: false,
        viewHandovers: false,
        decideHandovers: false,
        viewActivities: false,
        createActivities: false,
        logInterventions: false,
        viewTimeReport: false,
        viewTimeReportsOfOthers: false,
        viewMyWeek: false,
        runReminders: false,
        viewProgrammeActionTotals: false,
        manageEmissionFactorSets: false,
        viewFunderReports: false,
        manageProgrammeSettings: false,
        freezeFunderReports: false,
        viewProgrammeFunderReports: false,
        viewStateAidRates: false,
        manageStateAidRates: false,
        exportStateAidGrants: false,
      },
    },
    {
      sentence: 'an admin has every ability switched on',
      actor: admin,
      expected: {
        manageOrganisations: true,
        manageUsers: true,
        viewUsers: true,
        viewOutbox: true,
        viewCompanies: true,
        viewApiDocs: true,
        registerCompanies: true,
        importCompanies: true,
        lookUpCompanies: true,
        viewHandovers: true,
        decideHandovers: true,
        viewActivities: true,
        createActivities: true,
        logInterventions: true,
        viewTimeReport: true,
        viewTimeReportsOfOthers: true,
        viewMyWeek: true,
        runReminders: true,
        viewProgrammeActionTotals: true,
        manageEmissionFactorSets: true,
        viewFunderReports: true,
        manageProgrammeSettings: true,
        freezeFunderReports: true,
        viewProgrammeFunderReports: true,
        viewStateAidRates: true,
        manageStateAidRates: true,
        exportStateAidGrants: true,
      },
    },
    {
      sentence: 'a coach views users and the API docs, registers and imports companies, but decides no hand-over',
      actor: coachA,
      expected: {
        manageOrganisations: false,
        manageUsers: false,
        viewUsers: true,
        viewOutbox: false,
        viewCompanies: true,
        viewApiDocs: true,
        registerCompanies: true,
        importCompanies: true,
        lookUpCompanies: true,
        viewHandovers: true,
        decideHandovers: false,
        viewActivities: true,
        createActivities: true,
        logInterventions: true,
        viewTimeReport: true,
        viewTimeReportsOfOthers: false,
        viewMyWeek: true,
        runReminders: false,
        viewProgrammeActionTotals: true,
        manageEmissionFactorSets: false,
        viewFunderReports: true,
        manageProgrammeSettings: false,
        freezeFunderReports: false,
        viewProgrammeFunderReports: false,
        viewStateAidRates: true,
        manageStateAidRates: false,
        exportStateAidGrants: true,
      },
    },
    {
      sentence: 'a company user views companies and activities',
      actor: companyUserA1,
      expected: {
        manageOrganisations: false,
        manageUsers: false,
        viewUsers: false,
        viewOutbox: false,
        viewCompanies: true,
        viewApiDocs: false,
        registerCompanies: false,
        importCompanies: false,
        lookUpCompanies: false,
        viewHandovers: false,
        decideHandovers: false,
        viewActivities: true,
        createActivities: false,
        logInterventions: false,
        viewTimeReport: false,
        viewTimeReportsOfOthers: false,
        viewMyWeek: false,
        runReminders: false,
        viewProgrammeActionTotals: false,
        manageEmissionFactorSets: false,
        viewFunderReports: false,
        manageProgrammeSettings: false,
        freezeFunderReports: false,
        viewProgrammeFunderReports: false,
        viewStateAidRates: false,
        manageStateAidRates: false,
        exportStateAidGrants: false,
      },
    },
  ];

  it.each(abilitiesCases)('abilitiesOf: $sentence', ({ actor, expected }) => {
    expect(abilitiesOf(actor)).toEqual(expected);
  });

  it('abilitiesOf answers exactly what can answers, for every actor and ability', () => {
    for (const actor of [anonymous, admin, coachA, companyUserA1]) {
      const record = abilitiesOf(actor);
      expect(Object.keys(record).sort()).toEqual([...abilities].sort());
      for (const ability of abilities) expect(record[ability]).toBe(can(actor, ability));
    }
  });
});

describe('tenantShapeError', () => {
  type Shape = ReturnType<typeof tenantShapeError>;
  const cases: {
    sentence: string;
    role: Role;
    organisationId: string | null | undefined;
    companyId: string | null | undefined;
    expected: Shape;
  }[] = [
    {
      sentence: 'an admin with neither tenant is valid',
      role: 'admin',
      organisationId: null,
      companyId: null,
      expected: null,
    },
    {
      sentence: 'an admin with undefined tenants is valid',
      role: 'admin',
      organisationId: undefined,
      companyId: undefined,
      expected: null,
    },
    {
      sentence: 'an admin may not belong to an organisation',
      role: 'admin',
      organisationId: 'org-a',
      companyId: null,
      expected: 'organisation_not_allowed',
    },
    {
      sentence: 'an admin may not belong to a company',
      role: 'admin',
      organisationId: null,
      companyId: 'c-a1',
      expected: 'company_not_allowed',
    },
    {
      sentence: 'an admin with both tenants is refused for the organisation first',
      role: 'admin',
      organisationId: 'org-a',
      companyId: 'c-a1',
      expected: 'organisation_not_allowed',
    },
    {
      sentence: 'a coach with exactly one organisation is valid',
      role: 'coach',
      organisationId: 'org-a',
      companyId: null,
      expected: null,
    },
    {
      sentence: 'a coach without an organisation is refused',
      role: 'coach',
      organisationId: null,
      companyId: null,
      expected: 'organisation_required',
    },
    {
      sentence: 'a coach with an empty organisation id is refused',
      role: 'coach',
      organisationId: '',
      companyId: undefined,
      expected: 'organisation_required',
    },
    {
      sentence: 'a coach may not belong to a company',
      role: 'coach',
      organisationId: 'org-a',
      companyId: 'c-a1',
      expected: 'company_not_allowed',
    },
    {
      sentence: 'a company user with exactly one company is valid',
      role: 'company',
      organisationId: null,
      companyId: 'c-a1',
      expected: null,
    },
    {
      sentence: 'a company user without a company is refused',
      role: 'company',
      organisationId: undefined,
      companyId: undefined,
      expected: 'company_required',
    },
    {
      sentence: 'a company user may not be set an organisation directly (it follows the company)',
      role: 'company',
      organisationId: 'org-a',
      companyId: 'c-a1',
      expected: 'organisation_not_allowed',
    },
    {
      sentence: 'a company user with only an organisation is refused for the missing company first',
      role: 'company',
      organisationId: 'org-a',
      companyId: null,
      expected: 'company_required',
    },
  ];

  it.each(cases)('$sentence', ({ role, organisationId, companyId, expected }) => {
    expect(tenantShapeError(role, organisationId, companyId)).toBe(expected);
  });
});

describe('activity rules', () => {
  const coachB: Actor = { kind: 'user', userId: 'u-coach-b', role: 'coach', organisationId: 'org-b' };
  const companyUserB1: Actor = {
    kind: 'user',
    userId: 'u-b1',
    role: 'company',
    companyId: 'c-b1',
    organisationId: 'org-b',
  };
  const organisedByA = ['org-a'];

  const abilityCases: { sentence: string; actor: Actor; canEdit: boolean; canSeeCompanyCounts: boolean }[] = [
    { sentence: 'an admin runs every activity', actor: admin, canEdit: true, canSeeCompanyCounts: true },
    { sentence: 'a coach of an organiser runs the activity', actor: coachA, canEdit: true, canSeeCompanyCounts: true },
    {
      sentence: 'a coach of another organisation sees counts but does not run it',
      actor: coachB,
      canEdit: false,
      canSeeCompanyCounts: true,
    },
    {
      sentence: 'a company user neither runs it nor sees per-company counts',
      actor: companyUserA1,
      canEdit: false,
      canSeeCompanyCounts: false,
    },
    { sentence: 'an anonymous visitor may nothing', actor: anonymous, canEdit: false, canSeeCompanyCounts: false },
  ];
  it.each(abilityCases)('activityAbilities: $sentence', ({ actor, canEdit, canSeeCompanyCounts }) => {
    const result = activityAbilities(actor, organisedByA);
    expect(result).toEqual({
      canEdit,
      canSeeAllRegistrations: canEdit,
      canMarkAttendance: canEdit,
      canSeeCompanyCounts,
    });
  });

  const seeCases: { sentence: string; actor: Actor; company: CompanyRef; expected: boolean }[] = [
    {
      sentence: 'an organiser coach sees a registration of another organisation’s company',
      actor: coachA,
      company: companyB1,
      expected: true,
    },
    {
      sentence: 'a non-organiser coach sees a registration of their own company',
      actor: coachB,
      company: companyB1,
      expected: true,
    },
    {
      sentence: 'a non-organiser coach does not see another organisation’s registration',
      actor: coachB,
      company: companyA1,
      expected: false,
    },
    {
      sentence: 'a company user sees their own company’s registration',
      actor: companyUserB1,
      company: companyB1,
      expected: true,
    },
    {
      sentence: 'a company user does not see another company’s registration',
      actor: companyUserA1,
      company: companyA2,
      expected: false,
    },
  ];
  it.each(seeCases)('canSeeRegistration: $sentence', ({ actor, company, expected }) => {
    expect(canSeeRegistration(actor, company, organisedByA)).toBe(expected);
  });

  const registerCases: { sentence: string; actor: Actor; company: CompanyRef; expected: boolean }[] = [
    { sentence: 'an admin registers anyone', actor: admin, company: companyB1, expected: true },
    {
      sentence: 'a coach registers people of their organisation’s companies',
      actor: coachA,
      company: companyA2,
      expected: true,
    },
    {
      sentence: 'a coach does not register people of another organisation’s company',
      actor: coachA,
      company: companyB1,
      expected: false,
    },
    { sentence: 'a company user registers their own people', actor: companyUserA1, company: companyA1, expected: true },
    {
      sentence: 'a company user does not register another company’s people',
      actor: companyUserA1,
      company: companyA2,
      expected: false,
    },
    { sentence: 'an anonymous visitor registers no one', actor: anonymous, company: companyA1, expected: false },
  ];
  it.each(registerCases)('canRegisterForCompany: $sentence', ({ actor, company, expected }) => {
    expect(canRegisterForCompany(actor, company)).toBe(expected);
  });
});

describe('measurement rules (decision 013)', () => {
  const company = { id: 'c1', organisationId: 'o1' };
  const admin = { kind: 'user', userId: 'a', role: 'admin' } as const;
  const coachOwn = { kind: 'user', userId: 'b', role: 'coach', organisationId: 'o1' } as const;
  const coachOther = { kind: 'user', userId: 'c', role: 'coach', organisationId: 'o2' } as const;
  const companyOwn = { kind: 'user', userId: 'd', role: 'company', companyId: 'c1', organisationId: 'o1' } as const;
  const companyOther = { kind: 'user', userId: 'e', role: 'company', companyId: 'c2', organisationId: 'o1' } as const;
  const coachDraft = { mode: 'coach', status: 'draft', isConfirmed: false } as const;
  const selfSubmitted = { mode: 'self', status: 'submitted', isConfirmed: false } as const;
  const selfDraft = { mode: 'self', status: 'draft', isConfirmed: false } as const;

  it('lets the organisation start coach measurements and the company start self-assessments', () => {
    expect(startableAssessmentMode(admin, company)).toBe('coach');
    expect(startableAssessmentMode(coachOwn, company)).toBe('coach');
    expect(startableAssessmentMode(companyOwn, company)).toBe('self');
    expect(startableAssessmentMode(coachOther, company)).toBeNull();
    expect(startableAssessmentMode(companyOther, company)).toBeNull();
    expect(startableAssessmentMode(anonymous, company)).toBeNull();
  });

  it('hides a coach draft from the company user, and shows it once submitted', () => {
    expect(assessmentAbilities(companyOwn, company, coachDraft).canRead).toBe(false);
    expect(assessmentAbilities(companyOwn, company, { ...coachDraft, status: 'submitted' }).canRead).toBe(true);
  });

  it('lets only the coach side answer a coach measurement, and only the company its self-assessment', () => {
    expect(assessmentAbilities(coachOwn, company, coachDraft).canAnswer).toBe(true);
    expect(assessmentAbilities(admin, company, coachDraft).canAnswer).toBe(true);
    expect(assessmentAbilities(companyOwn, company, selfDraft).canAnswer).toBe(true);
    expect(assessmentAbilities(coachOwn, company, selfDraft)).toMatchObject({ canRead: true, canAnswer: false });
  });

  it('locks a submitted measurement', () => {
    expect(assessmentAbilities(coachOwn, company, { ...coachDraft, status: 'submitted' }).canAnswer).toBe(false);
  });

  it('lets the coach side confirm a submitted self-assessment once', () => {
    expect(assessmentAbilities(coachOwn, company, selfSubmitted).canConfirm).toBe(true);
    expect(assessmentAbilities(coachOwn, company, { ...selfSubmitted, isConfirmed: true }).canConfirm).toBe(false);
    expect(assessmentAbilities(companyOwn, company, selfSubmitted).canConfirm).toBe(false);
    expect(assessmentAbilities(coachOwn, company, selfDraft).canConfirm).toBe(false);
  });

  it('gives another organisation and another company nothing', () => {
    expect(Object.values(assessmentAbilities(coachOther, company, selfSubmitted))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(Object.values(assessmentAbilities(companyOther, company, selfSubmitted))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('interventions and internal notes', () => {
  const companyA1 = { id: 'c-a1', organisationId: 'org-a' };
  const coachA2: Actor = { kind: 'user', userId: 'u-coach-a2', role: 'coach', organisationId: 'org-a' };
  const coachB: Actor = { kind: 'user', userId: 'u-coach-b', role: 'coach', organisationId: 'org-b' };
  const byCoachA = { companyId: 'c-a1', coachId: 'u-coach-a' };

  it.each([
    { sentence: 'an admin reads internal notes', actor: admin, expected: true },
    { sentence: 'the coach of the responsible organisation reads them', actor: coachA, expected: true },
    { sentence: 'a coach of another organisation does not', actor: coachB, expected: false },
    { sentence: "the company's own user does not", actor: companyUserA1, expected: false },
    { sentence: 'an anonymous visitor does not', actor: anonymous, expected: false },
  ])('canSeeInternalNotes: $sentence', ({ actor, expected }) => {
    expect(canSeeInternalNotes(actor, companyA1)).toBe(expected);
  });

  it.each([
    { sentence: 'the coach who logged it changes it', actor: coachA, expected: true },
    { sentence: 'an admin corrects it', actor: admin, expected: true },
    { sentence: 'a colleague of the same organisation only reads it', actor: coachA2, expected: false },
    { sentence: 'a coach of another organisation cannot', actor: coachB, expected: false },
    { sentence: 'a company user cannot', actor: companyUserA1, expected: false },
  ])('interventionAbilities: $sentence', ({ actor, expected }) => {
    expect(interventionAbilities(actor, companyA1, byCoachA)).toEqual({ canEdit: expected, canDelete: expected });
  });
});

describe('action plans', () => {
  const companyA1 = { id: 'c-a1', organisationId: 'org-a' };
  const coachB: Actor = { kind: 'user', userId: 'u-coach-b', role: 'coach', organisationId: 'org-b' };
  const companyUserA2: Actor = {
    kind: 'user',
    userId: 'u-company-a2',
    role: 'company',
    companyId: 'c-a2',
    organisationId: 'org-a',
  };
  const all = { canRead: true, canCreate: true, canEdit: true, canUpdateProgress: true, canSeeSuggestions: true };
  const none = { canRead: false, canCreate: false, canEdit: false, canUpdateProgress: false, canSeeSuggestions: false };

  it.each([
    { sentence: 'an admin writes the whole plan and works with suggestions', actor: admin, expected: all },
    { sentence: 'the coach of the responsible organisation does too', actor: coachA, expected: all },
    { sentence: 'a coach of another organisation reaches nothing', actor: coachB, expected: none },
    {
      sentence: "the company's own user reads the plan and reports progress only",
      actor: companyUserA1,
      expected: { ...none, canRead: true, canUpdateProgress: true },
    },
    { sentence: 'a user of another company reaches nothing', actor: companyUserA2, expected: none },
    { sentence: 'an anonymous visitor reaches nothing', actor: anonymous, expected: none },
  ])('actionAbilities: $sentence', ({ actor, expected }) => {
    expect(actionAbilities(actor, companyA1)).toEqual(expected);
  });
});

describe('analysisAbilities (docs/decisions/020)', () => {
  const company = companyA1;
  const coachB: Actor = { kind: 'user', userId: 'u-coach-b', role: 'coach', organisationId: 'org-b' };
  const companyUserA2: Actor = {
    kind: 'user',
    userId: 'u-company-a2',
    role: 'company',
    companyId: 'c-a2',
    organisationId: 'org-a',
  };
  it.each([
    { sentence: 'an admin does everything', actor: admin, expected: [true, true, true, true] },
    {
      sentence: "the responsible organisation's coach does everything",
      actor: coachA,
      expected: [true, true, true, true],
    },
    { sentence: "another organisation's coach does nothing", actor: coachB, expected: [false, false, false, false] },
    {
      sentence: 'the company user reads and uploads files only',
      actor: companyUserA1,
      expected: [true, false, true, false],
    },
    { sentence: 'another company user does nothing', actor: companyUserA2, expected: [false, false, false, false] },
    { sentence: 'an anonymous visitor does nothing', actor: anonymous, expected: [false, false, false, false] },
  ])('$sentence', ({ actor, expected }) => {
    const abilities = analysisAbilities(actor, company);
    expect([
      abilities.canRead,
      abilities.canEdit,
      abilities.canUploadAttachments,
      abilities.canConvertFindings,
    ]).toEqual(expected);
  });

  it('lets the company user delete only the files they uploaded; staff delete any', () => {
    expect(canDeleteAnalysisAttachment(companyUserA1, company, 'u-company-a1')).toBe(true);
    expect(canDeleteAnalysisAttachment(companyUserA1, company, 'someone-else')).toBe(false);
    expect(canDeleteAnalysisAttachment(coachA, company, 'someone-else')).toBe(true);
    expect(canDeleteAnalysisAttachment(coachB, company, 'u-coach-b')).toBe(false);
  });
});

describe('stateAidAbilities', () => {
  const company = companyA1;
  it.each([
    { who: 'an admin', actor: admin, expected: [true, true, true, true, true] },
    { who: 'a coach of the organisation', actor: coachA, expected: [true, true, true, true, true] },
    {
      who: 'the company’s own user: reads and declares, confirms and grants nothing',
      actor: companyUserA1,
      expected: [true, true, false, false, false],
    },
    { who: 'an anonymous visitor', actor: anonymous, expected: [false, false, false, false, false] },
  ])('$who', ({ actor, expected }) => {
    const abilities = stateAidAbilities(actor, company);
    expect([
      abilities.canRead,
      abilities.canDeclare,
      abilities.canConfirmDeclarations,
      abilities.canGrant,
      abilities.canSeeUndertakingLedger,
    ]).toEqual(expected);
  });
});

describe('the company portal (issue 15, decision 043)', () => {
  const coachB: Actor = { kind: 'user', userId: 'u-coach-b', role: 'coach', organisationId: 'org-b' };
  const closed = { ...companyA1, allowsColleagueInvites: false };
  const open = { ...companyA1, allowsColleagueInvites: true };
  it.each([
    { who: 'an admin invites and decides', actor: admin, company: closed, expected: [true, true, true] },
    {
      who: 'a coach of the organisation invites and decides',
      actor: coachA,
      company: closed,
      expected: [true, true, true],
    },
    {
      who: 'a coach of another organisation does nothing',
      actor: coachB,
      company: open,
      expected: [false, false, false],
    },
    {
      who: 'the company’s own user sees the accounts but invites no one while the setting is off',
      actor: companyUserA1,
      company: closed,
      expected: [true, false, false],
    },
    {
      who: 'the company’s own user invites colleagues once the coach allows it, and cannot change that',
      actor: companyUserA1,
      company: open,
      expected: [true, true, false],
    },
    {
      who: 'a user of another company does nothing, setting or not',
      actor: companyUserA1,
      company: { ...companyA2, allowsColleagueInvites: true },
      expected: [false, false, false],
    },
    { who: 'an anonymous visitor does nothing', actor: anonymous, company: open, expected: [false, false, false] },
  ])('$who', ({ actor, company, expected }) => {
    const abilities = companyUserAbilities(actor, company);
    expect([abilities.canSeeUsers, abilities.canInvite, abilities.canChangeColleagueInvites]).toEqual(expected);
  });

  it.each([
    {
      who: 'the company’s own user keeps its contacts but erases none',
      actor: companyUserA1,
      company: companyA1,
      expected: [true, false],
    },
    { who: 'a coach of the organisation keeps and erases', actor: coachA, company: companyA1, expected: [true, true] },
    { who: 'a user of another company neither', actor: companyUserA1, company: companyA2, expected: [false, false] },
  ])('contacts: $who', ({ actor, company, expected }) => {
    const abilities = companyRecordAbilities(actor, company);
    expect([abilities.canManageContacts, abilities.canEraseContacts]).toEqual(expected);
  });

  it.each([
    { who: 'the company’s own user exports their company', actor: companyUserA1, company: companyA1, expected: true },
    { who: 'a company user never exports another company', actor: companyUserA1, company: companyA2, expected: false },
    { who: 'a coach exports a company of their organisation', actor: coachA, company: companyA1, expected: true },
    { who: 'a coach of another organisation does not', actor: coachA, company: companyB1, expected: false },
    { who: 'an anonymous visitor does not', actor: anonymous, company: companyA1, expected: false },
  ])('export: $who', ({ actor, company, expected }) => {
    expect(canExportCompanyData(actor, company)).toBe(expected);
  });
});
