import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, MaturityModelContent, MaturityResults } from '../../../contracts/maturity';
import { defaultMaturityContentDir, loadMaturityModels, syncMaturityModels } from '../../content/maturity-models';
import { demoOrganisationNumber } from '../../db/demo-companies';
import { companies } from '../../db/schema';
import { demoIds } from '../../db/seed';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';
import { requestsAs } from '../../test/requests';
import { listDueAssessments } from './maturity.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const call = requestsAs(() => t);

async function start(actor: ActorName, companyId: string, body: Record<string, unknown>): Promise<Assessment> {
  const response = await call(actor, 'POST', `/api/companies/${companyId}/assessments`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Assessment;
}

const questionKeys = (a: Assessment) => a.model.content.dimensions.flatMap((d) => d.questions.map((q) => q.key));

/** Answers every question with the level the function gives, then submits. */
async function answerAll(actor: ActorName, a: Assessment, level: (index: number) => number | 'na') {
  for (const [i, key] of questionKeys(a).entries()) {
    const value = level(i);
    const response = await call(
      actor,
      'PUT',
      `/api/assessments/${a.id}/answers/${key}`,
      value === 'na' ? { level: null, isNotApplicable: true } : { level: value },
    );
    expect(response.statusCode, response.body).toBe(200);
  }
}

async function submit(actor: ActorName, a: Assessment, body: Record<string, unknown> = {}) {
  // Each submit a minute later, so "latest" is well defined.
  t.clock.now = new Date(t.clock.now.getTime() + 60_000);
  return call(actor, 'POST', `/api/assessments/${a.id}/submit`, { version: a.version, ...body });
}

async function results(actor: ActorName, companyId: string): Promise<MaturityResults> {
  const response = await call(actor, 'GET', `/api/companies/${companyId}/maturity`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as MaturityResults;
}

describe('a coach measurement', () => {
  it('starts a baseline, autosaves answers with progress, refuses an incomplete submit, then scores and locks', async () => {
    const companyId = demoIds.companies.sixth;
    const a = await start('coachOwn', companyId, { area: 'foundation' });
    expect(a).toMatchObject({ kind: 'baseline', mode: 'coach', status: 'draft', modelVersion: 1 });
    expect(a.result).toMatchObject({ answered: 0, score: null, step: null, isPartial: true });

    const first = questionKeys(a)[0]!;
    const saved = await call('coachOwn', 'PUT', `/api/assessments/${a.id}/answers/${first}`, {
      level: 4,
      comment: ' Visade sin vision på tavlan ',
    });
    expect(saved.json()).toEqual({
      questionKey: first,
      level: 4,
      isNotApplicable: false,
      comment: 'Visade sin vision på tavlan',
    });
    // Saving the same answer twice (an autosave retry) changes nothing.
    await call('coachOwn', 'PUT', `/api/assessments/${a.id}/answers/${first}`, {
      level: 4,
      comment: 'Visade sin vision på tavlan',
    });
    const partial = (await call('coachOwn', 'GET', `/api/assessments/${a.id}`)).json() as Assessment;
    expect(partial.answers).toHaveLength(1);
    expect(partial.result).toMatchObject({ answered: 1, isPartial: true });
    expect(partial.result.score).toBe(75);

    const incomplete = await submit('coachOwn', a);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().details.fields.map((f: { field: string }) => f.field)).toContain(
      `answers.${questionKeys(a)[1]}`,
    );

    await answerAll('coachOwn', a, (i) => (i === 1 ? 'na' : 2));
    const done = await submit('coachOwn', a, { nextDueOn: '2027-06-01' });
    expect(done.statusCode, done.body).toBe(200);
    const submitted = done.json() as Assessment;
    expect(submitted).toMatchObject({ status: 'submitted', score: 25, step: 2, nextDueOn: '2027-06-01' });
    expect(submitted.abilities.canAnswer).toBe(false);

    const late = await call('coachOwn', 'PUT', `/api/assessments/${a.id}/answers/${first}`, { level: 5 });
    expect(late.statusCode).toBe(422);
    expect((await submit('coachOwn', a)).statusCode).toBe(422);

    const view = await results('coachOwn', companyId);
    const foundation = view.areas.find((area) => area.area === 'foundation')!;
    expect(foundation.baseline).toMatchObject({ assessmentId: a.id, step: 2 });
    expect(view.nextDueOn).toBe('2027-06-01');
    expect(view.assessments.map((s) => s.id)).toContain(a.id);
  });

  it('shows the change per dimension from the baseline to a follow-up with better answers', async () => {
    const companyId = demoIds.companies.sixth;
    const follow = await start('coachOwn', companyId, { area: 'foundation' });
    expect(follow.kind).toBe('follow_up');
    await answerAll('coachOwn', follow, () => 4);
    expect((await submit('coachOwn', follow)).statusCode).toBe(200);
    const foundation = (await results('coachOwn', companyId)).areas.find((area) => area.area === 'foundation')!;
    expect(foundation.latest).toMatchObject({ assessmentId: follow.id, score: 75, step: 4 });
    expect(foundation.followUps).toHaveLength(1);
    expect(foundation.followUps[0]!.changes.every((c) => c.change === 50)).toBe(true);
    expect(foundation.followUps[0]!.changes).toHaveLength(foundation.dimensionNames.length);
  });

  it('refuses a second baseline and a follow-up without a baseline', async () => {
    const again = await call('coachOwn', 'POST', `/api/companies/${demoIds.companies.sixth}/assessments`, {
      area: 'foundation',
      kind: 'baseline',
    });
    expect(again.statusCode).toBe(422);
    const early = await call('coachOwn', 'POST', `/api/companies/${demoIds.companies.sixth}/assessments`, {
      area: 'energy_transition',
      kind: 'follow_up',
    });
    expect(early.statusCode).toBe(422);
  });

  it('hides a coach draft from the company user and from another organisation (404)', async () => {
    const draft = await start('coachOwn', fixtures.ownCompanyId, { area: 'digitalisation' });
    expect((await call('companyOwn', 'GET', `/api/assessments/${draft.id}`)).statusCode).toBe(404);
    expect((await call('coachOther', 'GET', `/api/assessments/${draft.id}`)).statusCode).toBe(404);
    expect((await call('companyOther', 'GET', `/api/assessments/${draft.id}`)).statusCode).toBe(404);
    const companyView = await results('companyOwn', fixtures.ownCompanyId);
    expect(companyView.assessments.map((s) => s.id)).not.toContain(draft.id);
    expect(companyView.abilities.startsMode).toBe('self');
  });
});

describe('a self-assessment', () => {
  it('is filled in by the company, confirmed by the coach with a pre-filled measurement, and both are kept', async () => {
    const self = await start('companyOwn', fixtures.ownCompanyId, { area: 'digitalisation' });
    expect(self).toMatchObject({ mode: 'self', kind: 'baseline' });
    const coachAnswer = await call('coachOwn', 'PUT', `/api/assessments/${self.id}/answers/${questionKeys(self)[0]}`, {
      level: 3,
    });
    expect(coachAnswer.statusCode).toBe(403);
    await answerAll('companyOwn', self, () => 5);
    expect((await submit('companyOwn', self)).statusCode).toBe(200);
    expect(
      (
        await call('companyOwn', 'POST', `/api/companies/${fixtures.ownCompanyId}/assessments`, {
          area: 'digitalisation',
          confirmsAssessmentId: self.id,
        })
      ).statusCode,
    ).toBe(403);

    const seen = (await call('coachOwn', 'GET', `/api/assessments/${self.id}`)).json() as Assessment;
    expect(seen.abilities.canConfirm).toBe(true);
    const confirmation = await start('coachOwn', fixtures.ownCompanyId, {
      area: 'digitalisation',
      confirmsAssessmentId: self.id,
    });
    expect(confirmation).toMatchObject({ mode: 'coach', confirmsAssessmentId: self.id });
    expect(confirmation.answers).toHaveLength(questionKeys(self).length);
    // The coach adjusts one answer before submitting; the company's own view stays as given.
    await call('coachOwn', 'PUT', `/api/assessments/${confirmation.id}/answers/${questionKeys(self)[0]}`, { level: 3 });
    expect((await submit('coachOwn', confirmation)).statusCode).toBe(200);

    const again = await call('coachOwn', 'POST', `/api/companies/${fixtures.ownCompanyId}/assessments`, {
      area: 'digitalisation',
      confirmsAssessmentId: self.id,
    });
    expect(again.statusCode).toBe(422);
    const kept = (await call('companyOwn', 'GET', `/api/assessments/${self.id}`)).json() as Assessment;
    expect(kept.confirmedByAssessmentId).toBe(confirmation.id);
    expect(kept.result.score).toBe(100);
    const view = await results('companyOwn', fixtures.ownCompanyId);
    const digital = view.areas.find((area) => area.area === 'digitalisation')!;
    expect(digital.latestSelf?.assessmentId).toBe(self.id);
    expect(digital.latest?.assessmentId).toBe(confirmation.id);
  });
});

describe('peer comparison', () => {
  it('shows the demo company its peers (same size class and SNI division) as medians only', async () => {
    const view = await results('coachOwn', fixtures.ownCompanyId);
    const foundation = view.areas.find((area) => area.area === 'foundation')!;
    expect(foundation.peers.isShown).toBe(true);
    expect(foundation.peers.peerCount).toBeGreaterThanOrEqual(5);
    expect(foundation.peers.dimensions.length).toBeGreaterThan(0);
    expect(JSON.stringify(foundation.peers)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('is hidden with 4 peers and shown at 5', async () => {
    // A peer group of its own: large companies in SNI division 30, none in the demo data.
    const ids = Array.from({ length: 6 }, (_, k) => `00000000-0000-4000-8000-${String(990_000 + k).padStart(12, '0')}`);
    await t.database.db.insert(companies).values(
      ids.map((id, k) => ({
        id,
        programmeId: demoIds.programme,
        organisationId: k % 2 === 0 ? fixtures.ownOrganisationId : fixtures.otherOrganisationId,
        organisationNumber: demoOrganisationNumber(900 + k),
        name: `Peertest ${k} AB`,
        sniCode: '30.110',
        sniDivision: '30',
        sizeClass: 'large' as const,
        status: 'active' as const,
      })),
    );
    const [target, ...peers] = ids;
    const measure = async (companyId: string) => {
      const a = await start('admin', companyId, { area: 'energy_transition' });
      await answerAll('admin', a, () => 3);
      expect((await submit('admin', a)).statusCode).toBe(200);
    };
    for (const peer of peers.slice(0, 4)) await measure(peer);
    const four = (await results('admin', target!)).areas.find((area) => area.area === 'energy_transition')!;
    expect(four.peers).toEqual({
      isShown: false,
      peerCount: null,
      medianStep: null,
      medianScore: null,
      dimensions: [],
    });
    await measure(peers[4]!);
    const five = (await results('admin', target!)).areas.find((area) => area.area === 'energy_transition')!;
    expect(five.peers).toMatchObject({ isShown: true, peerCount: 5, medianStep: 3, medianScore: 50 });
    expect(five.peers.dimensions.every((d) => d.median === 50)).toBe(true);
    await t.database.db.delete(companies).where(eq(companies.sniDivision, '30'));
  });
});

describe('model versions', () => {
  it('leaves old results unchanged when a new version is published, and refuses a changed published file', async () => {
    const companyId = demoIds.companies.sixth;
    const old = await start('coachOwn', companyId, { area: 'circular_business' });
    await answerAll('coachOwn', old, (i) => 1 + (i % 5));
    const before = (await submit('coachOwn', old)).json() as Assessment;

    // A temporary content folder with v1 as published and a v2 that drops a dimension and rewrites options.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-'));
    const areaDir = path.join(dir, 'circular_business');
    fs.mkdirSync(areaDir);
    const v1Text = fs.readFileSync(path.join(defaultMaturityContentDir, 'circular_business', 'v1.json'), 'utf8');
    const v1 = JSON.parse(v1Text) as MaturityModelContent;
    const v2: MaturityModelContent = {
      ...v1,
      version: 2,
      dimensions: v1.dimensions.slice(1).map((d) => ({
        ...d,
        questions: d.questions.map((q) => ({
          ...q,
          options: q.options.map((o) => ({ ...o, text: { sv: `Ny ${o.level}`, en: `New ${o.level}` } })),
        })),
      })),
    };
    fs.writeFileSync(path.join(areaDir, 'v1.json'), v1Text);
    fs.writeFileSync(path.join(areaDir, 'v2.json'), JSON.stringify(v2));
    await syncMaturityModels(t.database.db, loadMaturityModels(dir));

    const after = (await call('coachOwn', 'GET', `/api/assessments/${old.id}`)).json() as Assessment;
    expect(after.modelVersion).toBe(1);
    expect(after.result).toEqual(before.result);
    expect([after.score, after.step]).toEqual([before.score, before.step]);
    expect(after.model.content).toEqual(v1);

    const fresh = await start('coachOwn', companyId, { area: 'circular_business' });
    expect(fresh.modelVersion).toBe(2);
    await answerAll('coachOwn', fresh, () => 5);
    await submit('coachOwn', fresh);
    const circular = (await results('coachOwn', companyId)).areas.find((area) => area.area === 'circular_business')!;
    expect(circular.baseline).toMatchObject({ assessmentId: old.id, score: before.score, modelVersion: 1 });
    // Compared on the dimensions both versions share: the dropped one is left out.
    expect(circular.followUps[0]!.changes.map((c) => c.key)).toEqual(v2.dimensions.map((d) => d.key));

    fs.writeFileSync(
      path.join(areaDir, 'v1.json'),
      JSON.stringify({ ...v1, summary: { sv: 'Ändrad', en: 'Changed' } }),
    );
    await expect(syncMaturityModels(t.database.db, loadMaturityModels(dir))).rejects.toThrow(
      /circular_business\/v1\.json changed after version 1 of circular_business was published/,
    );
    fs.rmSync(dir, { recursive: true });
  });
});

describe('reminder and timeline hook', () => {
  it('lists the latest submitted measurements whose next one is due', async () => {
    const due = await listDueAssessments(t.database.db, '2027-12-31');
    expect(due.length).toBeGreaterThan(0);
    expect(due[0]).toEqual(
      expect.objectContaining({
        companyId: expect.any(String),
        area: expect.any(String),
        nextDueOn: expect.any(String),
      }),
    );
    const keys = due.map((d) => `${d.companyId} ${d.area} ${d.mode}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
