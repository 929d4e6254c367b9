import { coveringOrganisationOf, municipalityByCode } from '../../../core/regions';
import type { Actor } from '../../../core/roles';
import {
  interestConsentTextVersion,
  type InterestAnswer,
  type InterestForm,
  type InterestInput,
  type PublicProgramme,
} from '../../../contracts/programme-page';
import { municipalities } from '../../content/municipalities';
import type { AppContext } from '../../context';
import { invalidField } from '../../errors';
import { findCompanyByNumber, registerInterestedCompany } from '../companies/companies.service';
import { addContactFromInterest } from '../contacts/contacts.service';
import { listPartnerOrganisations } from '../organisations/organisations.service';
import { listCoachesToTell } from '../users/users.service';
import { interestMail } from './programme-page.mail';
import { formTokenAt, passesBotHurdles } from './public-form';

// The public programme page (issue 15, decision 045): read by anyone, and its interest form, which
// registers a prospect for the organisation covering the company's municipality and tells that
// organisation's coaches. Every accepted form gets the same answer, whatever it led to, so the
// form tells no one which companies are in the programme.

/** What the page shows: each partner with the municipalities whose companies it takes. */
export async function getPublicProgramme(ctx: AppContext): Promise<PublicProgramme> {
  const organisations = await listPartnerOrganisations(ctx.db);
  const byOrganisation = new Map(organisations.map((o) => [o.id, [] as { code: string; name: string }[]]));
  for (const municipality of municipalities) {
    const covering = coveringOrganisationOf(organisations, municipality);
    if (covering) byOrganisation.get(covering.id)!.push({ code: municipality.code, name: municipality.name });
  }
  return {
    organisations: organisations.map(({ id, name, shortName }) => ({
      id,
      name,
      shortName,
      municipalities: byOrganisation.get(id)!.sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    })),
  };
}

/** The form's token, issued now; the page asks for it when the form is shown. */
export function openInterestForm(ctx: AppContext): InterestForm {
  return { formToken: formTokenAt(ctx, ctx.now()) };
}

/** A form token issued at `issuedAt` (the tests' and the access matrix's way to pass the fill time). */
export const interestFormTokenAt = formTokenAt;

const received: InterestAnswer = { isReceived: true };

/** The consent the form asks for (its text, in the page's strings, has this version). */
const consentPurpose = 'Intresseanmälan: att Industry In West sparar uppgifterna och kontaktar företaget om programmet';

/**
 * Takes an interest form. Refused with a named field: a token that is not ours or is too old, a
 * municipality not in the programme. Taken without a trace but answered alike: a filled honeypot,
 * a form sent faster than a person fills it in. Then either a new prospect with its contact and an
 * e-mail to the covering organisation's coaches, or, for a number already in the programme, only
 * an e-mail to the holder's coach (or coaches, while it has none); the same answer either way.
 */
export async function submitInterest(
  ctx: AppContext,
  _actor: Actor,
  input: InterestInput,
  meta: { ip: string },
): Promise<InterestAnswer> {
  const now = ctx.now();
  if (!(await passesBotHurdles(ctx, ctx.interestLimiter, input, { ip: meta.ip, account: 'interest' }))) {
    return received;
  }
  const municipality = municipalityByCode(municipalities, input.municipalityCode);
  if (!municipality) {
    throw invalidField(
      'municipalityCode',
      'unknown_municipality',
      'Choose a municipality in Västra Götaland or Halland',
    );
  }
  const record = () =>
    ctx.db.transaction(async (tx) => {
      const organisations = await listPartnerOrganisations(tx);
      const held = await findCompanyByNumber(tx, input.organisationNumber);
      const organisation = held
        ? organisations.find((o) => o.id === held.organisationId)
        : coveringOrganisationOf(organisations, municipality);
      if (!organisation) {
        throw invalidField(
          'municipalityCode',
          'not_covered',
          'No organisation takes companies from this municipality yet',
        );
      }
      const company =
        held ??
        (await registerInterestedCompany(tx, now, {
          organisationId: organisation.id,
          organisationNumber: input.organisationNumber,
          name: input.companyName,
          municipalityCode: municipality.code,
        }));
      const contact = held
        ? undefined
        : await addContactFromInterest(
            tx,
            now,
            { id: company.id, organisationId: organisation.id },
            { name: input.contactName, email: input.email, phone: input.phone ?? null },
            { purpose: consentPurpose, textVersion: interestConsentTextVersion },
          );
      const coaches = await listCoachesToTell(tx, organisation.id);
      const ownCoach = held?.coachId ? coaches.filter((coach) => coach.id === held.coachId) : [];
      for (const coach of ownCoach.length > 0 ? ownCoach : coaches) {
        const mail = interestMail(coach.locale, coach.email, {
          coachName: coach.name,
          isNew: !held,
          companyName: input.companyName,
          registeredName: held?.name ?? input.companyName,
          organisationNumber: input.organisationNumber,
          municipalityName: municipality.name,
          organisationName: organisation.name,
          contactName: input.contactName,
          email: input.email,
          phone: input.phone ?? null,
          areas: input.areas,
          message: input.message ?? null,
          companyLink: `${ctx.config.publicUrl}/companies/${company.id}`,
        });
        // Tied to the person it is about: erasing them (decision 012) blanks the stored copy too.
        await ctx.mailer.send(tx, contact ? { ...mail, contactId: contact.id } : mail, now);
      }
    });
  try {
    await record();
  } catch (error) {
    // Two forms with one new number at once: the unique index kept the first company, and this
    // one is told as a number already held, so its sender too gets the one answer.
    if (!isUniqueViolation(error)) throw error;
    await record();
  }
  return received;
}

/** A database refusal by a unique index (SQLSTATE 23505), wherever the driver put its code. */
export function isUniqueViolation(error: unknown): boolean {
  const causes = [error, (error as { cause?: unknown } | null)?.cause];
  return causes.some((cause) => (cause as { code?: unknown } | null)?.code === '23505');
}
