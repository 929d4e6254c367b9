import { randomUUID } from 'node:crypto';
import { can } from '../../../core/access';
import { calendarDate } from '../../../core/calendar';
import { comingUntil, dueState, reminderHorizon, weekOf } from '../../../core/interventions';
import type { Actor, SignedInActor } from '../../../core/roles';
import type { MyWeek, ReminderList } from '../../../contracts/reminders';
import type { AppContext } from '../../context';
import { reminderMail } from '../../mail/templates';
import { forbidden, notFound, unauthenticated } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { listInterventionsOfCoach } from '../interventions/interventions.service';
import { listGrantsExceeded } from '../state-aid/state-aid.service';
import { dueSources, listDue, type DueSource } from './reminder-sources';
import * as q from './reminders.queries';

function signedIn(actor: Actor): SignedInActor {
  if (actor.kind === 'anonymous') throw unauthenticated();
  return actor;
}

/**
 * The reminder scan: everything due within the lead time, from every source, becomes one reminder
 * per (source, due date, recipient). The unique key makes a repeated, concurrent or restarted scan
 * create nothing twice. Answers the new reminders and every open reminder still to e-mail, so a
 * scan after a crash also re-sends what the crash left unsent.
 */
export async function scanReminders(
  ctx: AppContext,
  sources: readonly DueSource[] = dueSources,
): Promise<{ created: string[]; toEmail: string[] }> {
  const now = ctx.now();
  const items = await listDue(ctx.db, { until: reminderHorizon(calendarDate(now)) }, sources);
  const created = await q.insertNewReminders(
    ctx.db,
    items.map((item) => ({
      id: randomUUID(),
      recipientId: item.recipientId,
      sourceKind: item.sourceKind,
      sourceId: item.sourceId,
      companyId: item.companyId,
      dueOn: item.dueOn,
      createdAt: now,
    })),
  );
  return { created, toEmail: await q.listUnemailedReminderIds(ctx.db) };
}

/**
 * E-mails one reminder, at most once: the row is locked, the e-mail written (outbox, and SMTP when
 * configured) and the reminder marked e-mailed in one transaction. A job that runs again after a
 * crash, or twice at once, finds it e-mailed and does nothing. Answers whether it sent.
 */
export async function emailReminder(ctx: AppContext, reminderId: string): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const reminder = await q.lockReminderToEmail(tx, reminderId);
    if (!reminder) return false;
    const now = ctx.now();
    if (reminder.userStatus !== 'active') {
      // Nobody reads a deactivated account's mail; the reminder is set aside, not retried daily.
      await q.resolveReminder(tx, reminderId, 'dismissed', now);
      return false;
    }
    const message = reminderMail(reminder.locale, reminder.email, {
      sourceKind: reminder.sourceKind,
      name: reminder.name,
      companyName: reminder.companyName,
      dueOn: reminder.dueOn,
      companyLink: `${ctx.config.publicUrl}/companies/${reminder.companyId}`,
      myWeekLink: `${ctx.config.publicUrl}/my-week`,
    });
    await ctx.mailer.send(tx, message, now);
    await q.markEmailed(tx, reminderId, now);
    return true;
  });
}

/** Runs the scan and sends its e-mails now, in this request (admins; the runner does the same
 * through its queue every morning and at start). */
export async function runRemindersNow(ctx: AppContext, actor: Actor): Promise<{ created: number; emailed: number }> {
  const user = signedIn(actor);
  if (!can(user, 'runReminders')) throw forbidden();
  const { created, toEmail } = await scanReminders(ctx);
  let emailed = 0;
  for (const id of toEmail) if (await emailReminder(ctx, id)) emailed += 1;
  await recordAudit(ctx.db, user, ctx.now(), {
    action: 'reminders.run',
    entityType: 'reminders',
    entityId: randomUUID(),
    after: { created: created.length, emailed },
  });
  return { created: created.length, emailed };
}

/** The signed-in person's reminders (open by default), earliest due first. */
export async function listMyReminders(
  ctx: AppContext,
  actor: Actor,
  status: 'open' | 'done' | 'dismissed',
): Promise<ReminderList> {
  const user = signedIn(actor);
  const today = calendarDate(ctx.now());
  const [rows, openCount] = await Promise.all([
    q.listRemindersOf(ctx.db, user.userId, status),
    q.countOpenRemindersOf(ctx.db, user.userId),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      sourceKind: row.sourceKind,
      sourceId: row.sourceId,
      companyId: row.companyId,
      companyName: row.companyName,
      dueOn: row.dueOn,
      dueState: dueState(row.dueOn, today),
      status: row.status,
      isEmailed: row.emailedAt !== null,
      createdAt: row.createdAt.toISOString(),
    })),
    openCount,
  };
}

/** Marks one of the person's own reminders done or dismissed; someone else's answers 404. */
export async function resolveMyReminder(
  ctx: AppContext,
  actor: Actor,
  id: string,
  status: 'done' | 'dismissed',
): Promise<ReminderList> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const reminder = await q.findReminder(tx, id);
    if (!reminder || reminder.recipientId !== user.userId) throw notFound('The reminder');
    const now = ctx.now();
    await q.resolveReminder(tx, id, status, now);
    await recordAudit(tx, user, now, {
      action: `reminder.${status === 'done' ? 'done' : 'dismiss'}`,
      entityType: 'reminder',
      entityId: id,
      before: { status: reminder.status },
      after: { status },
    });
  });
  return listMyReminders(ctx, user, 'open');
}

/** "My week": what is overdue and due this week for the signed-in coach (live from the sources),
 * and what they logged this week. */
export async function getMyWeek(ctx: AppContext, actor: Actor): Promise<MyWeek> {
  const user = signedIn(actor);
  if (!can(user, 'viewMyWeek')) throw forbidden();
  const today = calendarDate(ctx.now());
  const week = weekOf(today);
  const [due, logged, grantsExceeded] = await Promise.all([
    listDue(ctx.db, { until: comingUntil(today), recipientId: user.userId }),
    listInterventionsOfCoach(ctx, user, week.start, week.end),
    listGrantsExceeded(ctx.db, user.userId),
  ]);
  const items = due.map(({ recipientId: _recipient, ...item }) => ({ ...item, dueState: dueState(item.dueOn, today) }));
  return {
    today,
    weekStart: week.start,
    weekEnd: week.end,
    overdue: items.filter((item) => item.dueState === 'overdue'),
    dueThisWeek: items.filter((item) => item.dueState === 'due_this_week'),
    comingUntil: comingUntil(today),
    coming: items.filter((item) => item.dueState === 'later'),
    interventionsThisWeek: logged,
    hoursThisWeek: logged.reduce((sum, item) => sum + item.hours, 0),
    grantsExceeded,
  };
}
