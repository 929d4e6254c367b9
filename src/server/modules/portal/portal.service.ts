import {
  actionAbilities,
  canExportCompanyData,
  companyRecordAbilities,
  companyUserAbilities,
  stateAidAbilities,
} from '../../../core/access';
import { calendarDate } from '../../../core/calendar';
import type { Actor } from '../../../core/roles';
import { portalActionsDueDays, portalListMax, type Portal } from '../../../contracts/portal';
import type { AppContext } from '../../context';
import { unauthenticated } from '../../errors';
import { listActionsDueOfCompany } from '../action-plans/action-plans.service';
import { listUpcomingRegistrationsOfCompany } from '../activities/activities.service';
import { getPortalCompany } from '../companies/companies.service';
import { findCoachOf } from '../users/users.service';

const dayMs = 86_400_000;

/**
 * The company portal's first page (issue 15, decision 043): the company's coach, its actions due
 * and its people's coming activities, each read by one indexed, bounded query, and what the actor
 * may do from there. Another tenant's company answers 404.
 */
export async function getPortal(ctx: AppContext, actor: Actor, companyId: string): Promise<Portal> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const company = await getPortalCompany(ctx.db, actor, companyId);
  const now = ctx.now();
  // The window ends on a Swedish calendar day, as due dates are kept.
  const until = calendarDate(new Date(now.getTime() + portalActionsDueDays * dayMs));
  const canReadPlan = actionAbilities(actor, company).canRead;
  const [coach, actionsDue, registrations] = await Promise.all([
    company.coachId ? findCoachOf(ctx.db, company.coachId, company.organisationId) : undefined,
    canReadPlan ? listActionsDueOfCompany(ctx.db, companyId, until, portalListMax) : [],
    listUpcomingRegistrationsOfCompany(ctx.db, companyId, now, portalListMax),
  ]);
  return {
    companyId,
    companyName: company.name,
    organisationName: company.organisationName,
    coach: coach ? { name: coach.name, email: coach.email } : null,
    actionsDue,
    registrations,
    abilities: {
      canInviteColleagues: companyUserAbilities(actor, company).canInvite,
      canManageContacts: companyRecordAbilities(actor, company).canManageContacts,
      canExport: canExportCompanyData(actor, company),
      canDeclareStateAid: stateAidAbilities(actor, company).canDeclare,
    },
  };
}
