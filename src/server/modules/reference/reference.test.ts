import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('reference data', () => {
  it('lists the 55 municipalities with Kungsbacka in Halland and Göteborgsregionen', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/reference/municipalities',
      headers: { cookie: await t.login('companyOwn') },
    });
    const items = (response.json() as { items: { code: string; name: string; reportingAreas: string[] }[] }).items;
    expect(items).toHaveLength(55);
    expect(items.find((m) => m.code === '1384')).toMatchObject({
      name: 'Kungsbacka',
      reportingAreas: expect.arrayContaining(['halland', 'goteborgsregionen']),
    });
  });

  it('lists the 24 manufacturing divisions of SNI 2007 in Swedish and English', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/reference/sni-divisions',
      headers: { cookie: await t.login('coachOwn') },
    });
    const items = (response.json() as { items: { code: string; nameSv: string; nameEn: string }[] }).items;
    expect(items.map((d) => d.code)).toEqual(Array.from({ length: 24 }, (_, i) => String(10 + i)));
    expect(items.every((d) => d.nameSv && d.nameEn)).toBe(true);
  });
});
