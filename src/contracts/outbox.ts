import { z } from 'zod';
import { idSchema, pageSchema, paginationQuerySchema, timestampSchema } from './common';

export const outboxMessageSchema = z.object({
  id: idSchema,
  createdAt: timestampSchema,
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  transport: z.enum(['smtp', 'outbox']),
  deliveredAt: timestampSchema.nullable(),
  error: z.string().nullable(),
  /** The names and types of attached files (a calendar invitation); their content stays in the database. */
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxQuerySchema = paginationQuerySchema;
export const outboxPageSchema = pageSchema(outboxMessageSchema);
