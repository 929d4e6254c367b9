import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema } from '../../../contracts/common';
import { municipalityListSchema, sniDivisionListSchema } from '../../../contracts/reference';
import type { AppContext } from '../../context';
import * as reference from './reference.service';

// Reference data from content/: read-only, for pickers and labels.
export const referenceRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app) => {
  app.get(
    '/api/reference/municipalities',
    {
      schema: {
        tags: ['reference'],
        summary: 'The 55 municipalities of Västra Götaland and Halland with their reporting areas',
        response: { 200: municipalityListSchema, 401: errorSchema },
      },
    },
    async (request) => ({ items: reference.listMunicipalities(request.actor) }),
  );
  app.get(
    '/api/reference/sni-divisions',
    {
      schema: {
        tags: ['reference'],
        summary: 'SNI 2007 manufacturing divisions 10–33',
        response: { 200: sniDivisionListSchema, 401: errorSchema },
      },
    },
    async (request) => ({ items: reference.listSniDivisions(request.actor) }),
  );
};
