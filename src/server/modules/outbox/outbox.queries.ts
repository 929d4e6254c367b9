import { count, desc, eq, sql } from 'drizzle-orm';
import { erasedMessageMarker, type OutboxMessage } from '../../../contracts/outbox';
import type { Db } from '../../db/client';
import { outboxMessages } from '../../db/schema';

export async function listOutboxMessages(db: Db, page: number, pageSize: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(outboxMessages)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(outboxMessages),
  ]);
  // Never the sealed link: nobody reads a live one-time link here (decisions 030 and 036).
  const items: OutboxMessage[] = rows.map(({ contactId: _contactId, sealedLink: _sealedLink, ...row }) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    attachments: row.attachments.map(({ filename, contentType }) => ({ filename, contentType })),
  }));
  return { items, total: Number(total?.value ?? 0), page, pageSize };
}

/** Erasure of a contact person: the stored mails to them keep their subject and times only. */
export async function eraseMessagesToContact(db: Db, contactId: string, recipient: string): Promise<void> {
  await db
    .update(outboxMessages)
    .set({
      recipient,
      body: erasedMessageMarker,
      attachments: [],
      // Not delivered to a person who is gone, if it still waited.
      nextAttemptAt: null,
      // A delivery error may quote the address.
      error: sql`case when ${outboxMessages.error} is null then null else ${erasedMessageMarker} end`,
    })
    .where(eq(outboxMessages.contactId, contactId));
}
