import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../../core/organisation-number';
import { createCompany } from '../../test/factories';
import { requestsAs } from '../../test/requests';
import { fixtures, useTestApp } from '../../test/test-app';
import { requestHandover } from './handovers.service';

// Hand-overs: a coach of another organisation asks for a company they see only thinly, and an
// admin decides (decision 007).

const app = useTestApp();
const call = requestsAs(app);

describe('thin view and hand-over', () => {
  it('shows a coach of another organisation only the thin view, and moves the company when an admin approves a hand-over', async () => {
    const created = await createCompany(call, 'coachOwn', {
      name: 'Flyttbara Verken AB',
      city: 'Skövde',
      streetAddress: 'Hemliga gatan 1',
    });
    expect((await call('coachOther', 'GET', `/api/companies/${created.id}`)).statusCode).toBe(404);
    const lookup = await call(
      'coachOther',
      'GET',
      `/api/companies/lookup?q=${encodeURIComponent(created.organisationNumber)}`,
    );
    expect(lookup.json()).toEqual({
      items: [
        {
          id: created.id,
          name: 'Flyttbara Verken AB',
          organisationNumber: created.organisationNumber,
          organisationId: fixtures.ownOrganisationId,
          organisationName: 'IDC West Sweden',
          status: 'prospect',
          isOwn: false,
          hasPendingHandover: false,
        },
      ],
    });
    expect(lookup.body).not.toContain('Hemliga');

    const requested = await call('coachOther', 'POST', `/api/companies/${created.id}/handover-requests`, {
      reason: 'Företaget har flyttat till Uddevalla',
    });
    expect(requested.statusCode).toBe(201);
    const handover = requested.json() as { id: string; version: number; status: string };
    expect(handover.status).toBe('pending');
    expect(
      (await call('coachOther', 'POST', `/api/companies/${created.id}/handover-requests`, { reason: 'Igen' }))
        .statusCode,
    ).toBe(422);

    const coachList = (await call('coachOwn', 'GET', '/api/handover-requests?status=pending')).json() as {
      items: { id: string }[];
    };
    expect(coachList.items.map((h) => h.id)).toContain(handover.id);

    const decided = await call('admin', 'POST', `/api/handover-requests/${handover.id}/decision`, {
      version: handover.version,
      decision: 'approve',
      note: 'Godkänt',
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved' });
    expect((await call('coachOther', 'GET', `/api/companies/${created.id}`)).json()).toMatchObject({
      organisationId: fixtures.otherOrganisationId,
    });
    expect((await call('coachOwn', 'GET', `/api/companies/${created.id}`)).statusCode).toBe(404);
    const again = await call('admin', 'POST', `/api/handover-requests/${handover.id}/decision`, {
      version: handover.version + 1,
      decision: 'refuse',
    });
    expect(again.statusCode).toBe(422);
  });
});

describe('hand-over decisions', () => {
  it('refuses the other pending requests when one is approved, and masks a sole trader’s number for the asking coach', async () => {
    const nine = '790314512';
    const personal = `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
    const company = await createCompany(call, 'coachOwn', {
      organisationNumber: personal,
      name: 'Enskild Överlämning',
    });
    const asked = (
      await call('coachOther', 'POST', `/api/companies/${company.id}/handover-requests`, { reason: 'Flyttat' })
    ).json() as { id: string; version: number; organisationNumber: string };
    expect(asked.organisationNumber).toBe('790314-****');
    const gtc = {
      kind: 'user',
      role: 'coach',
      userId: '00000000-0000-4000-8000-000000000305',
      organisationId: '00000000-0000-4000-8000-000000000104',
    } as const;
    const second = await requestHandover(app().ctx, gtc, company.id, 'Vi också');
    const approved = await call('admin', 'POST', `/api/handover-requests/${asked.id}/decision`, {
      version: asked.version,
      decision: 'approve',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const list = (await call('admin', 'GET', '/api/handover-requests?pageSize=100')).json() as {
      items: { id: string; status: string; organisationNumber: string }[];
    };
    expect(list.items.find((h) => h.id === second.id)?.status).toBe('refused');
    const holder = (await call('coachOther', 'GET', '/api/handover-requests?pageSize=100')).json() as {
      items: { id: string; organisationNumber: string }[];
    };
    expect(holder.items.find((h) => h.id === asked.id)?.organisationNumber).toBe(personal);
  });
});
