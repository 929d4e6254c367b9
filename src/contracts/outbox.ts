import { z } from 'zod';
import { idSchema, pageSchema, paginationQuerySchema, timestampSchema } from './common';

export { erasedMessageMarker, withheldLinkMarker } from './outbox-markers';

export const outboxMessageSchema = z.object({
  id: idSchema,
  createdAt: timestampSchema,
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  transport: z.enum(['smtp', 'outbox']),
  deliveredAt: timestampSchema.nullable(),
  /** The last failure, or why it was given up (decision 036). */
  error: z.string().nullable(),
  /** Failed delivery attempts so far. */
  attempts: z.number().int(),
  /** When delivery is tried next; null once delivered or given up, or when nothing delivers. */
  nextAttemptAt: timestampSchema.nullable(),
  /** The names and types of attached files (a calendar invitation); their content stays in the database. */
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxQuerySchema = paginationQuerySchema;
export const outboxPageSchema = pageSchema(outboxMessageSchema);
