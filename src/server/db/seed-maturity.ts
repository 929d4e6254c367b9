import { maturityAreas } from '../../core/maturity-areas';
import { scoreAssessment, type Answer, type Level } from '../../core/maturity-scoring';
import { bundledMaturityModels, syncMaturityModels } from '../content/maturity-models';
import { listCurrentModels } from '../modules/maturity/maturity.queries';
import type { Db } from './client';
import { demoOrganisationNumber } from './demo-companies';
import { assessmentAnswers, assessmentDimensionScores, assessments, companies, companyStatusChanges } from './schema';

// Demo measurements so that the ladder, radars, change over time and the peer comparison show
// something real on a first start (docs/decisions/013). Every answer is derived from indexes, so
// every start sees the same results. Five extra invented companies share the first demo company's
// size class and SNI division (micro, 25), so its peer group reaches the 5 the comparison needs.

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const day = 86_400_000;

type DemoOrganisation = { id: string; coachId: string };

/** Invented peers of the first demo company: micro metal-working firms (SNI 25). */
function peerCompanyRows(programmeId: string, organisations: readonly DemoOrganisation[]) {
  const places = [
    { name: 'Provsvarv i Falköping AB', municipalityCode: '1499', sniCode: '25.620' },
    { name: 'Skissmetall i Trollhättan AB', municipalityCode: '1488', sniCode: '25.610' },
    { name: 'Mönsterplåt i Ulricehamn AB', municipalityCode: '1491', sniCode: '25.110' },
    { name: 'Utkastsmide i Alingsås AB', municipalityCode: '1489', sniCode: '25.500' },
    { name: 'Förebildsverken i Varberg AB', municipalityCode: '1383', sniCode: '25.620' },
  ];
  return places.map((place, k) => {
    const organisation = organisations[k % organisations.length]!;
    return {
      id: id(1100 + k),
      programmeId,
      organisationId: organisation.id,
      coachId: organisation.coachId,
      organisationNumber: demoOrganisationNumber(41 + k),
      isSoleTrader: false,
      name: place.name,
      streetAddress: `Verkstadsvägen ${3 + k}`,
      postalCode: `5${40 + k} 3${k}`,
      city: place.name.split(' i ')[1]!.replace(' AB', ''),
      municipalityCode: place.municipalityCode,
      sniCode: place.sniCode,
      sniDivision: '25',
      sniVersion: 'SNI 2007',
      headcount: 3 + k,
      turnoverSek: 4_000_000 + k * 900_000,
      balanceSheetSek: 2_000_000 + k * 400_000,
      financialYear: 2025,
      sizeClass: 'micro' as const,
      status: 'active' as const,
      statusChangedOn: '2024-02-01',
      createdAt: new Date(Date.UTC(2023, 11, 1 + k)),
    };
  });
}

/** A level from 1 to 5 that depends only on the indexes; follow-ups climb by one where they can. */
function demoLevel(company: number, area: number, question: number, round: number): Level {
  const base = 1 + ((company * 7 + area * 3 + question * 5 + ((company * question) % 3)) % 4);
  return Math.min(5, base + (round > 0 && (question + company) % 3 !== 0 ? 1 : 0) + (round > 1 ? 1 : 0)) as Level;
}

/** Seeds the maturity models and demo measurements; call after the demo companies exist. */
export async function seedMaturityDemo(
  db: Db,
  programmeId: string,
  organisations: readonly DemoOrganisation[],
  skipCompanyIds: readonly string[],
): Promise<void> {
  await syncMaturityModels(db, bundledMaturityModels());
  const models = await listCurrentModels(db);
  const peers = peerCompanyRows(programmeId, organisations);
  await db.insert(companies).values(peers);
  await db.insert(companyStatusChanges).values(
    peers.map((peer, k) => ({
      id: id(21_000 + k),
      companyId: peer.id,
      fromStatus: null,
      toStatus: 'active' as const,
      changedOn: '2024-02-01',
      changedBy: peer.coachId,
    })),
  );
  const measured = (
    await db
      .select({
        id: companies.id,
        coachId: companies.coachId,
        status: companies.status,
        createdAt: companies.createdAt,
      })
      .from(companies)
  )
    .filter((c) => (c.status === 'active' || c.status === 'completed') && !skipCompanyIds.includes(c.id))
    .sort((a, b) => a.id.localeCompare(b.id));

  const assessmentRows: (typeof assessments.$inferInsert)[] = [];
  const answerRows: (typeof assessmentAnswers.$inferInsert)[] = [];
  const scoreRows: (typeof assessmentDimensionScores.$inferInsert)[] = [];
  let serial = 0;
  measured.forEach((company, c) => {
    // The first demo company (sorted first) and every third one have follow-ups.
    const rounds = c === 0 ? 3 : c % 3 === 0 ? 2 : 1;
    for (const model of models) {
      const a = maturityAreas.indexOf(model.area);
      for (let round = 0; round < rounds; round += 1) {
        const assessmentId = id(5_000_000 + (serial += 1));
        const submittedAt = new Date(company.createdAt.getTime() + (60 + round * 180 + a * 4) * day);
        const answers: Record<string, Answer> = {};
        model.content.dimensions.forEach((dimension) =>
          dimension.questions.forEach((question, j) => {
            const isNotApplicable = (c + a + j) % 17 === 5;
            const level = isNotApplicable ? null : demoLevel(c, a, j + dimension.key.length, round);
            answers[question.key] = { level, isNotApplicable };
            answerRows.push({
              assessmentId,
              questionKey: question.key,
              level,
              isNotApplicable,
              comment: j === 0 && round === 0 ? 'Diskuterat med VD vid platsbesöket.' : null,
              answeredBy: company.coachId,
              updatedAt: submittedAt,
            });
          }),
        );
        const result = scoreAssessment(model.content, answers);
        const isLatest = round === rounds - 1;
        assessmentRows.push({
          id: assessmentId,
          programmeId,
          companyId: company.id,
          area: model.area,
          kind: round === 0 ? 'baseline' : 'follow_up',
          mode: 'coach',
          modelId: model.id,
          status: 'submitted',
          startedBy: company.coachId,
          startedAt: new Date(submittedAt.getTime() - 2 * 3600_000),
          submittedBy: company.coachId,
          submittedAt,
          nextDueOn: isLatest
            ? new Date(Date.UTC(2027, (c + a) % 12, 1 + (c % 27))).toISOString().slice(0, 10)
            : new Date(submittedAt.getTime() + 180 * day).toISOString().slice(0, 10),
          score: result.score,
          step: result.step,
          version: 2,
          updatedAt: submittedAt,
        });
        for (const d of result.dimensions) {
          if (d.score !== null) scoreRows.push({ assessmentId, dimensionKey: d.key, score: d.score });
        }
      }
    }
  });
  for (let i = 0; i < assessmentRows.length; i += 500)
    await db.insert(assessments).values(assessmentRows.slice(i, i + 500));
  for (let i = 0; i < answerRows.length; i += 1000)
    await db.insert(assessmentAnswers).values(answerRows.slice(i, i + 1000));
  for (let i = 0; i < scoreRows.length; i += 1000) {
    await db.insert(assessmentDimensionScores).values(scoreRows.slice(i, i + 1000));
  }
}
