import { z } from 'zod';
import { actionStatusSchema, areaSchema } from './action-plans';
import { activityTypeSchema, registrationStatusSchema } from './activities';
import { idSchema, timestampSchema } from './common';

// The company portal's first page (issue 15, decision 043): what is due for the company and who
// its coach is. Its steps and the change since the baseline come from the maturity results
// (GET /api/companies/:id/maturity), its people from the company (GET /api/companies/:id).

/** How far ahead the portal lists actions due; overdue ones are listed too. */
export const portalActionsDueDays = 30;
/** At most this many actions and registrations each: the page links to the whole plan. */
export const portalListMax = 10;

export const portalSchema = z.object({
  companyId: idSchema,
  companyName: z.string(),
  organisationName: z.string(),
  /** The company's industry developer and how to reach them; null while none is named. */
  coach: z.object({ name: z.string(), email: z.string() }).nullable(),
  /** Open actions due within portalActionsDueDays, or overdue, earliest first. */
  actionsDue: z.array(
    z.object({ id: idSchema, title: z.string(), area: areaSchema, status: actionStatusSchema, dueOn: z.string() }),
  ),
  /** The company's people signed up for activities that have not ended, soonest first. */
  registrations: z.array(
    z.object({
      id: idSchema,
      activityId: idSchema,
      activityTitle: z.string(),
      activityType: activityTypeSchema,
      startsAt: timestampSchema,
      endsAt: timestampSchema,
      place: z.string().nullable(),
      contactName: z.string(),
      status: registrationStatusSchema,
    }),
  ),
  abilities: z.object({
    canInviteColleagues: z.boolean(),
    canManageContacts: z.boolean(),
    canExport: z.boolean(),
    /** The state-aid declaration (decision 032): the company's own user answers it in the portal. */
    canDeclareStateAid: z.boolean(),
  }),
});
export type Portal = z.infer<typeof portalSchema>;
