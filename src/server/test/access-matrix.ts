import { randomBytes } from 'node:crypto';
import { energyCarriers } from '../content/emission-factors';
import { calendarDate } from '../../core/calendar';
import { luhnCheckDigit } from '../../core/organisation-number';
import { randomUUID } from 'node:crypto';
import { publicSignUps, reminders, secondFactors } from '../db/schema';
import { newSecret, secretDigest } from '../modules/auth/passwords';
import { demoIds } from '../db/seed';
import { startEnrolment } from '../modules/auth/second-factor.service';
import { openTotpSecret, totpCodeAt } from '../modules/auth/totp';
import { requestHandover } from '../modules/handovers/handovers.service';
import { interestFormTokenAt } from '../modules/programme-page/programme-page.service';
import { getMaturityResults, saveAnswer, startAssessment } from '../modules/maturity/maturity.service';
import { logIntervention } from '../modules/interventions/interventions.service';
import { freezeReport } from '../modules/indicator-reports/frozen-reports.service';
import { getProgrammeSettings } from '../modules/indicator-reports/indicator-reports.service';
import { createAction, getAction, updateAction } from '../modules/action-plans/action-plans.service';
import { dismissSuggestion } from '../modules/action-plans/action-suggestions.service';
import { actionCatalogue } from '../content/action-catalogue';
import type { ActorName, TestApp } from './test-app';
import { fixtures } from './test-app';

// The access matrix (docs/quality.md S1): every route × every actor, with the answer each must get.
// "Own" actors belong to the tenant of the target record (organisation IDC, its company `first`);
// "other" actors belong to another organisation or company. A route missing here fails the
// inventory test; a rule removed from the core changes an answer here and fails the matrix.
// Every new route adds its row in the same commit.

export type Expected = Record<ActorName, number>;

/** Records the matrix creates before it runs, for routes that need a target in a given state. */
export type MatrixState = {
  invitedUserId: string;
  contactId: string;
  consentId: string;
  erasableContactId: string;
  handoverId: string;
  activityId: string;
  pastActivityId: string;
  registrationId: string;
  pastRegistrationId: string;
  /** A coach draft and a submitted coach measurement of the own company. */
  coachDraftId: string;
  coachDraftQuestionKey: string;
  submittedAssessmentId: string;
  /** Set by the submit row's body: a fresh, fully answered draft for each call. */
  submitTargetId: string;
  interventionId: string;
  /** Replaced by a fresh intervention each time the DELETE row builds its body. */
  deletableInterventionId: string;
  /** A reminder of the own coach. */
  reminderId: string;
  /** An action of the own company's plan. */
  actionId: string;
  /** A frozen report of the own organisation (issue 12). */
  frozenReportId: string;
  /** Set by the adopt row's body: a catalogue key the own company has not adopted yet. */
  adoptKey: string;
  /** Set by the restore row's body: a suggestion just dismissed for the own company. */
  restoreKey: string;
  /** An energy mapping of the own company, a finding of it and a file kept with it. */
  analysisId: string;
  findingId: string;
  attachmentId: string;
  /** A factor set an admin keeps in the platform. */
  factorSetKey: string;
  /** Replaced by fresh records as the DELETE, convert and upload rows build their bodies. */
  deletableAnalysisId: string;
  uploadAnalysisId: string;
  deletableFindingId: string;
  convertibleFindingId: string;
  deletableAttachmentId: string;
  /** State aid (issue 13): a rate of each kind, a single undertaking holding a company of the own
   * organisation, and (set by the confirm row's body) a company user's declaration to confirm. */
  hourlyRateId: string;
  eurRateId: string;
  stateAidUndertakingId: string;
  stateAidGrantId: string;
  declarationToConfirmId: string;
};

/** Creates the records some rows target. */
export async function prepareMatrix(t: TestApp): Promise<MatrixState> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie: await t.login('admin') },
    payload: {
      email: `matrix-${unique()}@demo.industryinwest.example`,
      name: 'Väntande Inbjudan',
      role: 'coach',
      organisationId: fixtures.ownOrganisationId,
    },
  });
  if (response.statusCode !== 201) throw new Error(`matrix set-up failed: ${response.body}`);
  const addContact = async (name: string) => {
    const contact = await t.app.inject({
      method: 'POST',
      url: `/api/companies/${fixtures.ownCompanyId}/contacts`,
      headers: { cookie: await t.login('admin') },
      payload: { name, gender: 'woman', email: `${unique()}@demo.industryinwest.example` },
    });
    if (contact.statusCode !== 201) throw new Error(`matrix set-up failed: ${contact.body}`);
    return (contact.json() as { id: string }).id;
  };
  // A hand-over asked for by a third organisation, on a company none of the matrix's actors hold.
  const gtcCoach = {
    kind: 'user',
    role: 'coach',
    userId: demoIds.users.coachGtc,
    organisationId: demoIds.organisations.gtc,
  } as const;
  const handover = await requestHandover(
    t.ctx,
    gtcCoach,
    demoIds.companies.fifth,
    'Företaget har flyttat till Göteborg',
  );
  const contactId = await addContact('Matris Kontaktsson');
  const consented = await t.app.inject({
    method: 'POST',
    url: `/api/contacts/${contactId}/consents`,
    headers: { cookie: await t.login('admin') },
    payload: { purpose: 'Nyhetsbrev', textVersion: '2026-01', givenOn: '2026-10-01T09:00:00+02:00' },
  });
  const consentId = (consented.json() as { consents: { id: string }[] }).consents[0]!.id;
  const activities = await prepareActivities(t, contactId);
  const draft = await startAssessment(t.ctx, matrixAdmin, fixtures.ownCompanyId, { area: 'foundation' });
  const [submitted] = (await getMaturityResults(t.ctx, matrixAdmin, fixtures.ownCompanyId)).assessments.filter(
    (a) => a.status === 'submitted',
  );
  const interventionId = await logMatrixIntervention(t);
  const analyses = await prepareAnalyses(t);
  // Every actor but the admin (who has a second factor) has an enrolment waiting for its code.
  for (const userId of [
    fixtures.ownCoachId,
    fixtures.ownCompanyUserId,
    demoIds.users.coachIucVast,
    demoIds.users.companySecond,
  ]) {
    await startEnrolment(t.ctx, userId);
  }
  const reminderId = randomUUID();
  await t.database.db.insert(reminders).values({
    id: reminderId,
    recipientId: fixtures.ownCoachId,
    sourceKind: 'follow_up',
    sourceId: interventionId,
    companyId: fixtures.ownCompanyId,
    dueOn: calendarDate(t.clock.now),
    createdAt: t.clock.now,
  });
  return {
    ...activities,
    ...analyses,
    reminderId,
    interventionId,
    deletableInterventionId: await logMatrixIntervention(t),
    invitedUserId: (response.json() as { id: string }).id,
    contactId,
    consentId,
    erasableContactId: await addContact('Matris Raderasson'),
    handoverId: handover.id,
    coachDraftId: draft.id,
    coachDraftQuestionKey: draft.model.content.dimensions[0]!.questions[0]!.key,
    submittedAssessmentId: submitted!.id,
    submitTargetId: '',
    actionId: await createMatrixAction(t),
    frozenReportId: (
      await freezeReport(t.ctx, matrixAdmin, {
        from: '2026-01-01',
        to: '2026-12-31',
        organisationId: fixtures.ownOrganisationId,
        title: 'Matrisrapport',
      })
    ).meta.id,
    adoptKey: '',
    restoreKey: '',
    ...(await prepareStateAid(t)),
    declarationToConfirmId: '',
  };
}

/** Rates for the current year and month, a confirmed declaration of the own company (so a grant
 * can be made), and an undertaking with a fresh company of the own organisation. */
