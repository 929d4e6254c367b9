import { randomUUID } from 'node:crypto';
import { companyRecordAbilities } from '../../../core/access';
import type { Actor } from '../../../core/roles';
import type { z } from 'zod';
import type {
  ConsentBody,
  Contact,
  createContactBodySchema,
  genderSchema,
  updateContactBodySchema,
} from '../../../contracts/contacts';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { invalidField, notFound, ruleViolated, staleVersion, unauthenticated } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import {
  findCompanyActorMaySeeInFull,
  getCompanyForContacts,
  getCompanyActorMayEdit,
} from '../company-access/company-access.service';
import { forgetResponsesNaming } from '../idempotency/idempotency.service';
import { eraseMessagesToContact } from '../outbox/outbox.service';
import * as q from './contacts.queries';

type CreateInput = z.output<typeof createContactBodySchema>;
type UpdateInput = z.output<typeof updateContactBodySchema>;

export { listContactsOfCompany } from './contacts.queries';

/** The contact if the actor may keep its company's contacts (`keep`: staff and the company's own
 * users) or erase and export them (`erase`: staff); otherwise 404 (or 403 for a company user). */
async function getWritableContact(
  db: Db,
  actor: Actor,
  id: string,
  purpose: 'keep' | 'erase',
): Promise<q.ContactRow & { organisationId: string }> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const row = await q.findContactRow(db, id);
  if (!row) throw notFound('The contact');
  const lookUp = purpose === 'keep' ? getCompanyForContacts : getCompanyActorMayEdit;
  const company = await lookUp(db, actor, row.companyId).catch((error: unknown) => {
    throw error instanceof Error && 'code' in error && error.code === 'not_found' ? notFound('The contact') : error;
  });
  return { ...row, organisationId: company.organisationId };
}

/** Adds a person to a company, with the consent they gave if any. */
export async function addContact(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: CreateInput,
): Promise<Contact> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const company = await getCompanyForContacts(tx, actor, companyId);
    // A coach records a consent when the person gives it; a company user who adds a colleague
    // records it then, since no one else will have asked the person (decision 043).
    if (companyRecordAbilities(actor, company).mustRecordConsent && !input.consent) {
      throw invalidField('consent', 'required', 'Record the consent your colleague gave');
    }
    const now = ctx.now();
    const values = {
      id,
      companyId,
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      role: input.role ?? null,
      gender: input.gender,
      createdAt: now,
      updatedAt: now,
    };
    await q.insertContact(tx, values);
    if (input.consent) {
      await q.insertConsent(tx, {
        id: randomUUID(),
        contactId: id,
        purpose: input.consent.purpose,
        textVersion: input.consent.textVersion,
        givenOn: new Date(input.consent.givenOn),
        recordedBy: actor.userId,
        createdAt: now,
      });
    }
    await recordAudit(tx, actor, now, {
      action: 'contact.add',
      entityType: 'contact',
      entityId: id,
      organisationId: company.organisationId,
      after: { ...values, consent: input.consent },
    });
  });
  return (await q.findContact(ctx.db, id))!;
}

/**
 * Adds the person who sent the public interest form as a contact of the company it registered,
 * with the consent they gave on the form, recorded by nobody (decision 045). Inside the caller's
 * transaction; the caller has made the company.
 */
export async function addContactFromInterest(
  tx: Db,
  now: Date,
  company: { id: string; organisationId: string },
  person: { name: string; email: string; phone: string | null; gender?: z.infer<typeof genderSchema> },
  consent: { purpose: string; textVersion: string },
  action = 'contact.add_from_interest',
): Promise<{ id: string }> {
  const id = randomUUID();
  const values = {
    id,
    companyId: company.id,
    name: person.name,
    email: person.email,
    phone: person.phone,
    role: null,
    gender: person.gender ?? 'not_stated',
    createdAt: now,
    updatedAt: now,
  };
  await q.insertContact(tx, values);
  const given = { id: randomUUID(), contactId: id, ...consent, givenOn: now, recordedBy: null, createdAt: now };
  await q.insertConsent(tx, given);
  await recordAudit(tx, null, now, {
    action,
    entityType: 'contact',
    entityId: id,
    organisationId: company.organisationId,
    after: { ...values, consent: given },
  });
  return { id };
}

