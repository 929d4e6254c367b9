import type { Actor, Role } from './roles';

// The access rules of the platform, in one place (docs/architecture.md "Roles"; docs/decisions/003).
// Services ask these functions and scope their queries with them; the web reads the resulting
// abilities from responses and never re-derives a rule.

/** What a signed-in actor may reach of a company: all of it, its thin view, or nothing. */
export type CompanyAccess = 'full' | 'thin' | 'none';

/** A company as the rules see it: who is responsible for it. */
export type CompanyRef = { id: string; organisationId: string };

/**
 * Admin sees every company; a coach works fully on their organisation's companies and sees the
 * thin view (name, org. number, responsible organisation) of the others, so no company is enrolled
 * twice; a company user sees only their own company. docs/architecture.md "Roles".
 */
export function companyAccess(actor: Actor, company: CompanyRef): CompanyAccess {
  if (actor.kind === 'anonymous') return 'none';
  switch (actor.role) {
    case 'admin':
      return 'full';
    case 'coach':
      return actor.organisationId === company.organisationId ? 'full' : 'thin';
    case 'company':
      return actor.companyId === company.id ? 'full' : 'none';
  }
}

/** Which companies a list may contain for the actor, as a filter the queries apply. */
export type CompanyScope =
  | { kind: 'all' }
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'company'; companyId: string }
  | { kind: 'none' };

/** The rows of companies an actor may work on fully; thin views are a separate lookup. */
export function companyScope(actor: Actor): CompanyScope {
  if (actor.kind === 'anonymous') return { kind: 'none' };
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'coach':
      return { kind: 'organisation', organisationId: actor.organisationId };
    case 'company':
      return { kind: 'company', companyId: actor.companyId };
  }
}

/** A user account as the rules see it. `organisationId` is the organisation the account works in
 * (a coach's own, or the responsible organisation of a company user's company). */
export type UserRef = { id: string; role: Role; organisationId: string | null; companyId: string | null };

/**
 * An admin sees every account; a coach sees the accounts of their own organisation (colleagues and
 * the company users of its companies); a company user sees only their own account.
 */
export function canSeeUser(actor: Actor, user: UserRef): boolean {
  if (actor.kind === 'anonymous') return false;
  switch (actor.role) {
    case 'admin':
      return true;
    case 'coach':
      return user.organisationId === actor.organisationId;
    case 'company':
      return user.id === actor.userId;
  }
}

/** Which user accounts a list may contain for the actor. */
export type UserScope =
  | { kind: 'all' }
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'self'; userId: string }
  | { kind: 'none' };

/** The user-list filter matching canSeeUser. */
export function userScope(actor: Actor): UserScope {
  if (actor.kind === 'anonymous') return { kind: 'none' };
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'coach':
      return { kind: 'organisation', organisationId: actor.organisationId };
    case 'company':
      return { kind: 'self', userId: actor.userId };
  }
}

/** Actions that are not about one company's records; decided by role alone. */
export const abilities = [
  'manageOrganisations',
  'manageUsers',
  'viewUsers',
  'viewOutbox',
  'viewCompanies',
  'viewApiDocs',
  'registerCompanies',
  'importCompanies',
  'lookUpCompanies',
  'viewHandovers',
  'decideHandovers',
  'viewActivities',
  'createActivities',
  'logInterventions',
  'viewTimeReport',
  'viewTimeReportsOfOthers',
  'viewMyWeek',
  'runReminders',
  'viewProgrammeActionTotals',
  'manageEmissionFactorSets',
  'viewFunderReports',
  'manageProgrammeSettings',
  'freezeFunderReports',
  /** Reports on the whole programme or any organisation (a coach's are their own organisation's). */
  'viewProgrammeFunderReports',
  /** State aid (issue 13): staff read the hourly and EUR rates and export the grants of a period
   * (a coach their own organisation's); project management keeps the rates and the settings. */
  'viewStateAidRates',
  'manageStateAidRates',
  'exportStateAidGrants',
] as const;
export type Ability = (typeof abilities)[number];

