import { canSeeInternalNotes } from '../../../core/access';
import type { Actor } from '../../../core/roles';
import type { Timeline, TimelineQuery } from '../../../contracts/timeline';
import type { AppContext } from '../../context';
import { notFound, unauthenticated } from '../../errors';
import { findCompanyActorMaySeeInFull } from '../company-access/company-access.service';
import { timelineSources, type TimelineSource } from './timeline-sources';

/**
 * Everything that happened with a company, newest first: one query per selected source (a fixed
 * number, never one per event), merged here and cut at the limit. Staff with full access see
 * internal notes; the company's own users see their timeline without them (issue 6, scope 5).
 */
export async function getCompanyTimeline(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  query: TimelineQuery,
  sources: readonly TimelineSource[] = timelineSources,
): Promise<Timeline> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const company = await findCompanyActorMaySeeInFull(ctx.db, actor, companyId);
  if (!company) throw notFound('The company');
  const withNotes = canSeeInternalNotes(actor, company);
  const selected = query.kinds ? sources.filter((source) => query.kinds!.includes(source.kind)) : sources;
  // One more than the limit tells whether the list was cut.
  const filter = { companyId, from: query.from, to: query.to, limit: query.limit + 1 };
  const lists = await Promise.all(selected.map((source) => source.list(ctx.db, filter, withNotes)));
  const events = lists
    .flat()
    .filter((event) => (!query.from || event.date >= query.from) && (!query.to || event.date <= query.to))
    .sort((a, b) => b.date.localeCompare(a.date) || (b.at ?? '').localeCompare(a.at ?? ''));
  return { items: events.slice(0, query.limit), isTruncated: events.length > query.limit };
}