export async function updateContact(ctx: AppContext, actor: Actor, id: string, input: UpdateInput): Promise<Contact> {
  await ctx.db.transaction(async (tx) => {
    const before = await getWritableContact(tx, actor, id, 'keep');
    if (before.erasedAt) throw ruleViolated('An erased contact cannot be changed');
    if (before.version !== input.version) throw staleVersion(before.version);
    const { version, ...changes } = input;
    const now = ctx.now();
    const after = await q.updateContactIfVersion(tx, id, version, {
      ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
      updatedAt: now,
    });
    if (!after) throw staleVersion(before.version);
    const { organisationId, ...beforeRow } = before;
    await recordAudit(tx, actor, now, {
      action: 'contact.update',
      entityType: 'contact',
      entityId: id,
      organisationId,
      before: beforeRow,
      after,
    });
  });
  return (await q.findContact(ctx.db, id))!;
}

/** Records a consent: what was agreed, when, and which version of the text the person saw. */
export async function recordConsent(ctx: AppContext, actor: Actor, id: string, input: ConsentBody): Promise<Contact> {
  await ctx.db.transaction(async (tx) => {
    const contact = await getWritableContact(tx, actor, id, 'keep');
    if (contact.erasedAt) throw ruleViolated('An erased contact cannot give consent');
    const now = ctx.now();
    const consent = {
      id: randomUUID(),
      contactId: id,
      purpose: input.purpose,
      textVersion: input.textVersion,
      givenOn: new Date(input.givenOn),
      recordedBy: actor.kind === 'user' ? actor.userId : null,
      createdAt: now,
    };
    await q.insertConsent(tx, consent);
    await recordAudit(tx, actor, now, {
      action: 'contact.record_consent',
      entityType: 'contact',
      entityId: id,
      organisationId: contact.organisationId,
      after: consent,
    });
  });
  return (await q.findContact(ctx.db, id))!;
}

/** Records that a person withdrew a consent (GDPR art. 7.3); the record of the consent stays.
 * Withdrawing twice changes nothing: the first date stands. */
export async function withdrawConsent(ctx: AppContext, actor: Actor, id: string, consentId: string): Promise<Contact> {
  await ctx.db.transaction(async (tx) => {
    const contact = await getWritableContact(tx, actor, id, 'keep');
    const consent = await q.findConsent(tx, id, consentId);
    if (!consent) throw notFound('The consent');
    if (consent.withdrawnOn) return;
    const now = ctx.now();
    await q.withdrawConsentRow(tx, consentId, now);
    await recordAudit(tx, actor, now, {
      action: 'contact.withdraw_consent',
      entityType: 'contact',
      entityId: id,
      organisationId: contact.organisationId,
      after: { consentId, withdrawnOn: now.toISOString() },
    });
  });
  return (await q.findContact(ctx.db, id))!;
}

export const erasedName = 'Raderad person';

/**
 * Erases a person (GDPR art. 17): name, e-mail, phone, role and consents go, and so do the
 * personal copies in the audit trail. The row stays, pseudonymised, with the company and gender
 * that funder reports must keep (participants by gender).
 */
export async function eraseContact(ctx: AppContext, actor: Actor, id: string): Promise<Contact> {
  await ctx.db.transaction(async (tx) => {
    const contact = await getWritableContact(tx, actor, id, 'erase');
    if (contact.erasedAt) return;
    const now = ctx.now();
    await q.deleteConsentsOf(tx, id);
    await q.blankAuditOfContact(tx, id);
    // A create's stored answer (decision 018) may hold the person's name and e-mail too.
    await forgetResponsesNaming(tx, id);
    // So do the e-mails sent to them (registration confirmations with a calendar file).
    await eraseMessagesToContact(tx, id, erasedName);
    await q.updateContactIfVersion(tx, id, contact.version, {
      name: erasedName,
      email: null,
      phone: null,
      role: null,
      erasedAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, now, {
      action: 'contact.erase',
      entityType: 'contact',
      entityId: id,
      organisationId: contact.organisationId,
    });
  });
  return (await q.findContact(ctx.db, id))!;
}

/** Everything held about a person, for a data subject's request (GDPR art. 15 and 20). */
export async function exportContact(ctx: AppContext, actor: Actor, id: string) {
  const contact = await getWritableContact(ctx.db, actor, id, 'erase');
  const company = await findCompanyActorMaySeeInFull(ctx.db, actor, contact.companyId);
  if (!company) throw notFound('The contact');
  const [full, audit, companyName] = await Promise.all([
    q.findContact(ctx.db, id),
    q.listAuditOfContact(ctx.db, id),
    q.findCompanyName(ctx.db, contact.companyId),
  ]);
  return {
    exportedAt: ctx.now().toISOString(),
    contact: full!,
    companyName: companyName ?? '',
    auditTrail: audit.map((entry) => ({ at: entry.at.toISOString(), action: entry.action })),
  };
}