async function prepareStateAid(t: TestApp) {
  const today = calendarDate(t.clock.now);
  const hourlyRate = await adminCall(t, 'POST', '/api/hourly-rates', {
    organisationId: fixtures.ownOrganisationId,
    year: Number(today.slice(0, 4)),
    rateSek: 900,
    decidedOn: `${today.slice(0, 4)}-01-01`,
  });
  const eurRate = await adminCall(t, 'POST', '/api/eur-rates', {
    month: today.slice(0, 7),
    sekPerEur: '11.2',
    source: 'Matriskurs',
  });
  await adminCall(t, 'POST', `/api/companies/${fixtures.ownCompanyId}/state-aid-declarations`, {
    hasEarlierAid: false,
    signedOn: today,
    signerName: 'Matris Firmatecknare',
  });
  const grant = (await adminCall(t, 'POST', `/api/companies/${fixtures.ownCompanyId}/state-aid-grants`, {
    grantedOn: today,
    plannedHours: 2,
  })) as unknown as { grant: { id: string } };
  const undertaking = await adminCall(t, 'POST', '/api/undertakings', { name: `Matriskoncern ${unique()}` });
  const company = await adminCall(t, 'POST', '/api/companies', {
    organisationNumber: freshOrganisationNumber(),
    name: `Koncernbolaget ${unique()} AB`,
    organisationId: fixtures.ownOrganisationId,
  });
  const response = await t.app.inject({
    method: 'PATCH',
    url: `/api/companies/${company.id}`,
    headers: { cookie: await t.login('admin') },
    payload: { version: company.version, undertakingId: undertaking.id },
  });
  if (response.statusCode !== 200) throw new Error(`matrix set-up failed: ${response.body}`);
  return {
    hourlyRateId: hourlyRate.id,
    eurRateId: eurRate.id,
    stateAidUndertakingId: undertaking.id,
    stateAidGrantId: grant.grant.id,
  };
}

/** A declaration the own company's user filled in, waiting for a coach. */
async function freshDeclarationToConfirm(t: TestApp): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/companies/${fixtures.ownCompanyId}/state-aid-declarations`,
    headers: { cookie: await t.login('companyOwn') },
    payload: { hasEarlierAid: false, signedOn: calendarDate(t.clock.now), signerName: 'Matris Undertecknare' },
  });
  if (response.statusCode !== 201) throw new Error(`matrix set-up failed: ${response.body}`);
  return (response.json() as { id: string }).id;
}

/** An action the own coach put in the own company's plan. */
async function createMatrixAction(t: TestApp): Promise<string> {
  const action = await createAction(t.ctx, matrixAdmin, fixtures.ownCompanyId, {
    area: 'energy_transition',
    title: 'Matrisåtgärd',
    expected: { kwh: 1000 },
  });
  return action.id;
}

/** Catalogue keys handed out one by one, so every adopt call adopts a key not yet in the plan. */
let nextCatalogueKey = 0;
function freshCatalogueKey(): string {
  return actionCatalogue[nextCatalogueKey++ % actionCatalogue.length]!.key;
}

async function actionVersion(t: TestApp, id: string): Promise<number> {
  return (await getAction(t.ctx, matrixAdmin, id)).version;
}

/** An upcoming and a past activity of the own organisation, each with a registration of the own
 * company's contact (staff may record registrations after the fact). */
async function prepareActivities(t: TestApp, contactId: string) {
  const cookie = await t.login('admin');
  const day = 86_400_000;
  const create = async (offsetDays: number) => {
    const startsAt = new Date(t.clock.now.getTime() + offsetDays * day);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { cookie },
      payload: {
        type: 'workshop',
        title: `Matrisworkshop ${unique()}`,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        organisationIds: [fixtures.ownOrganisationId],
        // The upcoming one is on the public page, with its sign-up (decision 046).
        isPublic: offsetDays > 0,
      },
    });
    if (created.statusCode !== 201) throw new Error(`matrix set-up failed: ${created.body}`);
    const activityId = (created.json() as { id: string }).id;
    const registered = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${activityId}/registrations`,
      headers: { cookie },
      payload: { contactIds: [contactId] },
    });
    if (registered.statusCode !== 201) throw new Error(`matrix set-up failed: ${registered.body}`);
    return {
      activityId,
      registrationId: (registered.json() as { registrations: { id: string }[] }).registrations[0]!.id,
    };
  };
  const upcoming = await create(14);
  const past = await create(-14);
  return {
    activityId: upcoming.activityId,
    registrationId: upcoming.registrationId,
    pastActivityId: past.activityId,
    pastRegistrationId: past.registrationId,
  };
}

/** A pending public sign-up of the activity, as if just sent: the token of its e-mailed link. */
async function pendingSignUpToken(t: TestApp, activityId: string): Promise<string> {
  const token = newSecret();
  await t.database.db.insert(publicSignUps).values({
    id: randomUUID(),
    activityId,
    tokenDigest: secretDigest(token),
    name: 'Mia Matrislänk',
    email: `lank-${unique()}@besok.example`,
    companyName: 'Matrislänken AB',
    organisationNumber: freshOrganisationNumber(),
    consentTextVersion: '2026-12',
    createdAt: t.clock.now,
    expiresAt: new Date(t.clock.now.getTime() + 3_600_000),
  });
  return token;
}

/** A fresh contact of the own company, for a registration that must not exist yet. */
async function freshOwnContactId(t: TestApp): Promise<string> {
  const contact = await t.app.inject({
    method: 'POST',
    url: `/api/companies/${fixtures.ownCompanyId}/contacts`,
    headers: { cookie: await t.login('admin') },
    payload: { name: 'Anmäld Matrisdeltagare', gender: 'not_stated' },
  });
  return (contact.json() as { id: string }).id;
}

async function registrationVersion(t: TestApp, activityId: string, registrationId: string): Promise<number> {
  const activity = (
    await t.app.inject({
      method: 'GET',
      url: `/api/activities/${activityId}`,
      headers: { cookie: await t.login('admin') },
    })
  ).json() as { registrations: { id: string; version: number }[] };
  return activity.registrations.find((r) => r.id === registrationId)!.version;
}

const matrixAdmin = { kind: 'user', role: 'admin', userId: demoIds.users.admin } as const;

/** A coach measurement of the own company with every question answered, ready to submit. */
async function answeredDraft(t: TestApp): Promise<{ id: string; version: number }> {
  const draft = await startAssessment(t.ctx, matrixAdmin, fixtures.ownCompanyId, { area: 'digitalisation' });
  for (const dimension of draft.model.content.dimensions) {
    for (const question of dimension.questions) {
      await saveAnswer(t.ctx, matrixAdmin, draft.id, question.key, { level: 3, isNotApplicable: false });
    }
  }
  return { id: draft.id, version: draft.version };
}

/** An intervention the own coach logged on the own company today. */
async function logMatrixIntervention(t: TestApp): Promise<string> {
  const coach = {
    kind: 'user',
    role: 'coach',
    userId: fixtures.ownCoachId,
    organisationId: fixtures.ownOrganisationId,
  } as const;
  const logged = await logIntervention(t.ctx, coach, fixtures.ownCompanyId, {
    occurredOn: calendarDate(t.clock.now),
    kind: 'coaching',
    hours: 1,
    notes: 'Matrisanteckning',
  });
  return logged.id;
}

async function interventionVersion(t: TestApp, id: string): Promise<number> {
  const list = (
    await t.app.inject({
      method: 'GET',
      url: `/api/companies/${fixtures.ownCompanyId}/interventions`,
      headers: { cookie: await t.login('admin') },
    })
  ).json() as { items: { id: string; version: number }[] };
  return list.items.find((item) => item.id === id)!.version;
}

const matrixMapping = {
  year: 2025,
  factorSetKey: 'se-2023-residual-mix',
  lines: [{ carrier: 'electricity', quantity: 100_000, unit: 'kWh', costSek: 150_000 }],
};

async function adminCall(t: TestApp, method: 'POST' | 'GET', url: string, payload?: unknown) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie: await t.login('admin') },
    payload: payload as object,
  });
  if (response.statusCode >= 300) throw new Error(`matrix set-up failed: ${response.body}`);
  return response.json() as { id: string; version: number };
}

/** A fresh energy mapping of the own company, made by its coach's side (an admin). */
async function freshAnalysisId(t: TestApp): Promise<string> {
  return (
    await adminCall(t, 'POST', `/api/companies/${fixtures.ownCompanyId}/analyses`, {
      kind: 'energy_mapping',
      title: `Matriskartläggning ${unique()}`,
      content: matrixMapping,
    })
  ).id;
}

