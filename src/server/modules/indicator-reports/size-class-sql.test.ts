import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sizeClassOn, type SizeRecord } from '../../../core/indicators';
import { smeClasses } from '../../../core/sme-class';
import { rowsOf } from '../../db/rows';
import { freshOrganisationNumber } from '../../test/access-matrix';
import { ok, requestsAs } from '../../test/requests';
import { createTestApp, type TestApp } from '../../test/test-app';

// The support months keep the size class on each day of support (migration 0037, decision 049), and
// the report looks up the class of a company first supported by an analysis or an activity with
// company_size_class_on (migration 0031); the core's sizeClassOn states the rule. Here all three
// answer the same records and days on the real engine, and the months follow the records.

let t: TestApp;
const call = requestsAs(() => t);
let companyId = '';

beforeAll(async () => {
  t = await createTestApp();
  companyId = (
    await ok<{ id: string }>(
      await call('admin', 'POST', '/api/companies', {
        organisationNumber: freshOrganisationNumber(),
        name: 'Storleksprov AB',
        municipalityCode: '1496',
        organisationId: (await ok<{ items: { id: string }[] }>(await call('admin', 'GET', '/api/organisations')))
          .items[0]!.id,
      }),
      201,
    )
  ).id;
});

/** The days with support logged so far: each day asked about gets an intervention. */
const supportDays = new Set<string>();

async function supportOn(occurredOn: string) {
  if (supportDays.has(occurredOn)) return;
  await ok(
    await call('admin', 'POST', `/api/companies/${companyId}/interventions`, {
      occurredOn,
      kind: 'coaching',
      hours: 1,
    }),
    201,
  );
  supportDays.add(occurredOn);
}

afterAll(async () => {
  await t?.close();
});

/** A record made at a Stockholm time on its day; records are made oldest first. */
type TimedRecord = SizeRecord & { recordedAt: string };

async function sqlAnswers(records: readonly TimedRecord[], days: readonly string[]): Promise<(string | null)[]> {
  const db = t.database.db;
  for (const onDay of days) await supportOn(onDay);
  await db.execute(sql`delete from company_size_records where company_id = ${companyId}`);
  for (const record of records) {
    await db.execute(sql`insert into company_size_records (company_id, recorded_at, size_class)
      values (${companyId}, ${record.recordedAt}::timestamptz, ${record.sizeClass})`);
  }
  const answers: (string | null)[] = [];
  for (const onDay of days) {
    // The function for one day, the months' class of the day, which the size records' trigger keeps:
    // the same answer.
    const result = await db.execute(sql`
      select company_size_class_on(${companyId}, ${onDay}::date) as "one",
             (select m.size_classes[array_position(m.days, ${onDay}::date)] from company_support_months m
               where m.company_id = ${companyId} and m.month = date_trunc('month', ${onDay}::date)::date) as "kept"`);
    const { one, kept } = rowsOf<{ one: string | null; kept: string | null }>(result)[0]!;
    expect(kept).toBe(one);
    answers.push(one);
  }
  return answers;
}

const dayArbitrary = fc
  .integer({ min: 0, max: 60 })
  .map((n) => new Date(Date.UTC(2025, 11, 1) + n * 86_400_000).toISOString().slice(0, 10));

describe('company_size_class_on', () => {
  it('answers as the core on the edges: a day before, on and after a record, two records on one day', async () => {
    const records: TimedRecord[] = [
      { recordedOn: '2025-12-10', recordedAt: '2025-12-10T08:00:00+01:00', sizeClass: null },
      { recordedOn: '2025-12-20', recordedAt: '2025-12-20T09:00:00+01:00', sizeClass: 'micro' },
      { recordedOn: '2025-12-20', recordedAt: '2025-12-20T23:30:00+01:00', sizeClass: 'small' },
      { recordedOn: '2026-01-05', recordedAt: '2026-01-05T00:10:00+01:00', sizeClass: 'medium' },
    ];
    const days = ['2025-12-01', '2025-12-19', '2025-12-20', '2026-01-04', '2026-01-05', '2026-03-01'];
    expect(await sqlAnswers(records, days)).toEqual(days.map((day) => sizeClassOn(records, day)));
    expect(days.map((day) => sizeClassOn(records, day))).toEqual([
      'micro',
      'micro',
      'small',
      'small',
      'medium',
      'medium',
    ]);
  });

  it('answers as the core for any records and days (property)', async () => {
    const recordsArbitrary = fc
      .array(
        fc.record({
          recordedOn: dayArbitrary,
          minute: fc.integer({ min: 0, max: 1439 }),
          sizeClass: fc.option(fc.constantFrom(...smeClasses)),
        }),
        { maxLength: 5 },
      )
      .map((drawn) =>
        drawn
          .map((r, i) => {
            const time = `${String(Math.floor(r.minute / 60)).padStart(2, '0')}:${String(r.minute % 60).padStart(2, '0')}:${String(i).padStart(2, '0')}`;
            return { recordedOn: r.recordedOn, recordedAt: `${r.recordedOn}T${time}+01:00`, sizeClass: r.sizeClass };
          })
          .sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : 1)),
      );
    await fc.assert(
      fc.asyncProperty(
        recordsArbitrary,
        fc.array(dayArbitrary, { minLength: 1, maxLength: 4 }),
        async (records, days) => {
          const answers = await sqlAnswers(records, days);
          return answers.every((answer, i) => answer === sizeClassOn(records, days[i]!));
        },
      ),
      { numRuns: 40 },
    );
  });
});
