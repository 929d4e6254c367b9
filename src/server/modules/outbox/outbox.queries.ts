import { count, desc } from 'drizzle-orm';
import type { OutboxMessage } from '../../../contracts/outbox';
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
  const items: OutboxMessage[] = rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    attachments: row.attachments.map(({ filename, contentType }) => ({ filename, contentType })),
  }));
  return { items, total: Number(total?.value ?? 0), page, pageSize };
}
