import { randomUUID } from 'node:crypto';
import {
  signUpConfirmHours,
  signUpConsentTextVersion,
  type PublicActivity,
  type PublicActivityList,
  type PublicSignUpAnswer,
  type PublicSignUpInput,
  type SignUpConfirmation,
} from '../../../contracts/public-activities';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../errors';
import * as activities from '../activities/activities.service';
import type { ActivityRow, PendingMail } from '../activities/activities.service';
import { newSecret, secretDigest } from '../auth/passwords';
import { findCompanyByNumber, registerInterestedCompany } from '../companies/companies.service';
import { addContactFromInterest } from '../contacts/contacts.service';
import { isUniqueViolation } from '../programme-page/programme-page.service';
import { passesBotHurdles } from '../programme-page/public-form';
import { cancelLinkText, signUpConfirmMail } from './public-activities.mail';
import * as q from './public-activities.queries';

// Public activities (issue 15, decision 046): the activities a coach marks public, listed for
// anyone, and the sign-up of someone without an account. A sign-up waits, holding no place, until
// the e-mailed link confirms it; then the person becomes a contact of the company (a new prospect
// of the activity's organiser when the number is unknown) and an ordinary registration.

/** At most this many on the public page. */
const publicListMax = 100;

/** The public activities that have not started, soonest first: non-personal fields only. */
export async function listPublicActivities(ctx: AppContext): Promise<PublicActivityList> {
  return { items: await activities.listPublicActivities(ctx.db, ctx.now(), publicListMax) };
}

/** One public activity; one that is not public, or has started, answers 404. */
export async function getPublicActivity(ctx: AppContext, id: string): Promise<PublicActivity> {
  const activity = await activities.findPublicActivity(ctx.db, id, ctx.now());
  if (!activity) throw notFound('The activity');
  return activity;
}

const received: PublicSignUpAnswer = { isReceived: true };

/**
 * Takes a sign-up: after the bot hurdles (decision 045), a pending sign-up and an e-mail with the
 * confirm and cancel links, written in one transaction (decision 036). It takes no place. The
 * answer is the same whatever happened, so nobody learns who is registered.
 */
export async function signUp(
  ctx: AppContext,
  activityId: string,
  input: PublicSignUpInput,
  meta: { ip: string },
): Promise<PublicSignUpAnswer> {
  const takes = await passesBotHurdles(ctx, ctx.publicSignUpLimiter, input, { ip: meta.ip, account: 'sign-up' });
  const now = ctx.now();
  const activity = await activities.findPublicActivity(ctx.db, activityId, now);
  if (!activity) throw notFound('The activity');
  if (!takes) return received;
  const token = newSecret();
  const startsAt = new Date(activity.startsAt);
  const expiresAt = new Date(Math.min(now.getTime() + signUpConfirmHours * 3_600_000, startsAt.getTime()));
  await ctx.db.transaction(async (tx) => {
    await q.insertSignUp(tx, {
      id: randomUUID(),
      activityId,
      tokenDigest: secretDigest(token),
      name: input.name,
      email: input.email,
      companyName: input.companyName,
      organisationNumber: input.organisationNumber,
      gender: input.gender,
      consentTextVersion: signUpConsentTextVersion,
      createdAt: now,
      expiresAt,
    });
    const mail = signUpConfirmMail(
      input.locale,
      input.email,
      {
        title: activity.title,
        startsAt,
        endsAt: new Date(activity.endsAt),
        place: activity.place,
        name: input.name,
        publicUrl: ctx.config.publicUrl,
        hours: signUpConfirmHours,
      },
      token,
    );
    await ctx.mailer.send(tx, mail, now);
  });
  return received;
}

const expiredLink = () =>
  new AppError('not_found', 'The link has expired or is not valid. Sign up again on the public page.');

/** The consent the sign-up form asks for (its text, in the page's strings, has this version). */
const consentPurpose = 'Anmälan till en aktivitet: att Industry In West sparar uppgifterna och kontaktar om programmet';

type Outcome = { confirmation: SignUpConfirmation; activity: ActivityRow; mails: PendingMail[] };

function outcome(
  activity: ActivityRow,
  status: SignUpConfirmation['status'],
  waitingListPosition: number | null = null,
  mails: PendingMail[] = [],
): Outcome {
  const { id, title } = activity;
  return {
    confirmation: {
      activity: { id, title, startsAt: activity.startsAt.toISOString(), endsAt: activity.endsAt.toISOString() },
      status,
      waitingListPosition,
    },
    activity,
    mails,
  };
}

/** Where a confirmed sign-up's registration stands now (confirming twice answers this). */
async function standingOf(tx: Db, activity: ActivityRow, registrationId: string | null): Promise<Outcome> {
  const standing = registrationId ? await activities.registrationStanding(tx, activity.id, registrationId) : undefined;
  if (!standing || standing.status === 'cancelled') return outcome(activity, 'cancelled');
  return outcome(activity, standing.status, standing.position);
}