const roleAbilities: Record<Role, readonly Ability[]> = {
  // Project management runs the programme: every ability.
  admin: abilities,
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

/** True when the actor's role grants the ability. Project management (admin) runs the
 * programme's set-up; coaches see their colleagues; company users only their own things. */
export function can(actor: Actor, ability: Ability): boolean {
  if (actor.kind === 'anonymous') return false;
  return roleAbilities[actor.role].includes(ability);
}

/** The abilities of an actor, as the web's navigation reads them. */
export function abilitiesOf(actor: Actor): Record<Ability, boolean> {
  return Object.fromEntries(abilities.map((ability) => [ability, can(actor, ability)])) as Record<Ability, boolean>;
}

/** The role-specific tenant fields a user account must have: a coach belongs to exactly one
 * organisation, a company user to exactly one company, an admin to neither. */
export function tenantShapeError(
  role: Role,
  organisationId: string | null | undefined,
  companyId: string | null | undefined,
): 'organisation_required' | 'company_required' | 'organisation_not_allowed' | 'company_not_allowed' | null {
  switch (role) {
    case 'admin':
      if (organisationId) return 'organisation_not_allowed';
      if (companyId) return 'company_not_allowed';
      return null;
    case 'coach':
      if (!organisationId) return 'organisation_required';
      if (companyId) return 'company_not_allowed';
      return null;
    case 'company':
      if (!companyId) return 'company_required';
      if (organisationId) return 'organisation_not_allowed';
      return null;
  }
}

/** What an actor may do with one company they can see in full. Company users read their own
 * company but do not change the register (docs/architecture.md: "read-mostly"); they keep its
 * contact persons (add colleagues with gender and consent, correct them), while a person's export
 * and erasure go through the coach or project management (decisions 012 and 043). */
export function companyRecordAbilities(
  actor: Actor,
  company: CompanyRef,
): {
  canEdit: boolean;
  canChangeStatus: boolean;
  canManageContacts: boolean;
  canEraseContacts: boolean;
  /** A company user who adds a colleague records the colleague's consent then: no coach has asked. */
  mustRecordConsent: boolean;
} {
  const hasFullAccess = companyAccess(actor, company) === 'full';
  const isWorker = hasFullAccess && actor.kind === 'user' && actor.role !== 'company';
  return {
    canEdit: isWorker,
    canChangeStatus: isWorker,
    canManageContacts: hasFullAccess,
    canEraseContacts: isWorker,
    mustRecordConsent: hasFullAccess && !isWorker,
  };
}

/**
 * Who gives the people of a company a login to its portal (issue 15; decision 043): project
 * management and the coaches of the company's responsible organisation invite its users and
 * decide whether the company's own users may invite colleagues; a company user sees the accounts
 * of their own company and invites colleagues only while the company's setting allows it.
 */
export function companyUserAbilities(
  actor: Actor,
  company: CompanyRef & { allowsColleagueInvites: boolean },
): { canSeeUsers: boolean; canInvite: boolean; canChangeColleagueInvites: boolean } {
  const canSeeUsers = companyAccess(actor, company) === 'full';
  const isStaff = canSeeUsers && actor.kind === 'user' && actor.role !== 'company';
  return {
    canSeeUsers,
    canInvite: isStaff || (canSeeUsers && company.allowsColleagueInvites),
    canChangeColleagueInvites: isStaff,
  };
}

/** Whether the actor may take a copy of a company's data (the register row, contacts,
 * measurements, action plan, analyses): whoever works on it in full, the company's users
 * included, since the data is about them (issue 15; decision 043). */
export function canExportCompanyData(actor: Actor, company: CompanyRef): boolean {
  return companyAccess(actor, company) === 'full';
}

/** Whether the actor sees a sole trader's personal identity number in full: only the responsible
 * organisation, the company itself and project management; everyone else sees it masked. */
export function canSeeFullOrganisationNumber(actor: Actor, company: CompanyRef): boolean {
  if (actor.kind === 'anonymous') return false;
  switch (actor.role) {
    case 'admin':
      return true;
    case 'coach':
      return actor.organisationId === company.organisationId;
    case 'company':
      return actor.companyId === company.id;
  }
}

/** The companies whose sole traders' numbers the actor sees in full, as a filter a query can apply:
 * the same set as canSeeFullOrganisationNumber, so a search matches the hidden digits of no other
 * sole trader (decision 008). Today it is the actor's company scope; the access test holds the two
 * rules together should either change. */
export function fullOrganisationNumberScope(actor: Actor): CompanyScope {
  return companyScope(actor);
}

/** What an actor may do with one activity, given the organisations that organise it. Every
 * signed-in user sees activities; an organiser's coaches and admins run it (edit, see every
 * registration, mark attendance); staff see the counts per company (docs/decisions/014). */
export function activityAbilities(
  actor: Actor,
  organiserIds: readonly string[],
): { canEdit: boolean; canSeeAllRegistrations: boolean; canMarkAttendance: boolean; canSeeCompanyCounts: boolean } {
  if (actor.kind === 'anonymous')
    return { canEdit: false, canSeeAllRegistrations: false, canMarkAttendance: false, canSeeCompanyCounts: false };
  const isOrganiser = actor.role === 'admin' || (actor.role === 'coach' && organiserIds.includes(actor.organisationId));
  return {
    canEdit: isOrganiser,
    canSeeAllRegistrations: isOrganiser,
    canMarkAttendance: isOrganiser,
    canSeeCompanyCounts: actor.role !== 'company',
  };
}

/** Whether the actor sees (and may cancel) a registration: an organiser of the activity, or whoever
 * has full access to the registered person's company. Registrations follow the company's access. */
export function canSeeRegistration(actor: Actor, company: CompanyRef, organiserIds: readonly string[]): boolean {
  return activityAbilities(actor, organiserIds).canSeeAllRegistrations || companyAccess(actor, company) === 'full';
}

/** Whether the actor may sign up the people of a company: admin, the company's responsible
 * organisation, or the company's own users (docs/architecture.md "Roles"). */
export function canRegisterForCompany(actor: Actor, company: CompanyRef): boolean {
  return companyAccess(actor, company) === 'full';
}
/** A measurement as the rules see it (docs/decisions/013). */
export type AssessmentRef = {
  mode: 'coach' | 'self';
  status: 'draft' | 'submitted';
  isConfirmed: boolean;
};

/** Who starts a measurement of a company, and which kind: the company's organisation (and project
 * management) leads coach measurements; the company's own user fills in self-assessments. */
export function startableAssessmentMode(actor: Actor, company: CompanyRef): 'coach' | 'self' | null {
  if (actor.kind === 'anonymous' || companyAccess(actor, company) !== 'full') return null;
  return actor.role === 'company' ? 'self' : 'coach';
}

/**
 * What an actor may do with one measurement of a company they see in full. A coach measurement is
 * answered by the coach (with the company in the room); the company reads it once submitted, not
 * as a draft. A self-assessment is answered only by the company; the coach reads it and confirms
 * it by starting a coach measurement pre-filled from it, so both views are kept.
 */
export function assessmentAbilities(
  actor: Actor,
  company: CompanyRef,
  assessment: AssessmentRef,
): { canRead: boolean; canAnswer: boolean; canSubmit: boolean; canConfirm: boolean } {
  const none = { canRead: false, canAnswer: false, canSubmit: false, canConfirm: false };
  if (actor.kind === 'anonymous' || companyAccess(actor, company) !== 'full') return none;
  const isCompanyUser = actor.role === 'company';
  const isDraft = assessment.status === 'draft';
  const canRead = !(isCompanyUser && assessment.mode === 'coach' && isDraft);
  const isAnswerer = assessment.mode === 'self' ? isCompanyUser : !isCompanyUser;
  const canAnswer = canRead && isDraft && isAnswerer;
  return {
    canRead,
    canAnswer,
    canSubmit: canAnswer,
    canConfirm:
      !isCompanyUser && assessment.mode === 'self' && assessment.status === 'submitted' && !assessment.isConfirmed,
  };
}

/** Whether the actor may read the internal side of a company's record: interventions with their
 * notes, and the notes on its timeline. Staff with full access may; the company's own users see
 * their timeline without internal notes (issue 6, scope 5). */
export function canSeeInternalNotes(actor: Actor, company: CompanyRef): boolean {
  return companyAccess(actor, company) === 'full' && actor.kind === 'user' && actor.role !== 'company';
}

/** An intervention as the rules see it: the company it was for and the coach who logged it. */
export type InterventionRef = { companyId: string; coachId: string };

/**
 * Staff with full access to a company log interventions for it; the coach who logged an entry
 * changes or deletes it, and so does project management (corrections before a funder report).
 * A colleague reads but does not change another coach's hours.
 */
export function interventionAbilities(
  actor: Actor,
  company: CompanyRef,
  intervention: InterventionRef,
): { canEdit: boolean; canDelete: boolean } {
  const isAllowed =
    canSeeInternalNotes(actor, company) &&
    actor.kind === 'user' &&
    (actor.role === 'admin' || actor.userId === intervention.coachId);
  return { canEdit: isAllowed, canDelete: isAllowed };
}

/**
 * What an actor may do with a company's action plan (decision 019). Staff with full access to the
 * company (its organisation's coaches, project management) write every field, see and adopt the
 * catalogue's suggestions; the company's own users read their plan and report progress on it:
 * only the status and the realised effect (`progressFields` in src/contracts/action-plans.ts).
 */
export function actionAbilities(
  actor: Actor,
  company: CompanyRef,
): { canRead: boolean; canCreate: boolean; canEdit: boolean; canUpdateProgress: boolean; canSeeSuggestions: boolean } {
  const canRead = companyAccess(actor, company) === 'full';
  const isStaff = canSeeInternalNotes(actor, company);
  return {
    canRead,
    canCreate: isStaff,
    canEdit: isStaff,
    canUpdateProgress: canRead,
    canSeeSuggestions: isStaff,
  };
}

/**
 * What an actor may do with the analyses of a company they see in full (docs/decisions/020), as
 * with measurements: admin and the responsible organisation's coaches make and change analyses,
 * their findings and attachments and turn findings into actions; the company's own users read
 * their analyses and may add files (invoices, meter exports they hold), not change the analysis.
 * Another tenant's company is out of reach altogether (the service answers 404).
 */
export function analysisAbilities(
  actor: Actor,
  company: CompanyRef,
): { canRead: boolean; canEdit: boolean; canUploadAttachments: boolean; canConvertFindings: boolean } {
  const canRead = actor.kind === 'user' && companyAccess(actor, company) === 'full';
  const isStaff = canRead && actor.kind === 'user' && actor.role !== 'company';
  return { canRead, canEdit: isStaff, canUploadAttachments: canRead, canConvertFindings: isStaff };
}

/** Who deletes a file kept with an analysis: the staff who edit the analysis, and whoever uploaded it. */
export function canDeleteAnalysisAttachment(actor: Actor, company: CompanyRef, uploadedBy: string | null): boolean {
  const abilities = analysisAbilities(actor, company);
  return abilities.canEdit || (abilities.canRead && actor.kind === 'user' && actor.userId === uploadedBy);
}

/**
 * Whose figures an actor's funder report or dashboard covers (issue 12): an admin the whole
 * programme or the organisation asked for; a coach their own organisation only (asking for another
 * is refused: `forbidden`); a company user none of it.
 */
export function funderReportScope(
  actor: Actor,
  requestedOrganisationId: string | undefined,
): { organisationId: string | null } | 'forbidden' {
  if (actor.kind === 'anonymous' || !can(actor, 'viewFunderReports')) return 'forbidden';
  if (actor.role === 'admin') return { organisationId: requestedOrganisationId ?? null };
  if (actor.role !== 'coach') return 'forbidden';
  if (requestedOrganisationId && requestedOrganisationId !== actor.organisationId) return 'forbidden';
  return { organisationId: actor.organisationId };
}

/**
 * What an actor may do with a company's state aid (issue 13; decision 032). Whoever sees the
 * company in full reads its aid and declarations and may declare earlier aid (the company's own
 * user fills in the declaration in the portal); staff confirm a company user's declaration, make
 * grants and read the ledger of the whole undertaking, which holds other companies' aid.
 */
export function stateAidAbilities(
  actor: Actor,
  company: CompanyRef,
): {
  canRead: boolean;
  canDeclare: boolean;
  canConfirmDeclarations: boolean;
  canGrant: boolean;
  canSeeUndertakingLedger: boolean;
} {
  const canRead = companyAccess(actor, company) === 'full';
  const isStaff = canSeeInternalNotes(actor, company);
  return {
    canRead,
    canDeclare: canRead,
    canConfirmDeclarations: isStaff,
    canGrant: isStaff,
    canSeeUndertakingLedger: isStaff,
  };
}

/**
 * Whose figures an actor's programme dashboard covers (issue 12, item 1; decision 034): an admin
 * the whole programme or the organisation asked for; a coach their own organisation. Another
 * organisation's id is another tenant's record to a coach, so it answers as one that does not
 * exist (`not_found`, decision 003), where the funder report refuses it (`funderReportScope`); a
 * company user has no dashboard of the programme (`forbidden`).
 */
export function dashboardScope(
  actor: Actor,
  requestedOrganisationId: string | undefined,
): { organisationId: string | null } | 'forbidden' | 'not_found' {
  if (actor.kind === 'anonymous' || !can(actor, 'viewFunderReports')) return 'forbidden';
  if (actor.role === 'admin') return { organisationId: requestedOrganisationId ?? null };
  if (actor.role !== 'coach') return 'forbidden';
  if (requestedOrganisationId && requestedOrganisationId !== actor.organisationId) return 'not_found';
  return { organisationId: actor.organisationId };
}