async function freshFindingId(t: TestApp, analysisId: string): Promise<string> {
  return (
    await adminCall(t, 'POST', `/api/analyses/${analysisId}/findings`, {
      title: `Matrisåtgärd ${unique()}`,
      carrier: 'electricity',
      expectedKwh: 1_000,
    })
  ).id;
}

async function freshAttachmentId(t: TestApp, analysisId: string): Promise<string> {
  return (
    await adminCall(t, 'POST', `/api/analyses/${analysisId}/attachments`, {
      filename: 'matris.txt',
      contentBase64: Buffer.from('matris').toString('base64'),
    })
  ).id;
}

/** A factor set's content with one value for every carrier, as the admin page sends it. */
export function matrixFactorSet(key: string) {
  return {
    key,
    name: { sv: 'Matrisset', en: 'Matrix set' },
    validFrom: '2025-01-01',
    source: { name: 'Projektledningen', publishedOn: '2026' },
    factors: energyCarriers.map(({ key: carrier }) => ({
      carrier,
      unit: 'kg CO2e/kWh',
      value: 0.1,
      source: { name: 'Matriskälla', publishedOn: '2026' },
    })),
  };
}

async function prepareAnalyses(t: TestApp) {
  const analysisId = await freshAnalysisId(t);
  const factorSetKey = `matrix-${unique()}`;
  await adminCall(t, 'POST', '/api/emission-factor-sets', matrixFactorSet(factorSetKey));
  return {
    analysisId,
    findingId: await freshFindingId(t, analysisId),
    attachmentId: await freshAttachmentId(t, analysisId),
    factorSetKey,
    deletableAnalysisId: await freshAnalysisId(t),
    uploadAnalysisId: await freshAnalysisId(t),
    deletableFindingId: await freshFindingId(t, analysisId),
    convertibleFindingId: await freshFindingId(t, analysisId),
    deletableAttachmentId: await freshAttachmentId(t, analysisId),
  };
}

async function analysisVersion(t: TestApp, id: string): Promise<number> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/analyses/${id}`,
    headers: { cookie: await t.login('admin') },
  });
  return (response.json() as { version: number }).version;
}

async function findingVersion(t: TestApp, analysisId: string, findingId: string): Promise<number> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/analyses/${analysisId}`,
    headers: { cookie: await t.login('admin') },
  });
  return (response.json() as { findings: { id: string; version: number }[] }).findings.find((f) => f.id === findingId)!
    .version;
}

/** A fresh valid organisation number for a legal person: prefix 5598 is kept for tests (the demo
 * data uses 5599). 100 000 numbers, so a file's few dozen registrations do not collide (a 409). */