/** The sign-up of a link and its activity, locked; a link that is not ours answers 404. */
async function signUpOfLink(tx: Db, token: string) {
  const digest = secretDigest(token);
  const found = await q.findSignUpByDigest(tx, digest);
  if (!found) throw expiredLink();
  const activity = (await activities.lockActivity(tx, found.activityId))!;
  // Read again behind the lock: a confirmation or cancellation of the same link that held it is seen.
  const signUpRow = await q.findSignUpByDigest(tx, digest);
  if (!signUpRow) throw expiredLink();
  return { signUpRow, activity };
}

/**
 * Confirms a sign-up by its link and takes the place (or the waiting list, as for any
 * registration). The company is found by its organisation number, or registered as a prospect of
 * the activity's first organiser (by short name); the person is its contact with that e-mail, or a
 * new one with the form's consent. Confirming again answers where the registration stands.
 */
export async function confirmSignUp(ctx: AppContext, token: string): Promise<SignUpConfirmation> {
  const record = () =>
    ctx.db.transaction(async (tx): Promise<Outcome> => {
      const { signUpRow, activity } = await signUpOfLink(tx, token);
      if (signUpRow.cancelledAt) return outcome(activity, 'cancelled');
      if (signUpRow.confirmedAt) return standingOf(tx, activity, signUpRow.registrationId);
      const now = ctx.now();
      if (signUpRow.expiresAt <= now || activity.startsAt <= now || !activity.isPublic) throw expiredLink();
      const person = {
        name: signUpRow.name!,
        email: signUpRow.email!,
        organisationNumber: signUpRow.organisationNumber!,
      };
      const held = await findCompanyByNumber(tx, person.organisationNumber);
      const [organiserId] = await activities.organiserIdsOf(tx, activity.id);
      const company = held ?? {
        organisationId: organiserId!,
        ...(await registerInterestedCompany(
          tx,
          now,
          {
            organisationId: organiserId!,
            organisationNumber: person.organisationNumber,
            name: signUpRow.companyName!,
            municipalityCode: null,
          },
          'Anmälan till en publik aktivitet',
        )),
      };
      const contact =
        (await q.findLiveContactByEmail(tx, company.id, person.email)) ??
        (await addContactFromInterest(
          tx,
          now,
          company,
          { name: person.name, email: person.email, phone: null, gender: signUpRow.gender },
          { purpose: consentPurpose, textVersion: signUpRow.consentTextVersion },
          'contact.add_from_sign_up',
        ));
      const already = await activities.liveRegistrationIdOf(tx, activity.id, contact.id);
      const placed = already
        ? undefined
        : await activities.placeRegistration(
            tx,
            null,
            activity,
            {
              contactId: contact.id,
              companyId: company.id,
              organisationId: company.organisationId,
              name: person.name,
              email: person.email,
            },
            now,
          );
      const registrationId = already ?? placed!.id;
      // The person now lives in the contact: the sign-up keeps only its link and registration.
      await q.updateSignUp(tx, signUpRow.id, {
        confirmedAt: now,
        registrationId,
        name: null,
        email: null,
        companyName: null,
        organisationNumber: null,
      });
      if (!placed) return standingOf(tx, activity, registrationId);
      const mail = { ...placed.mail, withLink: { text: cancelLinkText(ctx.config.publicUrl), oneTimeLink: token } };
      return outcome(activity, placed.status, placed.mail.position, [mail]);
    });
  let result: Outcome;
  try {
    result = await record();
  } catch (error) {
    // Two confirmations of one new number at once: the unique index kept the first company, and
    // this one finds it.
    if (!isUniqueViolation(error)) throw error;
    result = await record();
  }
  await activities.sendRegistrationMails(ctx, result.activity, result.mails);
  return result.confirmation;
}

/**
 * Cancels a sign-up by its link, until the activity starts: a pending one is dropped with its
 * personal fields, a confirmed one's registration is cancelled and its place goes to the first on
 * the waiting list. Cancelling twice answers the same.
 */
export async function cancelSignUp(ctx: AppContext, token: string): Promise<SignUpConfirmation> {
  const result = await ctx.db.transaction(async (tx): Promise<Outcome> => {
    const { signUpRow, activity } = await signUpOfLink(tx, token);
    if (signUpRow.cancelledAt) return outcome(activity, 'cancelled');
    const now = ctx.now();
    if (activity.startsAt <= now) throw expiredLink();
    const mails = signUpRow.registrationId
      ? await activities.cancelRegistrationByLink(tx, activity, signUpRow.registrationId, now)
      : [];
    await q.updateSignUp(tx, signUpRow.id, {
      cancelledAt: now,
      name: null,
      email: null,
      companyName: null,
      organisationNumber: null,
    });
    return outcome(activity, 'cancelled', null, mails);
  });
  await activities.sendRegistrationMails(ctx, result.activity, result.mails);
  return result.confirmation;
}

/** For the cleanup job: sign-ups whose links no longer work. */
export async function deleteStaleSignUps(db: Db, now: Date): Promise<number> {
  return q.deleteStaleSignUps(db, now);
}
