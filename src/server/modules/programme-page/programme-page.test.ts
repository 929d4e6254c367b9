import { describe, expect, it } from 'vitest';
import type { CompanyListItem, Company } from '../../../contracts/companies';
import type { InterestBody, PublicProgramme } from '../../../contracts/programme-page';
import type { User } from '../../../contracts/users';
import { demoIds } from '../../db/seed';
import { freshOrganisationNumber } from '../../test/access-matrix';
import { createCompany } from '../../test/factories';
import { readMailbox } from '../../test/mailbox';
import { fieldsOf, ok, requestsAs, type InjectResponse } from '../../test/requests';
import { fixtures, useTestApp } from '../../test/test-app';

// The public programme page and its interest form (issue 15, decision 045), through the HTTP layer
// without a session: who covers which municipality, a prospect for the right organisation with its
// contact and consent, the e-mail to that organisation's coaches, one answer whatever happened,
// and the bots' three hurdles (a limit per address, the hidden field, the minimum fill time).

const app = useTestApp();
const call = requestsAs(app);
let addressCount = 0;
/** A new client address for each form, so the limit per address counts only what a test sends. */
const freshAddress = () => `203.0.113.${(addressCount += 1)}`;

/** The form's token as the page gets it, then the clock moves past the minimum fill time. */
async function openForm(secondsToFill = 30): Promise<string> {
  const response = await app().app.inject({ method: 'GET', url: '/api/public/interest-form' });
  const { formToken } = await ok<{ formToken: string }>(response);
  app().clock.now = new Date(app().clock.now.getTime() + secondsToFill * 1000);
  return formToken;
}

