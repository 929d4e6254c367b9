import { randomUUID } from 'node:crypto';
import type {
  Activity,
  ActivityListQuery,
  ActivitySummary,
  AttendanceBody,
  createActivityBodySchema,
  RegisterContactsBody,
  updateActivityBodySchema,
} from '../../../contracts/activities';
import type { PublicActivity } from '../../../contracts/public-activities';
import type { z } from 'zod';
import {
  activityPeriodProblem,
  attendanceProblem,
  capacityChangeProblem,
  registrationsToPromote,
  selfRegistrationProblem,
  statusForNewRegistration,
  waitingListPositions,
} from '../../../core/activities';
import { activityAbilities, can, canRegisterForCompany, canSeeRegistration } from '../../../core/access';
import type { Actor, SignedInActor } from '../../../core/roles';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { conflict, forbidden, invalidField, notFound, ruleViolated, staleVersion, unauthenticated } from '../../errors';
import { currentProgrammeId } from '../../programme';
import { recordAudit, type AuditBy } from '../audit/audit.service';
import { listCompaniesWithoutGrant } from '../state-aid/state-aid.service';
import { registrationMail, type RegistrationMailKind } from './activities.mail';
import * as q from './activities.queries';

type CreateInput = z.output<typeof createActivityBodySchema>;
type RegistrationRowStatus = q.RegistrationRow['status'];
type UpdateInput = z.output<typeof updateActivityBodySchema>;

// Hooks for the company timeline and reminders (issue 6, branch `followup`): plain reads the
// caller scopes after its own access check.
export { listActivitiesAttendedByCompany, listUpcomingActivitiesOrganisedBy } from './activities.queries';

function signedIn(actor: Actor): SignedInActor {
  if (actor.kind === 'anonymous') throw unauthenticated();
  return actor;
}

function summaryOf(
  row: q.ActivitySummaryRow,
  organisers: Awaited<ReturnType<typeof q.organisersOf>>,
  areas: Awaited<ReturnType<typeof q.areasOf>>,
): ActivitySummary {
  return {
    ...row,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    areas: areas.filter((a) => a.activityId === row.id).map((a) => a.area),
    organisers: organisers
      .filter((o) => o.activityId === row.id)
      .map(({ id, name, shortName }) => ({ id, name, shortName })),
  };
}

/** A company's people signed up for activities that have not ended, soonest first, for its portal
 * (the caller has checked that the actor sees the company in full: registrations follow it). */
export async function listUpcomingRegistrationsOfCompany(db: Db, companyId: string, now: Date, limit: number) {
  const rows = await q.listUpcomingRegistrationsOfCompany(db, companyId, now, limit);
  return rows.map((row) => ({ ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() }));
}

