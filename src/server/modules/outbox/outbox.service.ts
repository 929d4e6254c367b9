import { can } from '../../../core/access';
import type { Actor } from '../../../core/roles';
import type { AppContext } from '../../context';
import { forbidden, unauthenticated } from '../../http/errors';
import * as q from './outbox.queries';

/** The e-mails the platform sent or kept (admin): the development outbox when SMTP is not set. */
export async function listOutboxMessages(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number }) {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, 'viewOutbox')) throw forbidden();
  return q.listOutboxMessages(ctx.db, query.page, query.pageSize);
}