function send(body: Record<string, unknown>, address = freshAddress()): Promise<InjectResponse> {
  return app().app.inject({
    method: 'POST',
    url: '/api/public/interest',
    remoteAddress: address,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

function form(formToken: string, fields: Partial<InterestBody> = {}): InterestBody {
  return {
    formToken,
    website: '',
    companyName: 'Intresserade Verkstaden AB',
    organisationNumber: freshOrganisationNumber(),
    municipalityCode: '1496', // Skövde, in Skaraborg: IDC West Sweden's
    contactName: 'Ingrid Intressent',
    email: 'ingrid@intresserade.example',
    phone: '0500-12 34 56',
    areas: ['energy_transition', 'digitalisation'],
    message: 'Vi vill minska elanvändningen i lackeringen.',
    hasConsent: true,
    ...fields,
  };
}

async function companiesNumbered(organisationNumber: string): Promise<CompanyListItem[]> {
  const page = await ok<{ items: CompanyListItem[] }>(
    await call('admin', 'GET', `/api/companies?q=${encodeURIComponent(organisationNumber)}`),
  );
  return page.items.filter((c) => c.organisationNumber === organisationNumber);
}

async function coachEmailsOf(organisationId: string): Promise<string[]> {
  const page = await ok<{ items: User[] }>(
    await call('admin', 'GET', `/api/users?role=coach&organisationId=${organisationId}&pageSize=100`),
  );
  return page.items.filter((u) => u.status !== 'deactivated').map((u) => u.email);
}

const mailsAbout = (companyName: string) =>
  readMailbox(app().mailboxDir).filter((m) => m.subject.includes(companyName));

describe('the public programme', () => {
  it('lists the five organisations with each of the 55 municipalities under one of them, for anyone, kept 5 minutes', async () => {
    const response = await app().app.inject({ method: 'GET', url: '/api/public/programme' });
    const programme = await ok<PublicProgramme>(response);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(programme.organisations).toHaveLength(5);
    const codes = programme.organisations.flatMap((o) => o.municipalities.map((m) => m.code));
    expect(codes).toHaveLength(55);
    expect(new Set(codes).size).toBe(55);
    const holderOf = (code: string) =>
      programme.organisations.find((o) => o.municipalities.some((m) => m.code === code));
    expect(holderOf('1496')?.id).toBe(demoIds.organisations.idc); // Skövde, Skaraborg
    expect(holderOf('1485')?.id).toBe(demoIds.organisations.iucVast); // Uddevalla, Fyrbodal
    expect(holderOf('1490')?.id).toBe(demoIds.organisations.iucSjuharad); // Borås, Sjuhärad
    expect(holderOf('1480')?.id).toBe(demoIds.organisations.gtc); // Göteborg, GR
    // Kungsbacka counts in GR and Halland; it lies in Halland, so Halland's organisation takes it.
    expect(holderOf('1384')?.id).toBe(demoIds.organisations.tek);
    const skaraborg = programme.organisations.find((o) => o.id === demoIds.organisations.idc)!;
    expect(skaraborg.municipalities).toHaveLength(15);
    expect(skaraborg.municipalities[0]).toEqual({ code: '1445', name: 'Essunga' });
  });

  it('gives a new token each time the form opens, never kept', async () => {
    const response = await app().app.inject({ method: 'GET', url: '/api/public/interest-form' });
    expect(response.headers['cache-control']).toBe('no-store');
    expect((await ok<{ formToken: string }>(response)).formToken).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
  });
});

describe('the interest form', () => {
  it('registers a prospect of the organisation covering the municipality, with its contact and consent', async () => {
    const body = form(await openForm(), { companyName: 'Skövde Lackering AB' });
    const response = await send(body);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ isReceived: true });

    const [listed] = await companiesNumbered(String(body.organisationNumber));
    expect(listed).toMatchObject({
      name: 'Skövde Lackering AB',
      organisationId: demoIds.organisations.idc,
      status: 'prospect',
      municipalityCode: '1496',
      coachId: null,
    });
    // The organisation's coach finds it; another organisation's sees it only through the thin view.
    const company = await ok<Company>(await call('coachOwn', 'GET', `/api/companies/${listed!.id}`));
    expect(company.status).toBe('prospect');
    expect((await call('coachOther', 'GET', `/api/companies/${listed!.id}`)).statusCode).toBe(404);
    const [contact] = company.contacts;
    expect(contact).toMatchObject({
      name: 'Ingrid Intressent',
      email: 'ingrid@intresserade.example',
      phone: '0500-12 34 56',
      gender: 'not_stated',
    });
    expect(contact!.consents).toHaveLength(1);
    expect(contact!.consents[0]).toMatchObject({ textVersion: '2026-12', withdrawnOn: null });
    expect(contact!.consents[0]!.purpose).toContain('Intresseanmälan');
  });

  it('e-mails every coach of that organisation, and no one else', async () => {
    const body = form(await openForm(), { companyName: 'Mejlade Maskiner AB' });
    expect((await send(body)).statusCode).toBe(202);
    const mails = mailsAbout('Mejlade Maskiner AB');
    const idcCoaches = await coachEmailsOf(demoIds.organisations.idc);
    expect(idcCoaches).toContain(fixtures.emails.coachOwn);
    expect(mails.map((m) => m.to).sort()).toEqual([...idcCoaches].sort());
    const mail = mails.find((m) => m.to === fixtures.emails.coachOwn)!;
    expect(mail.subject).toBe('Intresseanmälan: Mejlade Maskiner AB – Industry In West');
    expect(mail.body).toContain(`Mejlade Maskiner AB (${String(body.organisationNumber)}) i Skövde`);
    expect(mail.body).toContain('intressent hos IDC West Sweden');
    expect(mail.body).toContain('Kontaktperson: Ingrid Intressent');
    expect(mail.body).toContain('Vill ha hjälp med: Energiomställning, Digitalisering');
    expect(mail.body).toContain('Meddelande: Vi vill minska elanvändningen i lackeringen.');
    const [listed] = await companiesNumbered(String(body.organisationNumber));
    expect(mail.body).toContain(`/companies/${listed!.id}`);
  });

  it('blanks the stored e-mail about the sender when the sender’s data is erased', async () => {
    const body = form(await openForm(), { companyName: 'Raderbara Rör AB', contactName: 'Rakel Raderas' });
    expect((await send(body)).statusCode).toBe(202);
    const [listed] = await companiesNumbered(String(body.organisationNumber));
    const company = await ok<Company>(await call('coachOwn', 'GET', `/api/companies/${listed!.id}`));
    await ok(await call('coachOwn', 'POST', `/api/contacts/${company.contacts[0]!.id}/erase`, {}));
    const outbox = await ok<{ items: { subject: string; body: string }[] }>(
      await call('admin', 'GET', '/api/outbox?pageSize=100'),
    );
    const about = outbox.items.filter((m) => m.subject.includes('Raderbara Rör AB'));
    expect(about.length).toBeGreaterThan(0);
    expect(about.filter((m) => m.body.includes('Rakel Raderas'))).toEqual([]);
  });

  it('sends a Kungsbacka company to Halland’s organisation', async () => {
    const body = form(await openForm(), { companyName: 'Kungsbacka Kugghjul AB', municipalityCode: '1384' });
    expect((await send(body)).statusCode).toBe(202);
    const [listed] = await companiesNumbered(String(body.organisationNumber));
    expect(listed?.organisationId).toBe(demoIds.organisations.tek);
    expect(mailsAbout('Kungsbacka Kugghjul AB').map((m) => m.to)).toEqual(
      await coachEmailsOf(demoIds.organisations.tek),
    );
  });

  it('makes one company of one number sent twice, answers both alike, and tells the coaches again', async () => {
    const organisationNumber = freshOrganisationNumber();
    const first = await send(form(await openForm(), { organisationNumber, companyName: 'Dubbla Dörrar AB' }));
    const second = await send(
      form(await openForm(), {
        organisationNumber,
        companyName: 'Dubbla Dörrar AB',
        municipalityCode: '1490', // another municipality, another organisation: the holder is told
        contactName: 'Dan Dubbel',
        email: 'dan@dubbla.example',
      }),
    );
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['content-length']).toBe(first.headers['content-length']);

    const companies = await companiesNumbered(organisationNumber);
    expect(companies).toHaveLength(1);
    expect(companies[0]!.organisationId).toBe(demoIds.organisations.idc);
    // No second contact: the one who sent it again is named only in the e-mail.
    const company = await ok<Company>(await call('coachOwn', 'GET', `/api/companies/${companies[0]!.id}`));
    expect(company.contacts.map((c) => c.name)).toEqual(['Ingrid Intressent']);
    const again = mailsAbout('Dubbla Dörrar AB').filter((m) => m.subject.startsWith('Ny intresseanmälan'));
    expect(again.map((m) => m.to).sort()).toEqual((await coachEmailsOf(demoIds.organisations.idc)).sort());
    expect(again[0]!.body).toContain('Kontaktperson: Dan Dubbel');
    expect(again[0]!.body).toContain('Organisationsnumret finns redan i programmet hos IDC West Sweden');
  });

  it('tells only the company’s own coach when a registered company sends the form, with the same answer', async () => {
    const registered = await createCompany(call, 'coachOwn', { name: 'Redan Registrerade AB' });
    const fresh = await send(form(await openForm(), { companyName: 'Helt Nya Hyllor AB' }));
    const held = await send(
      form(await openForm(), {
        organisationNumber: registered.organisationNumber,
        companyName: 'Redan Registrerade AB',
        municipalityCode: '1380', // Halmstad: Halland's organisation would take a new one
      }),
    );
    expect(held.statusCode).toBe(fresh.statusCode);
    expect(held.body).toBe(fresh.body);
    expect(await companiesNumbered(registered.organisationNumber)).toHaveLength(1);
    const mails = mailsAbout('Redan Registrerade AB');
    expect(mails.map((m) => m.to)).toEqual([fixtures.emails.coachOwn]);
    expect(mails[0]!.body).toContain('(Redan Registrerade AB)');
  });

  it('takes a form whose hidden field is filled in as any other, and keeps nothing of it', async () => {
    const honest = await send(form(await openForm(), { companyName: 'Ärliga Ämnen AB' }));
    const body = form(await openForm(), { companyName: 'Robotiserade Rån AB', website: 'https://spam.example' });
    const bot = await send(body);
    expect(bot.statusCode).toBe(202);
    expect(bot.body).toBe(honest.body);
    expect(await companiesNumbered(String(body.organisationNumber))).toEqual([]);
    expect(mailsAbout('Robotiserade Rån AB')).toEqual([]);
  });

  it('takes a form sent faster than a person fills it in as any other, and keeps nothing of it', async () => {
    const honest = await send(form(await openForm(), { companyName: 'Lugna Lister AB' }));
    const body = form(await openForm(1), { companyName: 'Snabba Skruvar AB' });
    const tooFast = await send(body);
    expect(tooFast.statusCode).toBe(202);
    expect(tooFast.body).toBe(honest.body);
    expect(await companiesNumbered(String(body.organisationNumber))).toEqual([]);
    expect(mailsAbout('Snabba Skruvar AB')).toEqual([]);
    // At the minimum fill time it is a person's form.
    const inTime = form(await openForm(4), { companyName: 'Precis Lagom AB' });
    expect((await send(inTime)).statusCode).toBe(202);
    expect(await companiesNumbered(String(inTime.organisationNumber))).toHaveLength(1);
  });

  it('refuses an eleventh form within the hour from one address, bots’ forms counted, and no other address', async () => {
    const address = freshAddress();
    const token = await openForm();
    for (let n = 0; n < 10; n += 1) {
      const response = await send(form(token, { website: 'bot' }), address);
      expect(response.statusCode, response.body).toBe(202);
    }
    const refused = await send(form(token), address);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await send(form(token))).statusCode).toBe(202);
  });

  it('names each field in error, and makes nothing', async () => {
    const token = await openForm();
    const cases: { fields: Record<string, unknown>; field: string; code: string }[] = [
      {
        fields: { organisationNumber: '556036-0794' },
        field: 'organisationNumber',
        code: 'organisation_number_check_digit',
      },
      { fields: { organisationNumber: '12345' }, field: 'organisationNumber', code: 'organisation_number_format' },
      { fields: { hasConsent: false }, field: 'hasConsent', code: 'consent_required' },
      { fields: { areas: [], message: '' }, field: 'areas', code: 'help_required' },
      { fields: { email: 'inte-en-adress' }, field: 'email', code: 'invalid_format' },
      { fields: { companyName: '' }, field: 'companyName', code: 'too_small' },
      { fields: { municipalityCode: '1400' }, field: 'municipalityCode', code: 'unknown_municipality' },
      { fields: { formToken: `${Date.now()}.forged` }, field: 'formToken', code: 'form_expired' },
    ];
    for (const { fields, field, code } of cases) {
      const body = form(token, fields);
      const response = await send(body);
      expect(response.statusCode, JSON.stringify(fields)).toBe(400);
      expect(fieldsOf(response)).toEqual([field]);
      const details = (response.json() as { details: { fields: { code: string }[] } }).details;
      expect(details.fields[0]!.code, JSON.stringify(fields)).toBe(code);
      expect(await companiesNumbered(String(body.organisationNumber))).toEqual([]);
    }
  });

  it('asks for a reload when the form has been open longer than a day', async () => {
    const token = await openForm(24 * 3600 + 1);
    const response = await send(form(token));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ details: { fields: [{ field: 'formToken', code: 'form_expired' }] } });
  });
});