/** Activities are visible to every signed-in user (issue 6, scope 5); filters and a page. */
export async function listActivities(ctx: AppContext, actor: Actor, query: ActivityListQuery) {
  const user = signedIn(actor);
  if (!can(user, 'viewActivities')) throw forbidden();
  const programmeId = await currentProgrammeId(ctx.db);
  const { rows, total } = await q.listActivities(ctx.db, programmeId, query, ctx.now());
  const ids = rows.map((row) => row.id);
  const [organisers, areas] = await Promise.all([q.organisersOf(ctx.db, ids), q.areasOf(ctx.db, ids)]);
  return {
    items: rows.map((row) => summaryOf(row, organisers, areas)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One activity with the registrations the actor may see and, for staff, the counts. A fixed
 * number of queries however many registrations it has (docs/quality.md P8). */
export async function getActivity(ctx: AppContext, actor: Actor, id: string, db: Db = ctx.db): Promise<Activity> {
  const user = signedIn(actor);
  const [row, activity] = await Promise.all([q.findActivitySummary(db, id), q.findActivityRow(db, id)]);
  if (!row || !activity) throw notFound('The activity');
  const [organisers, areas, registrationRows] = await Promise.all([
    q.organisersOf(db, [id]),
    q.areasOf(db, [id]),
    q.registrationsOf(db, id),
  ]);
  const organiserIds = organisers.map((o) => o.id);
  const abilities = activityAbilities(user, organiserIds);
  const counts = abilities.canSeeCompanyCounts
    ? await Promise.all([q.countsByGender(db, id), q.countsByCompany(db, id)]).then(([byGender, byCompany]) => ({
        byGender,
        byCompany,
      }))
    : null;
  const positions = waitingListPositions(registrationRows);
  const visible = registrationRows.filter((r) =>
    canSeeRegistration(user, { id: r.companyId, organisationId: r.companyOrganisationId }, organiserIds),
  );
  return {
    ...summaryOf(row, organisers, areas),
    description: activity.description,
    version: activity.version,
    abilities: {
      canEdit: abilities.canEdit,
      canMarkAttendance: abilities.canMarkAttendance,
      canSeeAllRegistrations: abilities.canSeeAllRegistrations,
    },
    registrations: visible.map((r) => ({
      id: r.id,
      contactId: r.contactId,
      contactName: r.contactName,
      companyId: r.companyId,
      companyName: r.companyName,
      status: r.status,
      waitingListPosition: positions.get(r.id) ?? null,
      registeredAt: r.registeredAt.toISOString(),
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
      attended: r.attended,
      version: r.version,
    })),
    counts,
  };
}

/** A coach may only organise on behalf of their own organisation (among others): otherwise they
 * could create an activity they cannot run. */
async function checkOrganisers(db: Db, actor: SignedInActor, organisationIds: readonly string[]): Promise<void> {
  if (actor.role === 'coach' && !organisationIds.includes(actor.organisationId)) {
    throw invalidField(
      'organisationIds',
      'own_organisation_required',
      'Your organisation must be one of the organisers',
    );
  }
  if (!(await q.organisationsExist(db, organisationIds))) {
    throw invalidField('organisationIds', 'unknown_organisation', 'An organisation in the list does not exist');
  }
}

function checkPeriod(startsAt: Date, endsAt: Date): void {
  if (activityPeriodProblem(startsAt, endsAt)) {
    throw invalidField('endsAt', 'ends_before_start', 'The end must be after the start');
  }
}

/** A coach (or admin) creates an activity organised by one or more organisations. */
export async function createActivity(ctx: AppContext, actor: Actor, input: CreateInput): Promise<Activity> {
  const user = signedIn(actor);
  if (!can(user, 'createActivities')) throw forbidden('Company users do not create activities');
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkPeriod(startsAt, endsAt);
  const id = randomUUID();
  const programmeId = await currentProgrammeId(ctx.db);
  await ctx.db.transaction(async (tx) => {
    await checkOrganisers(tx, user, input.organisationIds);
    const now = ctx.now();
    const values = {
      id,
      programmeId,
      type: input.type,
      title: input.title,
      description: input.description,
      startsAt,
      endsAt,
      place: input.place,
      onlineUrl: input.onlineUrl,
      capacity: input.capacity,
      costPerParticipantSek: input.costPerParticipantSek,
      isPublic: input.isPublic,
      createdBy: user.userId,
      createdAt: now,
      updatedAt: now,
    };
    await q.insertActivity(tx, values);
    await q.replaceAreas(tx, id, input.areas);
    await q.replaceOrganisers(tx, id, input.organisationIds);
    await recordAudit(tx, user, now, {
      action: 'activity.create',
      entityType: 'activity',
      entityId: id,
      organisationId: input.organisationIds[0],
      after: { ...values, areas: input.areas, organisationIds: input.organisationIds },
    });
  });
  return getActivity(ctx, user, id);
}

export type PendingMail = {
  kind: RegistrationMailKind;
  contactId: string;
  contactName: string;
  email: string | null;
  position: number | null;
  /** A closing paragraph with a one-time link (the public sign-up's cancel link, decision 046):
   * the text holds the outbox's marker where the link goes (decision 030). */
  withLink?: { text: string; oneTimeLink: string };
};

/** Sends the confirmations after the change is committed: a mail failure never undoes a
 * registration, and the activity row is not held locked while SMTP answers. No e-mail, no mail. */
export async function sendRegistrationMails(ctx: AppContext, activity: q.ActivityRow, mails: readonly PendingMail[]) {
  const now = ctx.now();
  const organiserEmail = ctx.config.mailFrom.match(/<([^>]+)>/)?.[1] ?? ctx.config.mailFrom;
  for (const mail of mails) {
    if (!mail.email) continue;
    const message = registrationMail(
      mail.kind,
      activity,
      { name: mail.contactName, email: mail.email },
      mail.position,
      organiserEmail,
      now,
      mail.withLink?.text,
    );
    const link = mail.withLink && { oneTimeLink: mail.withLink.oneTimeLink };
    await ctx.mailer.send(ctx.db, { ...message, ...link, contactId: mail.contactId }, now);
  }
}

/** Moves waiting registrations up into free places, first come first served; call with the
 * activity row locked. Returns the mails to send. */
async function promoteWaiting(tx: Db, actor: AuditBy, activity: q.ActivityRow, now: Date): Promise<PendingMail[]> {
  const [state, waiting] = await Promise.all([q.queueState(tx, activity.id), q.waitlistedInOrder(tx, activity.id)]);
  const promoted = registrationsToPromote(activity.capacity, state.registered, waiting);
  if (promoted.length === 0) return [];
  const people = await q.contactsWithCompany(
    tx,
    promoted.map((p) => p.contactId),
  );
  const mails: PendingMail[] = [];
  for (const registration of promoted) {
    const after = await q.updateRegistration(tx, registration.id, { status: 'registered' });
    const person = people.find((p) => p.id === registration.contactId);
    await recordAudit(tx, actor, now, {
      action: 'registration.promote',
      entityType: 'registration',
      entityId: registration.id,
      organisationId: person?.organisationId ?? null,
      before: { status: 'waitlisted' },
      after,
    });
    if (person && !person.erasedAt)
      mails.push({
        kind: 'promoted',
        contactId: person.id,
        contactName: person.name,
        email: person.email,
        position: null,
      });
  }
  return mails;
}

/** A new registration with its audit row. */
async function insertRegistration(
  tx: Db,
  by: AuditBy,
  now: Date,
  values: Parameters<typeof q.insertRegistration>[1] & { id: string },
  organisationId: string,
): Promise<void> {
  await q.insertRegistration(tx, values);
  await recordAudit(tx, by, now, {
    action: 'registration.create',
    entityType: 'registration',
    entityId: values.id,
    organisationId,
    after: values,
  });
}

/**
 * Registers one person, with the activity row locked: a free place or the waiting list, as for
 * any registration (the public sign-up's confirmation, decision 046). Answers the mail to send.
 */
export async function placeRegistration(
  tx: Db,
  by: AuditBy,
  activity: q.ActivityRow,
  person: { contactId: string; companyId: string; organisationId: string; name: string; email: string | null },
  now: Date,
): Promise<{ id: string; status: 'registered' | 'waitlisted'; mail: PendingMail }> {
  const state = await q.queueState(tx, activity.id);
  const status = statusForNewRegistration(activity.capacity, state.registered);
  const values = {
    id: randomUUID(),
    activityId: activity.id,
    contactId: person.contactId,
    companyId: person.companyId,
    status,
    sequence: state.maxSequence + 1,
    registeredAt: now,
    registeredBy: null,
  };
  await insertRegistration(tx, by, now, values, person.organisationId);
  const position = status === 'waitlisted' ? state.waitlisted + 1 : null;
  return {
    id: values.id,
    status,
    mail: { kind: status, contactId: person.contactId, contactName: person.name, email: person.email, position },
  };
}

/** Changes an activity; organisers and admins only. Capacity never drops below the places
 * already given (decision 014); a raised capacity moves the waiting list up. */
export async function updateActivity(ctx: AppContext, actor: Actor, id: string, input: UpdateInput): Promise<Activity> {
  const user = signedIn(actor);
  const mails = await ctx.db.transaction(async (tx) => {
    const before = await q.findActivityRow(tx, id, true);
    if (!before) throw notFound('The activity');
    const organiserIds = (await q.organisersOf(tx, [id])).map((o) => o.id);
    if (!activityAbilities(user, organiserIds).canEdit) throw forbidden('Only the organisers change an activity');
    if (before.version !== input.version) throw staleVersion(before.version);
    const startsAt = input.startsAt ? new Date(input.startsAt) : before.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : before.endsAt;
    checkPeriod(startsAt, endsAt);
    if (input.organisationIds) await checkOrganisers(tx, user, input.organisationIds);
    const state = await q.queueState(tx, id);
    if (input.capacity !== undefined && capacityChangeProblem(input.capacity, state.registered)) {
      throw invalidField(
        'capacity',
        'below_registered',
        `${state.registered} people already hold a place; cancel registrations first`,
      );
    }
    const now = ctx.now();
    const { version, areas, organisationIds, ...fields } = input;
    const after = await q.updateActivityIfVersion(tx, id, version, {
      ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
      startsAt,
      endsAt,
      updatedAt: now,
    });
    if (!after) throw staleVersion(before.version);
    if (areas) await q.replaceAreas(tx, id, areas);
    if (organisationIds) await q.replaceOrganisers(tx, id, organisationIds);
    await recordAudit(tx, user, now, {
      action: 'activity.update',
      entityType: 'activity',
      entityId: id,
      organisationId: organiserIds[0] ?? null,
      before,
      after: { ...after, ...(areas && { areas }), ...(organisationIds && { organisationIds }) },
    });
    return { activity: after, list: await promoteWaiting(tx, user, after, now) };
  });
  await sendRegistrationMails(ctx, mails.activity, mails.list);
  return getActivity(ctx, user, id);
}

/**
 * Registers people for an activity: each takes a free place or joins the waiting list, in the
 * order given. The activity row is locked (SELECT … FOR UPDATE) so concurrent requests queue and
 * the last place goes to exactly one of them. A person the actor may not register answers 404.
 */
export async function registerContacts(
  ctx: AppContext,
  actor: Actor,
  activityId: string,
  input: RegisterContactsBody,
): Promise<Activity> {
  const user = signedIn(actor);
  const result = await ctx.db.transaction(async (tx) => {
    const activity = await q.findActivityRow(tx, activityId, true);
    if (!activity) throw notFound('The activity');
    const now = ctx.now();
    if (user.role === 'company' && selfRegistrationProblem(activity.startsAt, now)) {
      throw ruleViolated('The activity has already started; ask your coach to record the registration');
    }
    const people = await q.contactsWithCompany(tx, input.contactIds);
    for (const contactId of input.contactIds) {
      const person = people.find((p) => p.id === contactId);
      if (!person || !canRegisterForCompany(user, { id: person.companyId, organisationId: person.organisationId })) {
        throw notFound('The contact');
      }
      if (person.erasedAt) throw ruleViolated('An erased person cannot be registered');
    }
    const already = await q.liveContactIds(tx, activityId, input.contactIds);
    if (already.length > 0) throw conflict('A person in the list is already registered for this activity');
    const state = await q.queueState(tx, activityId);
    let { registered, waitlisted, maxSequence } = state;
    const mails: PendingMail[] = [];
    for (const contactId of input.contactIds) {
      const person = people.find((p) => p.id === contactId)!;
      const status = statusForNewRegistration(activity.capacity, registered);
      if (status === 'registered') registered += 1;
      else waitlisted += 1;
      maxSequence += 1;
      const values = {
        id: randomUUID(),
        activityId,
        contactId,
        companyId: person.companyId,
        status,
        sequence: maxSequence,
        registeredAt: now,
        registeredBy: user.userId,
      };
      await insertRegistration(tx, user, now, values, person.organisationId);
      mails.push({
        kind: status,
        contactId,
        contactName: person.name,
        email: person.email,
        position: status === 'waitlisted' ? waitlisted : null,
      });
    }
    return { activity, mails, companyIds: people.map((p) => p.companyId) };
  });
  await sendRegistrationMails(ctx, result.activity, result.mails);
  const activity = await getActivity(ctx, user, activityId);
  if (user.role === 'company') return activity;
  // Support without a grant is still recorded (the records stay true), but the coach is told.
  const withoutGrant = await listCompaniesWithoutGrant(ctx.db, [...new Set(result.companyIds)]);
  return withoutGrant.length > 0
    ? { ...activity, stateAidWarnings: withoutGrant.map((c) => ({ ...c, warning: 'no_state_aid_grant' as const })) }
    : activity;
}

/** Cancels a registration; a freed place goes to the first on the waiting list, who is told by
 * e-mail. Cancelling twice changes nothing. Someone else's registration answers 404. */
export async function cancelRegistration(ctx: AppContext, actor: Actor, registrationId: string): Promise<Activity> {
  const user = signedIn(actor);
  const found = await q.findRegistrationRow(ctx.db, registrationId);
  if (!found) throw notFound('The registration');
  const result = await ctx.db.transaction(async (tx) => {
    const activity = (await q.findActivityRow(tx, found.activityId, true))!;
    const registration = (await q.findRegistrationRow(tx, registrationId))!;
    const [organisers, company] = await Promise.all([
      q.organisersOf(tx, [activity.id]),
      q.findCompanyRef(tx, registration.companyId),
    ]);
    if (
      !company ||
      !canSeeRegistration(
        user,
        company,
        organisers.map((o) => o.id),
      )
    ) {
      throw notFound('The registration');
    }
    return {
      activity,
      mails: await cancelLockedRegistration(tx, user, activity, registration, company.organisationId, ctx.now()),
    };
  });
  await sendRegistrationMails(ctx, result.activity, result.mails);
  return getActivity(ctx, user, found.activityId);
}

/**
 * Cancels a registration whose activity row the caller holds locked, and gives a freed place to
 * the first on the waiting list. Cancelling twice changes nothing. Answers the e-mails to send.
 */
export async function cancelLockedRegistration(
  tx: Db,
  by: AuditBy,
  activity: q.ActivityRow,
  registration: q.RegistrationRow,
  organisationId: string,
  now: Date,
): Promise<PendingMail[]> {
  if (registration.status === 'cancelled') return [];
  const after = await q.updateRegistration(tx, registration.id, { status: 'cancelled', cancelledAt: now });
  await recordAudit(tx, by, now, {
    action: 'registration.cancel',
    entityType: 'registration',
    entityId: registration.id,
    organisationId,
    before: registration,
    after,
  });
  const [person] = await q.contactsWithCompany(tx, [registration.contactId]);
  const mails: PendingMail[] =
    person && !person.erasedAt
      ? [{ kind: 'cancelled', contactId: person.id, contactName: person.name, email: person.email, position: null }]
      : [];
  if (registration.status === 'registered') mails.push(...(await promoteWaiting(tx, by, activity, now)));
  return mails;
}

/** Marks who attended, for the whole list in one request; organisers and admins, once the
 * activity has started. Each row carries the version read (stale → 409, nothing saved). */
export async function markAttendance(
  ctx: AppContext,
  actor: Actor,
  activityId: string,
  input: AttendanceBody,
): Promise<Activity> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const activity = await q.findActivityRow(tx, activityId);
    if (!activity) throw notFound('The activity');
    const organiserIds = (await q.organisersOf(tx, [activityId])).map((o) => o.id);
    if (!activityAbilities(user, organiserIds).canMarkAttendance)
      throw forbidden('Only the organisers mark attendance');
    const now = ctx.now();
    if (attendanceProblem(activity.startsAt, now))
      throw ruleViolated('Attendance is marked once the activity has started');
    const rows = await q.registrationsOf(tx, activityId);
    for (const item of input.items) {
      const row = rows.find((r) => r.id === item.registrationId);
      if (!row) throw notFound('The registration');
      if (row.status !== 'registered') throw ruleViolated('Only people holding a place can be marked');
      if (row.version !== item.version) throw staleVersion(row.version);
      if (row.attended === item.attended) continue;
      const after = await q.updateRegistration(tx, row.id, { attended: item.attended }, item.version);
      if (!after) throw staleVersion(row.version);
    }
    await recordAudit(tx, user, now, {
      action: 'activity.mark_attendance',
      entityType: 'activity',
      entityId: activityId,
      organisationId: organiserIds[0] ?? null,
      after: input.items,
    });
  });
  return getActivity(ctx, user, activityId);
}

