import { createEvent } from 'ics';
import type { ActivityType } from '../../../core/activities';
import { programmeTimeZone } from '../../../core/calendar';
import type { MailAttachment } from '../../db/schema';
import type { MailMessage } from '../../mail/mailer';
import { activityTypeLabels } from '../../swedish-labels';

// Confirmation e-mails for registrations, each with a calendar file (docs/decisions/014).
// Swedish: the platform does not know a contact's language, and the programme works in Swedish.

export type RegistrationMailKind = 'registered' | 'waitlisted' | 'promoted' | 'cancelled';

export type MailActivity = {
  id: string;
  type: ActivityType;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
};

/** The activity's time as a Swede reads it: "torsdag 3 december 2026 09:00–12:00". */
export function swedishPeriod(startsAt: Date, endsAt: Date): string {
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone: programmeTimeZone, dateStyle: 'full' });
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: programmeTimeZone, timeStyle: 'short' });
  const sameDay = date.format(startsAt) === date.format(endsAt);
  return sameDay
    ? `${date.format(startsAt)} ${time.format(startsAt)}–${time.format(endsAt)}`
    : `${date.format(startsAt)} ${time.format(startsAt)} – ${date.format(endsAt)} ${time.format(endsAt)}`;
}

/** UTC as iCalendar writes it: 20261203T080000Z. */
function icsStamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/**
 * The calendar file: one event whose UID is stable per activity, so a later message (moved up,
 * cancelled) updates the same entry; times in UTC; METHOD:CANCEL removes it again.
 */
export function activityCalendarFile(
  activity: MailActivity,
  kind: RegistrationMailKind,
  attendee: { name: string; email: string },
  organiserEmail: string,
  now: Date,
): MailAttachment {
  const isCancel = kind === 'cancelled';
  const { error, value } = createEvent({
    productId: 'industryinwest/activities',
    method: isCancel ? 'CANCEL' : 'REQUEST',
    uid: `activity-${activity.id}@industryinwest`,
    // Later messages must win over earlier ones in the recipient's calendar.
    sequence: Math.floor(now.getTime() / 60_000) - 29_000_000,
    title: activity.title,
    description: [activityTypeLabels[activity.type], activity.description].filter(Boolean).join('\n\n'),
    start: activity.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: activity.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    ...(activity.place || activity.onlineUrl ? { location: activity.place ?? activity.onlineUrl ?? '' } : {}),
    ...(activity.onlineUrl ? { url: activity.onlineUrl } : {}),
    status: isCancel ? 'CANCELLED' : kind === 'waitlisted' ? 'TENTATIVE' : 'CONFIRMED',
    organizer: { name: 'Industry In West', email: organiserEmail },
    attendees: [
      {
        name: attendee.name,
        email: attendee.email,
        rsvp: false,
        role: 'REQ-PARTICIPANT',
        partstat: isCancel ? 'DECLINED' : kind === 'waitlisted' ? 'TENTATIVE' : 'ACCEPTED',
      },
    ],
  });
  if (error || !value) throw error ?? new Error('calendar file could not be built');
  return {
    filename: 'aktivitet.ics',
    contentType: `text/calendar; charset=utf-8; method=${isCancel ? 'CANCEL' : 'REQUEST'}`,
    // The package stamps with the wall clock; the service's clock decides here.
    content: value.replace(/^DTSTAMP:.*$/m, `DTSTAMP:${icsStamp(now)}`),
  };
}

const openings: Record<
  RegistrationMailKind,
  (title: string, position: number | null) => { subject: string; lead: string }
> = {
  registered: (title) => ({
    subject: `Anmälan bekräftad: ${title}`,
    lead: 'Du är anmäld till aktiviteten nedan. Välkommen!',
  }),
  waitlisted: (title, position) => ({
    subject: `Du står på reservlistan: ${title}`,
    lead: `Aktiviteten nedan är fullbokad. Du står på reservlistan${position ? ` som nummer ${position}` : ''} och får ett nytt meddelande om en plats blir ledig.`,
  }),
  promoted: (title) => ({
    subject: `Du har fått en plats: ${title}`,
    lead: 'En plats har blivit ledig och du har flyttats upp från reservlistan. Du är nu anmäld till aktiviteten nedan.',
  }),
  cancelled: (title) => ({
    subject: `Avanmälan bekräftad: ${title}`,
    lead: 'Din anmälan till aktiviteten nedan är avbokad.',
  }),
};

/** The confirmation e-mail for one registration change, with its calendar file. */
export function registrationMail(
  kind: RegistrationMailKind,
  activity: MailActivity,
  to: { name: string; email: string },
  waitingListPosition: number | null,
  organiserEmail: string,
  now: Date,
  /** A paragraph before the signature (the public sign-up's cancel link, decision 046). */
  closing?: string,
): MailMessage {
  const { subject, lead } = openings[kind](activity.title, waitingListPosition);
  const lines = [
    `Hej ${to.name}!`,
    '',
    lead,
    '',
    `${activityTypeLabels[activity.type]}: ${activity.title}`,
    `Tid: ${swedishPeriod(activity.startsAt, activity.endsAt)} (svensk tid)`,
    ...(activity.place ? [`Plats: ${activity.place}`] : []),
    ...(activity.onlineUrl ? [`Länk: ${activity.onlineUrl}`] : []),
    '',
    kind === 'cancelled'
      ? 'Kalenderfilen i bilagan tar bort aktiviteten ur din kalender.'
      : 'Kalenderfilen i bilagan lägger in aktiviteten i din kalender.',
    '',
    ...(closing ? [closing, ''] : []),
    'Industry In West',
  ];
  return {
    to: to.email,
    subject,
    body: lines.join('\n'),
    attachments: [activityCalendarFile(activity, kind, to, organiserEmail, now)],
  };
}
