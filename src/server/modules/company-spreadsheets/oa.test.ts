import { it } from 'vitest';
import { createTestApp } from '../../test/test-app';
it('openapi', async () => {
  const t = await createTestApp();
  const r = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  console.log(r.statusCode, JSON.stringify(r.json().paths['/api/companies/export'].get.responses['200']));
  await t.close();
});