// For the public activities and their sign-up (decision 046): plain reads and locked writes the
// public-activities module calls; it checks the sign-up's link, these know the registrations.

export type { ActivityRow } from './activities.queries';

function publicActivityOf(
  row: NonNullable<Awaited<ReturnType<typeof q.findPublicActivity>>>,
  organisers: Awaited<ReturnType<typeof q.organisersOf>>,
  areas: Awaited<ReturnType<typeof q.areasOf>>,
): PublicActivity {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    place: row.place,
    isOnline: row.onlineUrl !== null,
    areas: areas.filter((a) => a.activityId === row.id).map((a) => a.area),
    organisers: organisers
      .filter((o) => o.activityId === row.id)
      .map(({ id, name, shortName }) => ({ id, name, shortName })),
    placesLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.registeredCount),
  };
}

/** The public activities that have not started, soonest first, at most `limit`: non-personal fields. */
export async function listPublicActivities(db: Db, now: Date, limit: number): Promise<PublicActivity[]> {
  const rows = await q.listPublicActivities(db, await currentProgrammeId(db), now, limit);
  const ids = rows.map((row) => row.id);
  const [organisers, areas] = await Promise.all([q.organisersOf(db, ids), q.areasOf(db, ids)]);
  return rows.map((row) => publicActivityOf(row, organisers, areas));
}