export function freshOrganisationNumber(): string {
  const nine = `5598${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

/** A one-row CSV for the import routes, for the own organisation (which a coach may name). */
function importBody() {
  const csv = `Organisationsnummer;Företagsnamn\r\n${freshOrganisationNumber()};Importbolaget ${unique()} AB\r\n`;
  return {
    fileName: 'matris.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
    organisationId: fixtures.ownOrganisationId,
  };
}

async function companyStatusBody(t: TestApp) {
  const company = (
    await t.app.inject({
      method: 'GET',
      url: `/api/companies/${fixtures.ownCompanyId}`,
      headers: { cookie: await t.login('admin') },
    })
  ).json() as { version: number; status: string };
  // Back and forth along allowed moves, so every actor's call is a valid change.
  const next: Record<string, string> = {
    prospect: 'enrolled',
    enrolled: 'prospect',
    active: 'completed',
    completed: 'active',
    withdrawn: 'prospect',
  };
  return { version: company.version, status: next[company.status], changedOn: calendarDate(t.clock.now) };
}

async function contactVersion(t: TestApp, contactId: string): Promise<number> {
  const company = (
    await t.app.inject({
      method: 'GET',
      url: `/api/companies/${fixtures.ownCompanyId}`,
      headers: { cookie: await t.login('admin') },
    })
  ).json() as { contacts: { id: string; version: number }[] };
  return company.contacts.find((c) => c.id === contactId)!.version;
}

async function handoverVersion(t: TestApp, id: string): Promise<number> {
  const list = (
    await t.app.inject({
      method: 'GET',
      url: '/api/handover-requests?pageSize=100',
      headers: { cookie: await t.login('admin') },
    })
  ).json() as { items: { id: string; version: number }[] };
  return list.items.find((h) => h.id === id)!.version;
}

export type MatrixRow = {
  method: 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The route as registered (with :params). */
  route: string;
  /** The concrete URL to call; defaults to the route. */
  url?: (t: TestApp, state: MatrixState) => string;
  body?: (t: TestApp, state: MatrixState) => unknown;
  expected: Expected;
  /** The call ends the actor's session: use a fresh one. */
  needsFreshSession?: boolean;
  /** Registered only when the web app is built (dist/web). */
  isOptional?: boolean;
};

const everyone = (status: number): Expected => ({
  anonymous: status,
  admin: status,
  coachOwn: status,
  coachOther: status,
  companyOwn: status,
  companyOther: status,
});
const signedIn = (status: number): Expected => ({ ...everyone(status), anonymous: 401 });
const adminOnly = (status: number): Expected => ({ ...everyone(403), anonymous: 401, admin: status });
/** Staff (admins and coaches) may; company users may not. */
const staffOnly = (status: number): Expected => ({
  ...everyone(status),
  anonymous: 401,
  companyOwn: 403,
  companyOther: 403,
});
/** A record of the own company: its organisation works on it, the company reads it, others get 404. */
const ownCompanyRecord = (read: number, write: number, isWrite: boolean): Expected => ({
  anonymous: 401,
  admin: isWrite ? write : read,
  coachOwn: isWrite ? write : read,
  coachOther: 404,
  companyOwn: isWrite ? 403 : read,
  companyOther: 404,
});

/** A record of the own company that its own users keep as well as its organisation (the contact
 * persons, decision 043); others get 404. */
const ownCompanyKept = (status: number): Expected => ({ ...ownCompanyRecord(status, status, false) });

/** A frozen report of the own organisation: admins and its coaches read it, another organisation's
 * coach gets 404, company users 403 (funder reports are not theirs). */
const frozenReportRecord = (admin: number, coachOwn: number): Expected => ({
  anonymous: 401,
  admin,
  coachOwn,
  coachOther: 404,
  companyOwn: 403,
  companyOther: 403,
});

/** Figures of the own organisation (the dashboard, decision 034): admins and its coaches read them,
 * another organisation's coach gets 404 (its id is another tenant's record), company users 403. */
const ownOrganisationFigures: Expected = {
  anonymous: 401,
  admin: 200,
  coachOwn: 200,
  coachOther: 404,
  companyOwn: 403,
  companyOther: 403,
};

const unusedToken = () => randomBytes(32).toString('base64url');
const unique = () => randomBytes(4).toString('hex');

/** A six-digit code that is right for nobody now: not the code of any stored secret at ± one step. */
async function wrongCodeForEveryone(t: TestApp): Promise<string> {
  const rows = await t.database.db.select().from(secondFactors);
  const right = new Set(
    rows.flatMap((row) => {
      const secret = openTotpSecret(t.ctx.config.secondFactorKey, row.userId, row.sealedSecret);
      return [-30_000, 0, 30_000].map((offset) => totpCodeAt(secret, new Date(t.clock.now.getTime() + offset)));
    }),
  );
  for (let n = 0; ; n += 1) {
    const code = String(n).padStart(6, '0');
    if (!right.has(code)) return code;
  }
}

async function currentVersion(t: TestApp, url: string): Promise<number> {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie: await t.login('admin') } });
  return (response.json() as { version: number }).version;
}

export const matrix: MatrixRow[] = [
  // Health and documentation: public, no data.
  { method: 'GET', route: '/livez', expected: everyone(200) },
  { method: 'GET', route: '/readyz', expected: everyone(200) },
  // Metrics: for the bearer of METRICS_TOKEN (which the matrix's app has) and no session (decision 037).
  { method: 'GET', route: '/metrics', expected: everyone(401) },
  { method: 'GET', route: '/api/openapi.json', expected: everyone(200) },
  { method: 'GET', route: '/api/docs', expected: everyone(200) },
  { method: 'HEAD', route: '/api/docs/', expected: everyone(200) },
  { method: 'GET', route: '/api/docs/json', expected: everyone(200) },
  { method: 'GET', route: '/api/docs/yaml', expected: everyone(200) },
  { method: 'GET', route: '/api/docs/static/index.html', expected: everyone(302) },
  { method: 'GET', route: '/api/docs/static/swagger-initializer.js', expected: everyone(200) },
  { method: 'GET', route: '/api/docs/static/*', url: () => '/api/docs/static/swagger-ui.css', expected: everyone(200) },
  // The built web app: static files, and page URLs answered with the app shell.
  { method: 'GET', route: '/*', url: () => '/index.html', expected: everyone(200), isOptional: true },
  // The first page: drawn with its data for who is signed in (decision 052), else the shell.
  { method: 'GET', route: '/', expected: everyone(200), isOptional: true },

  // Sign-in and the own account.
  {
    method: 'POST',
    route: '/api/auth/login',
    body: () => ({ email: fixtures.emails.coachOwn, password: fixtures.password }),
    expected: everyone(200),
  },
  { method: 'POST', route: '/api/auth/logout', body: () => ({}), expected: everyone(204), needsFreshSession: true },
  { method: 'GET', route: '/api/auth/session', expected: everyone(200) },
  { method: 'GET', route: '/api/auth/me', expected: signedIn(200) },
  { method: 'PATCH', route: '/api/auth/me', body: () => ({ locale: 'sv' }), expected: signedIn(200) },
  {
    method: 'POST',
    route: '/api/auth/password-reset/request',
    body: () => ({ email: `nobody-${unique()}@demo.industryinwest.example` }),
    expected: everyone(202),
  },
  {
    method: 'POST',
    route: '/api/auth/password-reset/confirm',
    body: () => ({ token: unusedToken(), password: 'a long enough new password' }),
    expected: everyone(404),
  },
  {
    method: 'GET',
    route: '/api/auth/invitations/:token',
    url: () => `/api/auth/invitations/${unusedToken()}`,
    expected: everyone(404),
  },
  {
    method: 'POST',
    route: '/api/auth/invitations/accept',
    body: () => ({ token: unusedToken(), password: 'a long enough new password' }),
    expected: everyone(404),
  },

  // The second factor of the own account (decision 021). The admin has one (required), the others
  // have an enrolment waiting; the code step needs a sign-in waiting for its code, which no actor has.
  { method: 'GET', route: '/api/auth/second-factor', expected: signedIn(200) },
  {
    method: 'POST',
    route: '/api/auth/second-factor/verify',
    body: async (t) => ({ code: await wrongCodeForEveryone(t) }),
    expected: everyone(401),
  },
  {
    method: 'POST',
    route: '/api/auth/second-factor/enrolment',
    body: () => ({}),
    expected: { ...signedIn(200), admin: 409 },
  },
  {
    method: 'POST',
    route: '/api/auth/second-factor/enrolment/confirm',
    body: async (t) => ({ code: await wrongCodeForEveryone(t) }),
    expected: { ...signedIn(400), admin: 409 },
  },
  {
    method: 'POST',
    route: '/api/auth/second-factor/recovery-codes',
    body: async (t) => ({ code: await wrongCodeForEveryone(t) }),
    expected: { ...signedIn(409), admin: 400 },
  },
  {
    method: 'POST',
    route: '/api/auth/second-factor/disable',
    body: () => ({ password: 'not the password' }),
    expected: { ...signedIn(409), admin: 422 },
  },

  // Organisations: public facts for the signed-in; only admins change them.
  { method: 'GET', route: '/api/organisations', expected: signedIn(200) },
  {
    method: 'POST',
    route: '/api/organisations',
    body: () => ({ name: `Testorganisation ${unique()}`, shortName: 'Test', reportingAreas: [] }),
    expected: adminOnly(201),
  },
  {
    method: 'GET',
    route: '/api/organisations/:id',
    url: () => `/api/organisations/${fixtures.ownOrganisationId}`,
    expected: signedIn(200),
  },
  {
    method: 'PATCH',
    route: '/api/organisations/:id',
    url: () => `/api/organisations/${fixtures.ownOrganisationId}`,
    body: async (t) => ({
      version: await currentVersion(t, `/api/organisations/${fixtures.ownOrganisationId}`),
      shortName: 'IDC',
    }),
    expected: adminOnly(200),
  },

  // Users: admins manage all; coaches see their organisation's accounts; company users only themselves.
  {
    method: 'GET',
    route: '/api/users',
    expected: { anonymous: 401, admin: 200, coachOwn: 200, coachOther: 200, companyOwn: 403, companyOther: 403 },
  },
  {
    method: 'POST',
    route: '/api/users',
    body: () => ({
      email: `invited-${unique()}@demo.industryinwest.example`,
      name: 'Inbjuden Testperson',
      role: 'company',
      companyId: fixtures.ownCompanyId,
    }),
    expected: adminOnly(201),
  },
  {
    method: 'GET',
    route: '/api/users/:id',
    url: () => `/api/users/${fixtures.ownCompanyUserId}`,
    expected: { anonymous: 401, admin: 200, coachOwn: 200, coachOther: 404, companyOwn: 200, companyOther: 404 },
  },
  {
    method: 'PATCH',
    route: '/api/users/:id',
    url: () => `/api/users/${fixtures.ownCompanyUserId}`,
    body: async (t) => ({
      version: await currentVersion(t, `/api/users/${fixtures.ownCompanyUserId}`),
      name: 'Greta Testberg',
    }),
    expected: adminOnly(200),
  },
  // Resetting a lost second factor: admins only. The coach has none on, so the admin's answer is the
  // 409 of the rule behind the access check (second-factor.test.ts shows the reset itself).
  {
    method: 'POST',
    route: '/api/users/:id/second-factor/reset',
    url: () => `/api/users/${fixtures.ownCoachId}/second-factor/reset`,
    body: () => ({}),
    expected: adminOnly(409),
  },
  {
    method: 'POST',
    route: '/api/users/:id/invitation',
    url: (_t, state) => `/api/users/${state.invitedUserId}/invitation`,
    body: () => ({}),
    expected: adminOnly(202),
  },

  // The portal's logins of a company (decision 043): its coaches and project management invite; its
  // own users see who has a login and invite colleagues only once the coach allows it (off here).
  {
    method: 'GET',
    route: '/api/companies/:id/users',
    url: () => `/api/companies/${fixtures.ownCompanyId}/users`,
    expected: ownCompanyRecord(200, 200, false),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/users',
    url: () => `/api/companies/${fixtures.ownCompanyId}/users`,
    body: () => ({ email: `kollega-${unique()}@demo.industryinwest.example`, name: 'Inbjuden Kollega' }),
    expected: ownCompanyRecord(201, 201, true),
  },

  // The company register: each actor lists what they work on; other tenants' companies are 404.
  { method: 'GET', route: '/api/companies', expected: signedIn(200) },
  {
    method: 'GET',
    route: '/api/companies/lookup',
    url: () => '/api/companies/lookup?q=Exempel',
    expected: staffOnly(200),
  },
  {
    method: 'POST',
    route: '/api/companies',
    body: () => ({
      organisationNumber: freshOrganisationNumber(),
      name: `Matrisbolaget ${unique()} AB`,
      organisationId: fixtures.ownOrganisationId,
    }),
    // A coach registers for their own organisation only: another's id is a field error.
    expected: { ...staffOnly(201), coachOther: 400 },
  },
  {
    method: 'GET',
    route: '/api/companies/:id',
    url: () => `/api/companies/${fixtures.ownCompanyId}`,
    expected: ownCompanyRecord(200, 200, false),
  },
  {
    method: 'PATCH',
    route: '/api/companies/:id',
    url: () => `/api/companies/${fixtures.ownCompanyId}`,
    body: async (t) => ({
      version: await currentVersion(t, `/api/companies/${fixtures.ownCompanyId}`),
      city: 'Skövde',
    }),
    expected: ownCompanyRecord(200, 200, true),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/status',
    url: () => `/api/companies/${fixtures.ownCompanyId}/status`,
    body: (t) => companyStatusBody(t),
    expected: ownCompanyRecord(200, 200, true),
  },
  { method: 'GET', route: '/api/undertakings', expected: staffOnly(200) },
  {
    method: 'POST',
    route: '/api/undertakings',
    body: () => ({ name: `Koncern ${unique()}` }),
    expected: staffOnly(201),
  },

  // Spreadsheets: staff import for an organisation (a coach only for their own: another's id is
  // a field error); everyone signed in exports what they may list.
  {
    method: 'POST',
    route: '/api/companies/import/preview',
    body: () => importBody(),
    expected: { ...staffOnly(200), coachOther: 400 },
  },
  {
    method: 'POST',
    route: '/api/companies/import',
    body: () => ({ ...importBody(), mode: 'valid_rows' }),
    expected: { ...staffOnly(200), coachOther: 400 },
  },
  {
    method: 'GET',
    route: '/api/companies/export',
    url: () => '/api/companies/export?format=csv',
    expected: signedIn(200),
  },

  // The company portal's first page (decision 043): read by whoever sees the company in full.
  {
    method: 'GET',
    route: '/api/companies/:id/portal',
    url: () => `/api/companies/${fixtures.ownCompanyId}/portal`,
    expected: ownCompanyRecord(200, 200, false),
  },

  // A company's own data as a file (decision 043): whoever works on the company in full, its own
  // users included; another tenant's company is 404.
  {
    method: 'GET',
    route: '/api/companies/:id/export',
    url: () => `/api/companies/${fixtures.ownCompanyId}/export?format=json`,
    expected: ownCompanyRecord(200, 200, false),
  },

  // Contacts follow their company's access.
  {
    method: 'POST',
    route: '/api/companies/:id/contacts',
    url: () => `/api/companies/${fixtures.ownCompanyId}/contacts`,
    body: () => ({
      name: 'Ny Kontakt',
      gender: 'man',
      consent: {
        purpose: 'Kontakt om programmets aktiviteter',
        textVersion: '2026-01',
        givenOn: '2026-11-01T10:00:00+01:00',
      },
    }),
    // The company's own users keep its contact persons too (decision 043).
    expected: ownCompanyKept(201),
  },
  {
    method: 'PATCH',
    route: '/api/contacts/:id',
    url: (_t, state) => `/api/contacts/${state.contactId}`,
    body: async (t, state) => ({ version: await contactVersion(t, state.contactId), role: 'VD' }),
    expected: ownCompanyKept(200),
  },
  {
    method: 'POST',
    route: '/api/contacts/:id/consents',
    url: (_t, state) => `/api/contacts/${state.contactId}/consents`,
    body: () => ({
      purpose: 'Kontakt om programmets aktiviteter',
      textVersion: '2026-01',
      givenOn: '2026-11-01T10:00:00+01:00',
    }),
    expected: ownCompanyKept(201),
  },
  {
    method: 'POST',
    route: '/api/contacts/:id/consents/:consentId/withdraw',
    url: (_t, state) => `/api/contacts/${state.contactId}/consents/${state.consentId}/withdraw`,
    body: () => ({}),
    expected: ownCompanyKept(200),
  },
  {
    method: 'GET',
    route: '/api/contacts/:id/export',
    url: (_t, state) => `/api/contacts/${state.contactId}/export`,
    expected: ownCompanyRecord(200, 200, true),
  },
  {
    method: 'POST',
    route: '/api/contacts/:id/erase',
    url: (_t, state) => `/api/contacts/${state.erasableContactId}/erase`,
    body: () => ({}),
    expected: ownCompanyRecord(200, 200, true),
  },

  // Hand-overs: a coach asks for another organisation's company; an admin decides.
  {
    method: 'POST',
    route: '/api/companies/:id/handover-requests',
    url: () => `/api/companies/${fixtures.ownCompanyId}/handover-requests`,
    body: () => ({ reason: 'Vi har redan arbetat med företaget' }),
    // Only the coach of another organisation may ask; the holder's coach is told it already holds it.
    expected: { anonymous: 401, admin: 403, coachOwn: 422, coachOther: 201, companyOwn: 403, companyOther: 403 },
  },
  { method: 'GET', route: '/api/handover-requests', expected: staffOnly(200) },
  {
    method: 'POST',
    route: '/api/handover-requests/:id/decision',
    url: (_t, state) => `/api/handover-requests/${state.handoverId}/decision`,
    body: async (t, state) => ({
      version: await handoverVersion(t, state.handoverId),
      decision: 'refuse',
      note: 'Ansvaret ligger kvar',
    }),
    expected: adminOnly(200),
  },

  // The public programme page and its interest form: anyone, signed in or not (decision 045). The
  // form's token is a minute old, past the minimum fill time; each call is a new company.
  { method: 'GET', route: '/api/public/programme', expected: everyone(200) },
  { method: 'GET', route: '/api/public/interest-form', expected: everyone(200) },
  {
    method: 'POST',
    route: '/api/public/interest',
    body: (t) => ({
      formToken: interestFormTokenAt(t.ctx, new Date(t.clock.now.getTime() - 60_000)),
      companyName: 'Matrisverken AB',
      organisationNumber: freshOrganisationNumber(),
      municipalityCode: '1496',
      contactName: 'Mia Matris',
      email: 'mia.matris@matrisverken.example',
      areas: ['energy_transition'],
      hasConsent: true,
    }),
    expected: everyone(202),
  },

  // Public activities and their sign-up: anyone, signed in or not (decision 046). Each sign-up is
  // a new person; each link a fresh pending sign-up of the public activity.
  { method: 'GET', route: '/api/public/activities', expected: everyone(200) },
  {
    method: 'GET',
    route: '/api/public/activities/:id',
    url: (_t, state) => `/api/public/activities/${state.activityId}`,
    expected: everyone(200),
  },
  {
    method: 'POST',
    route: '/api/public/activities/:id/sign-ups',
    url: (_t, state) => `/api/public/activities/${state.activityId}/sign-ups`,
    body: (t) => ({
      formToken: interestFormTokenAt(t.ctx, new Date(t.clock.now.getTime() - 60_000)),
      name: 'Mats Matrisbesökare',
      email: `matris-${unique()}@besok.example`,
      companyName: 'Matrisbesöket AB',
      organisationNumber: freshOrganisationNumber(),
      hasConsent: true,
    }),
    expected: everyone(202),
  },
  {
    method: 'POST',
    route: '/api/public/sign-ups/confirm',
    body: async (t, state) => ({ token: await pendingSignUpToken(t, state.activityId) }),
    expected: everyone(200),
  },
  {
    method: 'POST',
    route: '/api/public/sign-ups/cancel',
    body: async (t, state) => ({ token: await pendingSignUpToken(t, state.activityId) }),
    expected: everyone(200),
  },

  // Reference data for pickers.
  { method: 'GET', route: '/api/reference/municipalities', expected: signedIn(200) },
  { method: 'GET', route: '/api/reference/sni-divisions', expected: signedIn(200) },

  // Activities: every signed-in user sees them; organisers run them; registrations follow the
  // company's access (docs/decisions/014).
  {
    method: 'GET',
    route: '/api/activities',
    url: () => '/api/activities?when=upcoming&type=workshop',
    expected: signedIn(200),
  },
  {
    method: 'POST',
    route: '/api/activities',
    body: (t) => ({
      type: 'training',
      title: 'Matrisutbildning',
      startsAt: new Date(t.clock.now.getTime() + 7 * 86_400_000).toISOString(),
      endsAt: new Date(t.clock.now.getTime() + 7 * 86_400_000 + 7_200_000).toISOString(),
      capacity: 10,
      areas: ['energy_transition'],
      organisationIds: [fixtures.ownOrganisationId],
    }),
    // A coach of another organisation may create activities, but not for the own organisation alone.
    expected: { ...staffOnly(201), coachOther: 400 },
  },
  {
    method: 'GET',
    route: '/api/activities/:id',
    url: (_t, state) => `/api/activities/${state.activityId}`,
    expected: signedIn(200),
  },
  {
    method: 'PATCH',
    route: '/api/activities/:id',
    url: (_t, state) => `/api/activities/${state.activityId}`,
    body: async (t, state) => ({
      version: await currentVersion(t, `/api/activities/${state.activityId}`),
      place: 'Skövde, Gothia Science Park',
    }),
    expected: { ...everyone(403), anonymous: 401, admin: 200, coachOwn: 200 },
  },
  {
    method: 'POST',
    route: '/api/activities/:id/registrations',
    url: (_t, state) => `/api/activities/${state.activityId}/registrations`,
    body: async (t) => ({ contactIds: [await freshOwnContactId(t)] }),
    expected: { ...ownCompanyRecord(201, 201, true), companyOwn: 201 },
  },
  {
    method: 'POST',
    route: '/api/registrations/:id/cancel',
    url: (_t, state) => `/api/registrations/${state.registrationId}/cancel`,
    body: () => ({}),
    expected: { ...ownCompanyRecord(200, 200, true), companyOwn: 200 },
  },
  {
    method: 'POST',
    route: '/api/activities/:id/attendance',
    url: (_t, state) => `/api/activities/${state.pastActivityId}/attendance`,
    body: async (t, state) => ({
      items: [
        {
          registrationId: state.pastRegistrationId,
          attended: true,
          version: await registrationVersion(t, state.pastActivityId, state.pastRegistrationId),
        },
      ],
    }),
    expected: { ...everyone(403), anonymous: 401, admin: 200, coachOwn: 200 },
  },

  // Maturity measurements (decision 013): the company's organisation leads them, the company
  // fills in self-assessments and reads submitted results; coach drafts are hidden from it.
  { method: 'GET', route: '/api/maturity/models', expected: signedIn(200) },
  {
    method: 'GET',
    route: '/api/companies/:id/maturity',
    url: () => `/api/companies/${fixtures.ownCompanyId}/maturity`,
    expected: ownCompanyRecord(200, 200, false),
  },
  // The maturity report (issue 15): whoever sees the company's results takes it as a PDF.
  {
    method: 'GET',
    route: '/api/companies/:id/maturity-report',
    url: () => `/api/companies/${fixtures.ownCompanyId}/maturity-report?locale=en`,
    expected: ownCompanyRecord(200, 200, false),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/assessments',
    url: () => `/api/companies/${fixtures.ownCompanyId}/assessments`,
    body: () => ({ area: 'foundation' }),
    // A company user starts a self-assessment of its own company.
    expected: { ...ownCompanyRecord(201, 201, true), companyOwn: 201 },
  },
  {
    method: 'GET',
    route: '/api/assessments/:id',
    url: (_t, state) => `/api/assessments/${state.submittedAssessmentId}`,
    expected: ownCompanyRecord(200, 200, false),
  },
  {
    method: 'PUT',
    route: '/api/assessments/:id/answers/:questionKey',
    url: (_t, state) => `/api/assessments/${state.coachDraftId}/answers/${state.coachDraftQuestionKey}`,
    body: () => ({ level: 3, comment: 'Matris' }),
    expected: { ...ownCompanyRecord(200, 200, true), companyOwn: 404 },
  },
  {
    method: 'POST',
    route: '/api/assessments/:id/submit',
    url: (_t, state) => `/api/assessments/${state.submitTargetId}/submit`,
    body: async (t, state) => {
      const draft = await answeredDraft(t);
      state.submitTargetId = draft.id;
      return { version: draft.version, nextDueOn: '2027-05-31' };
    },
    expected: { ...ownCompanyRecord(200, 200, true), companyOwn: 404 },
  },

  // Interventions (the coaching log) follow their company's access and are internal: a company
  // user gets 403 on their own company's log. A coach changes their own entries.
  {
    method: 'GET',
    route: '/api/companies/:id/interventions',
    url: () => `/api/companies/${fixtures.ownCompanyId}/interventions`,
    expected: ownCompanyRecord(200, 200, true),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/interventions',
    url: () => `/api/companies/${fixtures.ownCompanyId}/interventions`,
    body: (t) => ({ occurredOn: calendarDate(t.clock.now), kind: 'coaching', hours: 1.5, area: 'foundation' }),
    expected: ownCompanyRecord(201, 201, true),
  },
  {
    method: 'PATCH',
    route: '/api/interventions/:id',
    url: (_t, state) => `/api/interventions/${state.interventionId}`,
    body: async (t, state) => ({ version: await interventionVersion(t, state.interventionId), hours: 2 }),
    expected: ownCompanyRecord(200, 200, true),
  },
  {
    method: 'DELETE',
    route: '/api/interventions/:id',
    url: (_t, state) => `/api/interventions/${state.deletableInterventionId}`,
    body: async (t, state) => {
      state.deletableInterventionId = await logMatrixIntervention(t);
      return { version: 1 };
    },
    expected: ownCompanyRecord(204, 204, true),
  },
  // Analyses follow the company's access, as measurements do (decision 020): its organisation
  // works on them, the company's own users read them and add files, other tenants get 404.
  {
    method: 'GET',
    route: '/api/companies/:id/analyses',
    url: () => `/api/companies/${fixtures.ownCompanyId}/analyses`,
    expected: ownCompanyRecord(200, 200, false),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/analyses',
    url: () => `/api/companies/${fixtures.ownCompanyId}/analyses`,
    body: () => ({ kind: 'energy_mapping', title: `Matris ${unique()}`, content: matrixMapping }),
    expected: ownCompanyRecord(201, 201, true),
  },
  {
    method: 'GET',
    route: '/api/analyses/:id',
    url: (_t, state) => `/api/analyses/${state.analysisId}`,
    expected: ownCompanyRecord(200, 200, false),
  },
  {
    method: 'PATCH',
    route: '/api/analyses/:id',
    url: (_t, state) => `/api/analyses/${state.analysisId}`,
    body: async (t, state) => ({
      kind: 'energy_mapping',
      version: await analysisVersion(t, state.analysisId),
      summary: 'Matris',
    }),
    expected: ownCompanyRecord(200, 200, true),
  },
  {
    method: 'DELETE',
    route: '/api/analyses/:id',
    url: (_t, state) => `/api/analyses/${state.deletableAnalysisId}`,
    body: async (t, state) => {
      state.deletableAnalysisId = await freshAnalysisId(t);
      return { version: 1 };
    },
    expected: ownCompanyRecord(204, 204, true),
  },
  {
    method: 'POST',
    route: '/api/analyses/:id/findings',
    url: (_t, state) => `/api/analyses/${state.analysisId}/findings`,
    body: () => ({ title: `Matrisfynd ${unique()}`, expectedKwh: 500 }),
    expected: ownCompanyRecord(201, 201, true),
  },
  {
    method: 'PATCH',
    route: '/api/analysis-findings/:id',
    url: (_t, state) => `/api/analysis-findings/${state.findingId}`,
    body: async (t, state) => ({
      version: await findingVersion(t, state.analysisId, state.findingId),
      investmentSek: 10_000,
    }),
    expected: ownCompanyRecord(200, 200, true),
  },
  {
    method: 'DELETE',
    route: '/api/analysis-findings/:id',
    url: (_t, state) => `/api/analysis-findings/${state.deletableFindingId}`,
    body: async (t, state) => {
      state.deletableFindingId = await freshFindingId(t, state.analysisId);
      return { version: 1 };
    },
    expected: ownCompanyRecord(204, 204, true),
  },
  {
    method: 'POST',
    route: '/api/analysis-findings/:id/action',
    url: (_t, state) => `/api/analysis-findings/${state.convertibleFindingId}/action`,
    body: async (t, state) => {
      state.convertibleFindingId = await freshFindingId(t, state.analysisId);
      return {};
    },
    expected: ownCompanyRecord(201, 201, true),
  },
  {
    method: 'GET',
    route: '/api/analyses/:id/attachments',
    url: (_t, state) => `/api/analyses/${state.analysisId}/attachments`,
    expected: ownCompanyRecord(200, 200, false),
  },
  {
    method: 'POST',
    route: '/api/analyses/:id/attachments',
    url: (_t, state) => `/api/analyses/${state.uploadAnalysisId}/attachments`,
    body: async (t, state) => {
      // A fresh analysis each time, so the count limit is never reached.
      state.uploadAnalysisId = await freshAnalysisId(t);
      return { filename: 'matris.csv', contentBase64: Buffer.from('a;b').toString('base64') };
    },
    expected: { ...ownCompanyRecord(201, 201, true), companyOwn: 201 },
  },
  {
    method: 'GET',
    route: '/api/analysis-attachments/:id',
    url: (_t, state) => `/api/analysis-attachments/${state.attachmentId}`,
    expected: ownCompanyRecord(200, 200, false),
  },
  {
    method: 'DELETE',
    route: '/api/analysis-attachments/:id',
    url: (_t, state) => `/api/analysis-attachments/${state.deletableAttachmentId}`,
    body: async (t, state) => {
      state.deletableAttachmentId = await freshAttachmentId(t, state.analysisId);
      return {};
    },
    // The company user deletes only the files it uploaded; this one an admin uploaded.
    expected: ownCompanyRecord(204, 204, true),
  },

  // Emission factor sets: everyone signed in reads them (mappings show them); admins keep them.
  { method: 'GET', route: '/api/emission-factor-sets', expected: signedIn(200) },
  {
    method: 'POST',
    route: '/api/emission-factor-sets',
    body: () => matrixFactorSet(`matrix-${unique()}`),
    expected: adminOnly(201),
  },
  {
    method: 'PATCH',
    route: '/api/emission-factor-sets/:key',
    url: (_t, state) => `/api/emission-factor-sets/${state.factorSetKey}`,
    body: async (t, state) => {
      const list = (
        await t.app.inject({
          method: 'GET',
          url: '/api/emission-factor-sets',
          headers: { cookie: await t.login('admin') },
        })
      ).json() as { sets: { set: { key: string }; version: number | null }[] };
      const version = list.sets.find((entry) => entry.set.key === state.factorSetKey)!.version!;
      return { version, set: matrixFactorSet(state.factorSetKey) };
    },
    expected: adminOnly(200),
  },

  // The time report: each coach their own; admins any coach's.
  { method: 'GET', route: '/api/time-report', expected: staffOnly(200) },
  { method: 'GET', route: '/api/time-report/export', expected: staffOnly(200) },

  // Time and cost per organisation: staff; a coach their own organisation (another answers 403).
  {
    method: 'GET',
    route: '/api/time-and-cost',
    url: () => `/api/time-and-cost?from=2026-01-01&to=2026-12-31&organisationId=${fixtures.ownOrganisationId}`,
    expected: { ...staffOnly(200), coachOther: 403 },
  },
  {
    method: 'GET',
    route: '/api/time-and-cost/export',
    url: () => `/api/time-and-cost/export?from=2026-01-01&to=2026-12-31&organisationId=${fixtures.ownOrganisationId}`,
    expected: { ...staffOnly(200), coachOther: 403 },
  },

  // The timeline follows the company's access; its own users read it without internal notes.
  {
    method: 'GET',
    route: '/api/companies/:id/timeline',
    url: () => `/api/companies/${fixtures.ownCompanyId}/timeline`,
    expected: ownCompanyRecord(200, 200, false),
  },

  // Reminders are personal: everyone lists their own; another's reminder answers 404.
  { method: 'GET', route: '/api/reminders', expected: signedIn(200) },
  {
    method: 'POST',
    route: '/api/reminders/:id/resolve',
    url: (_t, state) => `/api/reminders/${state.reminderId}/resolve`,
    body: () => ({ status: 'done' }),
    expected: { ...signedIn(404), coachOwn: 200 },
  },
  { method: 'POST', route: '/api/reminders/run', body: () => ({}), expected: adminOnly(200) },
  { method: 'GET', route: '/api/my-week', expected: staffOnly(200) },

  // Action plans (decision 019): the company's organisation writes the plan and works with the
  // suggestions; the company reads its plan and reports progress (status, realised effects).
  {
    method: 'GET',
    route: '/api/companies/:id/actions',
    url: () => `/api/companies/${fixtures.ownCompanyId}/actions`,
    expected: ownCompanyRecord(200, 200, false),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/actions',
    url: () => `/api/companies/${fixtures.ownCompanyId}/actions`,
    body: () => ({ area: 'foundation', title: 'Matrisåtgärd', expected: { sek: 1000 }, investmentSek: 500 }),
    expected: ownCompanyRecord(201, 201, true),
  },
  {
    method: 'GET',
    route: '/api/actions/:id',
    url: (_t, state) => `/api/actions/${state.actionId}`,
    expected: ownCompanyRecord(200, 200, false),
  },
  {
    method: 'PATCH',
    route: '/api/actions/:id',
    url: (_t, state) => `/api/actions/${state.actionId}`,
    body: async (t, state) => ({ version: await actionVersion(t, state.actionId), realised: { kwh: 900 } }),
    expected: { ...ownCompanyRecord(200, 200, true), companyOwn: 200 },
  },
  // Realised effects count once staff confirm them (decision 025): the company reports, the coach confirms.
  {
    method: 'POST',
    route: '/api/actions/:id/confirm-realised',
    url: (_t, state) => `/api/actions/${state.actionId}/confirm-realised`,
    body: async (t, state) => {
      const version = await actionVersion(t, state.actionId);
      const reported = await updateAction(t.ctx, matrixAdmin, state.actionId, { version, realised: { kwh: 950 } });
      return { version: reported.version };
    },
    expected: ownCompanyRecord(200, 200, true),
  },
  {
    method: 'GET',
    route: '/api/companies/:id/action-totals',
    url: () => `/api/companies/${fixtures.ownCompanyId}/action-totals`,
    expected: ownCompanyRecord(200, 200, false),
  },
  // Funder reports (issue 12, decision 027): admins for the programme or any organisation, coaches
  // for their own organisation only (another's: 403), company users none of it.
  {
    method: 'GET',
    route: '/api/indicator-report',
    url: () => '/api/indicator-report?from=2026-01-01&to=2026-12-31',
    expected: staffOnly(200),
  },
  {
    method: 'GET',
    route: '/api/indicator-report/participants',
    url: () => '/api/indicator-report/participants?from=2026-01-01&to=2026-12-31',
    expected: staffOnly(200),
  },
  { method: 'GET', route: '/api/programme-settings', expected: staffOnly(200) },
  {
    method: 'PATCH',
    route: '/api/programme-settings',
    body: async (t) => ({ version: (await getProgrammeSettings(t.ctx, matrixAdmin)).version, supportMinHours: 4 }),
    expected: adminOnly(200),
  },
  {
    method: 'GET',
    route: '/api/indicator-report/export',
    url: () => '/api/indicator-report/export?from=2026-01-01&to=2026-12-31',
    expected: staffOnly(200),
  },
  // The impact view: staff; a coach their own organisation (asking for another answers 403).
  {
    method: 'GET',
    route: '/api/impact',
    url: () => `/api/impact?from=2026-01-01&to=2026-12-31&organisationId=${fixtures.ownOrganisationId}`,
    expected: { ...staffOnly(200), coachOther: 403 },
  },
  {
    method: 'GET',
    route: '/api/impact/export',
    url: () => `/api/impact/export?from=2026-01-01&to=2026-12-31&organisationId=${fixtures.ownOrganisationId}`,
    expected: { ...staffOnly(200), coachOther: 403 },
  },
  // The programme dashboard (decision 034): the programme or any organisation for admins, a coach's
  // own organisation (another's answers 404), nothing for company users.
  {
    method: 'GET',
    route: '/api/dashboard',
    url: () => `/api/dashboard?organisationId=${fixtures.ownOrganisationId}&from=2026-01-01&to=2026-12-31`,
    expected: ownOrganisationFigures,
  },
  // Frozen reports: admins freeze; a coach reads their organisation's (another's answers 404);
  // company users none of it.
  { method: 'GET', route: '/api/frozen-reports', expected: staffOnly(200) },
  {
    method: 'POST',
    route: '/api/frozen-reports',
    body: () => ({ from: '2026-01-01', to: '2026-03-31', title: 'Kvartalsrapport' }),
    expected: adminOnly(201),
  },
  {
    method: 'GET',
    route: '/api/frozen-reports/:id',
    url: (_t, state) => `/api/frozen-reports/${state.frozenReportId}`,
    expected: frozenReportRecord(200, 200),
  },
  {
    method: 'GET',
    route: '/api/frozen-reports/:id/export',
    url: (_t, state) => `/api/frozen-reports/${state.frozenReportId}/export`,
    expected: frozenReportRecord(200, 200),
  },
  {
    method: 'GET',
    route: '/api/frozen-reports/:id/changes',
    url: (_t, state) => `/api/frozen-reports/${state.frozenReportId}/changes`,
    expected: frozenReportRecord(200, 200),
  },
  {
    method: 'POST',
    route: '/api/frozen-reports/:id/versions',
    url: (_t, state) => `/api/frozen-reports/${state.frozenReportId}/versions`,
    body: () => ({ reason: 'Rättad deltagarlista' }),
    expected: frozenReportRecord(201, 403),
  },
  // The programme's totals are aggregated figures of every organisation: staff read them.
  { method: 'GET', route: '/api/action-totals', expected: staffOnly(200) },
  {
    method: 'GET',
    route: '/api/action-totals',
    url: () => '/api/action-totals?from=2026-01-01&to=2026-12-31',
    expected: staffOnly(200),
  },
  {
    method: 'GET',
    route: '/api/action-totals/export',
    url: () => '/api/action-totals/export?from=2026-01-01&to=2026-12-31',
    expected: staffOnly(200),
  },
  {
    method: 'GET',
    route: '/api/companies/:id/action-suggestions',
    url: () => `/api/companies/${fixtures.ownCompanyId}/action-suggestions`,
    expected: ownCompanyRecord(200, 200, true),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/action-suggestions/:key/adopt',
    url: (_t, state) => `/api/companies/${fixtures.ownCompanyId}/action-suggestions/${state.adoptKey}/adopt`,
    body: (_t, state) => {
      state.adoptKey = freshCatalogueKey();
      return { locale: 'sv' };
    },
    expected: ownCompanyRecord(201, 201, true),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/action-suggestions/:key/dismiss',
    url: () => `/api/companies/${fixtures.ownCompanyId}/action-suggestions/${actionCatalogue.at(-1)!.key}/dismiss`,
    body: () => ({ reason: 'Passar inte nu' }),
    expected: ownCompanyRecord(204, 204, true),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/action-suggestions/:key/restore',
    url: (_t, state) => `/api/companies/${fixtures.ownCompanyId}/action-suggestions/${state.restoreKey}/restore`,
    body: async (t, state) => {
      state.restoreKey = actionCatalogue.at(-2)!.key;
      await dismissSuggestion(t.ctx, matrixAdmin, fixtures.ownCompanyId, state.restoreKey, {});
      return {};
    },
    expected: ownCompanyRecord(204, 204, true),
  },

  // State aid (issue 13, decision 032): staff read the rates and settings, admins keep them; whoever
  // sees the company in full reads its aid and declares earlier aid (the company's own user too);
  // staff confirm declarations, make grants and read the undertaking's ledger.
  { method: 'GET', route: '/api/hourly-rates', expected: staffOnly(200) },
  {
    method: 'POST',
    route: '/api/hourly-rates',
    body: () => ({ organisationId: fixtures.ownOrganisationId, year: 2099, rateSek: 1_000, decidedOn: '2026-01-15' }),
    expected: adminOnly(201),
  },
  {
    method: 'PATCH',
    route: '/api/hourly-rates/:id',
    url: (_t, state) => `/api/hourly-rates/${state.hourlyRateId}`,
    body: async (t, state) => {
      const list = (
        await t.app.inject({ method: 'GET', url: '/api/hourly-rates', headers: { cookie: await t.login('admin') } })
      ).json() as { items: { id: string; version: number }[] };
      return { version: list.items.find((r) => r.id === state.hourlyRateId)!.version, rateSek: 900 };
    },
    expected: adminOnly(200),
  },
  { method: 'GET', route: '/api/eur-rates', expected: staffOnly(200) },
  {
    method: 'POST',
    route: '/api/eur-rates',
    body: () => ({ month: '2099-12', sekPerEur: '11.0', source: 'Matriskälla' }),
    expected: adminOnly(201),
  },
  {
    method: 'PATCH',
    route: '/api/eur-rates/:id',
    url: (_t, state) => `/api/eur-rates/${state.eurRateId}`,
    body: async (t, state) => {
      const list = (
        await t.app.inject({ method: 'GET', url: '/api/eur-rates', headers: { cookie: await t.login('admin') } })
      ).json() as { items: { id: string; version: number }[] };
      return { version: list.items.find((r) => r.id === state.eurRateId)!.version, source: 'Matriskurs' };
    },
    expected: adminOnly(200),
  },
  { method: 'GET', route: '/api/state-aid-settings', expected: staffOnly(200) },
  {
    method: 'PATCH',
    route: '/api/state-aid-settings',
    body: async (t) => ({ version: await currentVersion(t, '/api/state-aid-settings'), declarationValidMonths: 12 }),
    expected: adminOnly(200),
  },
  {
    method: 'GET',
    route: '/api/companies/:id/state-aid',
    url: () => `/api/companies/${fixtures.ownCompanyId}/state-aid`,
    expected: ownCompanyRecord(200, 200, false),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/state-aid-declarations',
    url: () => `/api/companies/${fixtures.ownCompanyId}/state-aid-declarations`,
    body: (t) => ({ hasEarlierAid: false, signedOn: calendarDate(t.clock.now), signerName: 'Matris Tecknare' }),
    expected: { ...ownCompanyRecord(201, 201, true), companyOwn: 201 },
  },
  {
    method: 'POST',
    route: '/api/state-aid-declarations/:id/confirm',
    url: (_t, state) => `/api/state-aid-declarations/${state.declarationToConfirmId}/confirm`,
    body: async (t, state) => {
      state.declarationToConfirmId = await freshDeclarationToConfirm(t);
      return { version: 1 };
    },
    expected: ownCompanyRecord(200, 200, true),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/state-aid-grants/preview',
    url: () => `/api/companies/${fixtures.ownCompanyId}/state-aid-grants/preview`,
    body: (t) => ({ grantedOn: calendarDate(t.clock.now), plannedHours: 1 }),
    expected: ownCompanyRecord(200, 200, true),
  },
  {
    method: 'POST',
    route: '/api/companies/:id/state-aid-grants',
    url: () => `/api/companies/${fixtures.ownCompanyId}/state-aid-grants`,
    body: (t) => ({ grantedOn: calendarDate(t.clock.now), plannedHours: 1 }),
    expected: ownCompanyRecord(201, 201, true),
  },
  {
    method: 'GET',
    route: '/api/companies/:id/state-aid-declaration-form',
    url: () => `/api/companies/${fixtures.ownCompanyId}/state-aid-declaration-form?plannedAmountOre=100000`,
    expected: ownCompanyRecord(200, 200, false),
  },
  {
    method: 'GET',
    route: '/api/state-aid-grants/:id/notice',
    url: (_t, state) => `/api/state-aid-grants/${state.stateAidGrantId}/notice`,
    expected: ownCompanyRecord(200, 200, false),
  },
  {
    method: 'GET',
    route: '/api/state-aid-grants/export',
    url: () => '/api/state-aid-grants/export?from=2026-01-01&to=2030-12-31',
    expected: staffOnly(200),
  },
  {
    method: 'GET',
    route: '/api/undertakings/:id/state-aid',
    url: (_t, state) => `/api/undertakings/${state.stateAidUndertakingId}/state-aid`,
    expected: { ...ownCompanyRecord(200, 200, false), companyOwn: 403, companyOther: 403 },
  },

  // The development outbox holds links that sign people in: admins only.
  { method: 'GET', route: '/api/outbox', expected: adminOnly(200) },
];

/** Registered routes that no matrix row covers. Fastify answers HEAD for every GET route; those
 * HEAD twins share their GET row. */
export function uncoveredRoutes(
  routes: readonly { method: string; url: string }[],
  rows: readonly MatrixRow[],
): string[] {
  const covered = new Set(rows.map((row) => `${row.method} ${row.route}`));
  const getRoutes = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
  return routes
    .filter((r) => !(r.method === 'HEAD' && getRoutes.has(r.url)))
    .map((r) => `${r.method} ${r.url}`)
    .filter((key) => !covered.has(key));
}
