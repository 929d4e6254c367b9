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
import { recordAudit } from '../audit/audit.service';
import { listCompaniesWithoutGrant } from '../state-aid/state-aid.service';
import { registrationMail, type RegistrationMailKind } from './activities.mail';
import * as q from './activities.queries';

type CreateInput = z.output<typeof createActivityBodySchema>;
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

type PendingMail = {
  kind: RegistrationMailKind;
  contactId: string;
  contactName: string;
  email: string | null;
  position: number | null;
};

/** Sends the confirmations after the change is committed: a mail failure never undoes a
 * registration, and the activity row is not held locked while SMTP answers. No e-mail, no mail. */
async function sendRegistrationMails(ctx: AppContext, activity: q.ActivityRow, mails: readonly PendingMail[]) {
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
    );
    await ctx.mailer.send(ctx.db, { ...message, contactId: mail.contactId }, now);
  }
}

/** Moves waiting registrations up into free places, first come first served; call with the
 * activity row locked. Returns the mails to send. */
async function promoteWaiting(
  tx: Db,
  actor: SignedInActor,
  activity: q.ActivityRow,
  now: Date,
): Promise<PendingMail[]> {
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
      await q.insertRegistration(tx, values);
      await recordAudit(tx, user, now, {
        action: 'registration.create',
        entityType: 'registration',
        entityId: values.id,
        organisationId: person.organisationId,
        after: values,
      });
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
    if (registration.status === 'cancelled') return { activity, mails: [] };
    const now = ctx.now();
    const after = await q.updateRegistration(tx, registrationId, { status: 'cancelled', cancelledAt: now });
    await recordAudit(tx, user, now, {
      action: 'registration.cancel',
      entityType: 'registration',
      entityId: registrationId,
      organisationId: company.organisationId,
      before: registration,
      after,
    });
    const [person] = await q.contactsWithCompany(tx, [registration.contactId]);
    const mails: PendingMail[] =
      person && !person.erasedAt
        ? [
            {
              kind: 'cancelled',
              contactId: person.id,
              contactName: person.name,
              email: person.email,
              position: null,
            },
          ]
        : [];
    if (registration.status === 'registered') mails.push(...(await promoteWaiting(tx, user, activity, now)));
    return { activity, mails };
  });
  await sendRegistrationMails(ctx, result.activity, result.mails);
  return getActivity(ctx, user, found.activityId);
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