/** One public activity that has not started, or undefined. */
export async function findPublicActivity(db: Db, id: string, now: Date): Promise<PublicActivity | undefined> {
  const row = await q.findPublicActivity(db, id, now);
  if (!row) return undefined;
  const [organisers, areas] = await Promise.all([q.organisersOf(db, [id]), q.areasOf(db, [id])]);
  return publicActivityOf(row, organisers, areas);
}

/** The activity row, locked until the transaction ends (registrations queue behind it). */
export async function lockActivity(tx: Db, id: string): Promise<q.ActivityRow | undefined> {
  return q.findActivityRow(tx, id, true);
}

/** The activity's organisers by short name: the first owns a prospect its public sign-up makes. */
export async function organiserIdsOf(db: Db, activityId: string): Promise<string[]> {
  return (await q.organisersOf(db, [activityId])).map((o) => o.id);
}

/** The person's live registration (a place or the waiting list) for the activity, if any. */
export async function liveRegistrationIdOf(db: Db, activityId: string, contactId: string) {
  const rows = await q.registrationsOf(db, activityId);
  return rows.find((r) => r.contactId === contactId && r.status !== 'cancelled')?.id;
}

/** Where a registration stands: its status and, on the waiting list, its position. */
export async function registrationStanding(
  db: Db,
  activityId: string,
  registrationId: string,
): Promise<{ status: RegistrationRowStatus; position: number | null } | undefined> {
  const registration = await q.findRegistrationRow(db, registrationId);
  if (!registration) return undefined;
  if (registration.status !== 'waitlisted') return { status: registration.status, position: null };
  const waiting = await q.waitlistedInOrder(db, activityId);
  return { status: 'waitlisted', position: waiting.findIndex((w) => w.id === registrationId) + 1 };
}

/** Cancels a registration by nobody signed in (the public sign-up's link), with the activity row
 * locked: as a coach's cancellation, the first on the waiting list moves up. */
export async function cancelRegistrationByLink(
  tx: Db,
  activity: q.ActivityRow,
  registrationId: string,
  now: Date,
): Promise<PendingMail[]> {
  const registration = await q.findRegistrationRow(tx, registrationId);
  const company = registration && (await q.findCompanyRef(tx, registration.companyId));
  if (!registration || !company) return [];
  return cancelLockedRegistration(tx, null, activity, registration, company.organisationId, now);
}
