import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '../../../core/calendar';
import { addDays, reminderHorizon, weekOf } from '../../../core/interventions';
import type { Db } from '../../db/client';
import { outboxMessages, reminders, users } from '../../db/schema';
import { demoIds } from '../../db/seed';
import { createTestApp, dropPersistentDatabase, fixtures, type ActorName, type TestApp } from '../../test/test-app';
import * as make from '../../test/factories';
import { requestsAs } from '../../test/requests';
import { listDue } from './reminder-sources';
import { createJobRunner } from '../../jobs/job-runner';
import { emailReminder, scanReminders } from './reminders.service';
import { mailDate } from '../../mail/format';

async function call(t: TestApp, actor: ActorName, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: await t.login(actor), ...(payload !== undefined && { 'content-type': 'application/json' }) },
    ...(payload !== undefined && { payload: JSON.stringify(payload) }),
  });
}

async function logFollowUp(t: TestApp, companyId: string, occurredOn: string, nextFollowUpOn: string | null) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/companies/${companyId}/interventions`,
    headers: { cookie: await t.login('coachOwn'), 'content-type': 'application/json' },
    payload: JSON.stringify({ occurredOn, kind: 'follow_up_visit', hours: 1, nextFollowUpOn }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

/** Reminder e-mails in the outbox, per recipient and subject: each must appear once. */
async function reminderMailCounts(db: Db) {
  return db
    .select({ recipient: outboxMessages.recipient, subject: outboxMessages.subject, n: sql<number>`count(*)::int` })
    .from(outboxMessages)
    .where(like(outboxMessages.subject, 'Påminnelse:%'))
    .groupBy(outboxMessages.recipient, outboxMessages.subject);
}

describe('reminders survive a restart: no job lost, none sent twice', () => {
  const name = `restart_${randomBytes(4).toString('hex')}`;
  const now = new Date();
  const today = calendarDate(now);
  afterAll(async () => {
    await dropPersistentDatabase(name);
  });

  it('creates each reminder once and e-mails it exactly once across a crash and a new process', async () => {
    // First life: due follow-ups, a scan, one e-mail job, one e-mail written by a job that never
    // completes (the process dies between writing and acknowledging), then a hard stop.
    const first = await createTestApp({ persistent: name });
    first.clock.now = now;
    await logFollowUp(first, fixtures.ownCompanyId, today, today);
    await logFollowUp(first, demoIds.companies.sixth, addDays(today, -10), addDays(today, -3));
    const due = await listDue(first.ctx.db, { until: reminderHorizon(today) });
    expect(due.length).toBeGreaterThanOrEqual(2);

    const runner = createJobRunner(first.ctx, { hasWorkers: false });
    await runner.start();
    expect(await runner.runQueued({ limit: 2 })).toBe(2); // the start-up scan and one e-mail
    const open = await first.database.db.select().from(reminders);
    expect(open).toHaveLength(due.length);
    const unsent = open.filter((r) => r.emailedAt === null);
    expect(unsent).toHaveLength(due.length - 1);
    expect(await emailReminder(first.ctx, unsent[0]!.id)).toBe(true); // its job stays queued
    await runner.stop({ graceful: false });
    await first.close();

    // Second life on the same database: the start-up scan finds nothing new, the queued jobs and
    // the re-queued ones run, and what was e-mailed already is not e-mailed again.
    const second = await createTestApp({ persistent: name });
    second.clock.now = now;
    const again = createJobRunner(second.ctx, { hasWorkers: false });
    await again.start();
    expect(await again.runQueued()).toBeGreaterThanOrEqual(due.length);
    expect(await again.runQueued()).toBe(0);
    const { created } = await scanReminders(second.ctx);
    expect(created).toEqual([]);
    const rows = await second.database.db.select().from(reminders);
    expect(rows).toHaveLength(due.length);
    expect(rows.every((r) => r.emailedAt !== null)).toBe(true);
    const mails = await reminderMailCounts(second.database.db);
    expect(mails).toHaveLength(due.length);
    expect(mails.every((m) => m.n === 1)).toBe(true);
    await again.stop();
    await second.close();
  });
});

describe('reminders and my week', () => {
  let t: TestApp;
  // Weeks after the demo data's latest entries, so these entries are each company's latest.
  const today = calendarDate(new Date(Date.now() + 40 * 86_400_000));
  const week = weekOf(today);
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.now = new Date(`${today}T09:00:00+01:00`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('e-mails a reminder once even when two jobs for it run at the same time', async () => {
    await logFollowUp(t, fixtures.ownCompanyId, today, week.end);
    const { toEmail } = await scanReminders(t.ctx);
    const id = toEmail[0]!;
    const results = await Promise.all([emailReminder(t.ctx, id), emailReminder(t.ctx, id)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('shows what is overdue and due this week in my week, with this week’s hours', async () => {
    await logFollowUp(t, demoIds.companies.sixth, addDays(today, -5), addDays(today, -2));
    const mine = (await call(t, 'coachOwn', 'GET', '/api/my-week')).json() as {
      weekStart: string;
      weekEnd: string;
      overdue: { companyId: string; dueOn: string }[];
      dueThisWeek: { companyId: string; dueOn: string }[];
      interventionsThisWeek: { companyId: string }[];
      hoursThisWeek: number;
    };
    expect([mine.weekStart, mine.weekEnd]).toEqual([week.start, week.end]);
    expect(mine.overdue).toContainEqual(
      expect.objectContaining({ companyId: demoIds.companies.sixth, dueOn: addDays(today, -2) }),
    );
    expect(mine.dueThisWeek).toContainEqual(
      expect.objectContaining({ companyId: fixtures.ownCompanyId, dueOn: week.end }),
    );
    expect(mine.interventionsThisWeek.map((i) => i.companyId)).toContain(fixtures.ownCompanyId);
    expect(mine.hoursThisWeek).toBeGreaterThanOrEqual(1);
    // Another coach's week holds none of it.
    const other = (await call(t, 'coachOther', 'GET', '/api/my-week')).json() as { overdue: { companyId: string }[] };
    expect(other.overdue.map((i) => i.companyId)).not.toContain(demoIds.companies.sixth);
  });

  it('lists my open reminders and lets me mark one done; another person’s answers 404', async () => {
    const ran = await call(t, 'admin', 'POST', '/api/reminders/run', {});
    expect(ran.statusCode).toBe(200);
    const list = (await call(t, 'coachOwn', 'GET', '/api/reminders')).json() as {
      items: { id: string; companyId: string; dueState: string; isEmailed: boolean }[];
      openCount: number;
    };
    const sixth = list.items.find((r) => r.companyId === demoIds.companies.sixth)!;
    expect(sixth).toMatchObject({ dueState: 'overdue', isEmailed: true });
    expect(list.openCount).toBe(list.items.length);
    expect(
      (await call(t, 'coachOther', 'POST', `/api/reminders/${sixth.id}/resolve`, { status: 'done' })).statusCode,
    ).toBe(404);
    const after = (
      await call(t, 'coachOwn', 'POST', `/api/reminders/${sixth.id}/resolve`, { status: 'dismissed' })
    ).json() as {
      items: { id: string }[];
      openCount: number;
    };
    expect(after.items.map((r) => r.id)).not.toContain(sixth.id);
    expect(after.openCount).toBe(list.openCount - 1);
  });

  it('closes the follow-up reminders of a company when the follow-up is logged', async () => {
    await call(t, 'admin', 'POST', '/api/reminders/run', {});
    type Due = { companyId: string; sourceKind: string };
    // Only the follow-up reminders close; a measurement falling due is a reminder of its own.
    const followUps = (items: Due[]) => items.filter((r) => r.sourceKind === 'follow_up').map((r) => r.companyId);
    const before = (await call(t, 'coachOwn', 'GET', '/api/reminders')).json() as { items: Due[] };
    expect(followUps(before.items)).toContain(fixtures.ownCompanyId);
    // Logged later the same day: the latest entry is the one logged last (the clock is frozen).
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await logFollowUp(t, fixtures.ownCompanyId, today, null);
    const after = (await call(t, 'coachOwn', 'GET', '/api/reminders')).json() as { items: Due[] };
    expect(followUps(after.items)).not.toContain(fixtures.ownCompanyId);
    const week = (await call(t, 'coachOwn', 'GET', '/api/my-week')).json() as { dueThisWeek: Due[] };
    expect(followUps(week.dueThisWeek)).not.toContain(fixtures.ownCompanyId);
  });

  it('keeps my week from company users (403)', async () => {
    expect((await call(t, 'companyOwn', 'GET', '/api/my-week')).statusCode).toBe(403);
  });

  it('e-mails the reminder in Swedish with links to the company and to my week', async () => {
    // The coach's own reminder: other coaches may have theirs, in no particular order.
    const [mail] = await t.database.db
      .select()
      .from(outboxMessages)
      .where(
        and(
          like(outboxMessages.subject, 'Påminnelse: Uppföljning%'),
          eq(outboxMessages.recipient, fixtures.emails.coachOwn),
        ),
      )
      .limit(1);
    expect(mail, 'a follow-up reminder e-mailed to the coach').toBeDefined();
    expect(mail!.body).toContain('/my-week');
    expect(mail!.body).toMatch(/\/companies\/[0-9a-f-]{36}/);
  });
});

describe('actions falling due', () => {
  let t: TestApp;
  const today = calendarDate(new Date(Date.now() + 40 * 86_400_000));
  const week = weekOf(today);
  // A second coach of the company's organisation, who owns one action.
  const colleagueId = randomUUID();
  type Due = { sourceKind: string; sourceId: string; companyId: string; dueOn: string };
  type Week = { overdue: Due[]; dueThisWeek: Due[]; coming: Due[]; comingUntil: string };
  const dueIds = (w: Week) =>
    [...w.overdue, ...w.dueThisWeek].filter((d) => d.sourceKind === 'action').map((d) => d.sourceId);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.now = new Date(`${today}T09:00:00+01:00`);
    await t.database.db.insert(users).values({
      id: colleagueId,
      email: `kollega-${colleagueId}@example.test`,
      name: 'Kollega Exempel',
      role: 'coach',
      organisationId: fixtures.ownOrganisationId,
      status: 'active',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  // On the demo company: its contact owns one action, and its coach gets the unowned ones.
  const createAction = (body: Record<string, unknown>) =>
    make.createAction(
      requestsAs(() => t),
      'coachOwn',
      fixtures.ownCompanyId,
      { title: 'Åtgärd som förfaller', ...body },
    );

  it("puts an open action's due date in my week: the owning coach's, else the company's coach's", async () => {
    const company = (await call(t, 'coachOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}`)).json() as {
      contacts: { id: string }[];
    };
    const ofContact = await createAction({ ownerContactId: company.contacts[0]!.id, dueOn: addDays(today, -3) });
    const unowned = await createAction({ dueOn: week.end });
    const ofColleague = await createAction({ ownerUserId: colleagueId, dueOn: today });
    const done = await createAction({ dueOn: addDays(today, -1), status: 'done' });
    const later = await createAction({ dueOn: addDays(week.end, 1) });
    const lastComing = await createAction({ dueOn: addDays(week.end, 28) });
    const beyond = await createAction({ dueOn: addDays(week.end, 29) });
    const mine = (await call(t, 'coachOwn', 'GET', '/api/my-week')).json() as Week;
    // The next four weeks are shown apart, each item once; what lies beyond them is not.
    expect(mine.comingUntil).toBe(addDays(week.end, 28));
    const coming = mine.coming.filter((d) => d.sourceKind === 'action').map((d) => d.sourceId);
    expect(coming).toEqual(expect.arrayContaining([later.id, lastComing.id]));
    expect(coming).not.toContain(beyond.id);
    expect(coming).not.toContain(unowned.id);
    expect(mine.overdue).toContainEqual(
      expect.objectContaining({ sourceKind: 'action', sourceId: ofContact.id, dueOn: addDays(today, -3) }),
    );
    expect(mine.dueThisWeek).toContainEqual(expect.objectContaining({ sourceKind: 'action', sourceId: unowned.id }));
    expect(dueIds(mine)).not.toContain(ofColleague.id);
    expect(dueIds(mine)).not.toContain(done.id);
    expect(dueIds(mine)).not.toContain(later.id);
    const colleague = await listDue(t.ctx.db, { until: week.end, recipientId: colleagueId });
    expect(colleague.map((d) => [d.sourceKind, d.sourceId])).toEqual([['action', ofColleague.id]]);
    // Another organisation's coach sees none of them.
    const other = (await call(t, 'coachOther', 'GET', '/api/my-week')).json() as Week;
    expect(dueIds(other)).not.toContain(ofContact.id);

    // An owner who is no longer an active coach of the organisation hands the action to the company's coach.
    await t.database.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, colleagueId));
    const handed = (await call(t, 'coachOwn', 'GET', '/api/my-week')).json() as Week;
    expect(dueIds(handed)).toContain(ofColleague.id);
    await t.database.db.update(users).set({ status: 'active' }).where(eq(users.id, colleagueId));
  });

  it('e-mails the reminder of a due action and closes it when the action is done', async () => {
    const action = await createAction({ dueOn: addDays(today, -2), title: 'Isolera tryckluftsledningar' });
    expect((await call(t, 'admin', 'POST', '/api/reminders/run', {})).statusCode).toBe(200);
    const [reminder] = await t.database.db
      .select()
      .from(reminders)
      .where(and(eq(reminders.sourceKind, 'action'), eq(reminders.sourceId, action.id)));
    expect(reminder).toMatchObject({ recipientId: fixtures.ownCoachId, dueOn: addDays(today, -2), status: 'open' });
    expect(reminder!.emailedAt).not.toBeNull();
    const mails = await t.database.db
      .select()
      .from(outboxMessages)
      // The date the Swedish way, as the interface writes it ("5 dec. 2026"), not 2026-12-05.
      .where(like(outboxMessages.subject, `Påminnelse: Åtgärd – %, ${mailDate(addDays(today, -2))}`));
    expect(mails.map((m) => m.recipient)).toContain(fixtures.emails.coachOwn);
    expect(mails[0]!.subject).not.toContain(addDays(today, -2));
    expect(mails[0]!.body).toContain('En åtgärd ska vara klar hos');

    // The company reports it done: the reminder closes and it leaves my week.
    const patched = await call(t, 'companyOwn', 'PATCH', `/api/actions/${action.id}`, {
      version: action.version,
      status: 'done',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const list = (await call(t, 'coachOwn', 'GET', '/api/reminders')).json() as { items: { sourceId: string }[] };
    expect(list.items.map((r) => r.sourceId)).not.toContain(action.id);
    const [closed] = await t.database.db.select().from(reminders).where(eq(reminders.id, reminder!.id));
    expect(closed!.status).toBe('done');
    expect(dueIds((await call(t, 'coachOwn', 'GET', '/api/my-week')).json() as Week)).not.toContain(action.id);
  });

  it('dismisses the reminder of a cancelled action and of the old date when the date moves', async () => {
    const cancelled = await createAction({ dueOn: addDays(today, -1) });
    const moved = await createAction({ dueOn: addDays(today, -1) });
    await call(t, 'admin', 'POST', '/api/reminders/run', {});
    for (const [action, change] of [
      [cancelled, { status: 'cancelled' }],
      [moved, { dueOn: addDays(today, 30) }],
    ] as const) {
      const response = await call(t, 'coachOwn', 'PATCH', `/api/actions/${action.id}`, { version: 1, ...change });
      expect(response.statusCode, response.body).toBe(200);
    }
    const rows = await t.database.db
      .select({ sourceId: reminders.sourceId, status: reminders.status })
      .from(reminders)
      .where(eq(reminders.sourceKind, 'action'));
    expect(rows.filter((r) => r.sourceId === cancelled.id).map((r) => r.status)).toEqual(['dismissed']);
    expect(rows.filter((r) => r.sourceId === moved.id).map((r) => r.status)).toEqual(['dismissed']);
  });
});
