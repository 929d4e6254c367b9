import { can } from '../../../core/access';
import type { Actor } from '../../../core/roles';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { forbidden, unauthenticated } from '../../errors';
import * as q from './outbox.queries';

/** The e-mails the platform sent or kept (admin): the development outbox when SMTP is not set. */
export async function listOutboxMessages(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number }) {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, 'viewOutbox')) throw forbidden();
  return q.listOutboxMessages(ctx.db, query.page, query.pageSize);
}

/**
 * Erasure of a contact person (GDPR art. 17, decision 012): the mails sent to them lose the
 * address, the text and the calendar file, which name them; that a mail went out, and when, stays.
 */
export async function eraseMessagesToContact(db: Db, contactId: string, pseudonym: string): Promise<void> {
  await q.eraseMessagesToContact(db, contactId, pseudonym);
}
