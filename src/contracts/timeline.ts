import { z } from 'zod';
import { timestampSchema } from './common';

const isoDateSchema = z.iso.date({ error: 'A date, e.g. 2026-11-26' });

// The company timeline: everything that happened with a company, newest first.
/** Event kinds of the timeline, in the order of the filter chips. */
export const timelineKinds = [
  'registered',
  'status_change',
  'contact_added',
  'assessment',
  'activity_attended',
  'analysis',
  'action_created',
  'action_done',
  'intervention',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];
export const timelineKindSchema = z.enum(timelineKinds);

export const timelineQuerySchema = z
  .strictObject({
    kinds: z
      .string()
      .transform((value) => value.split(',').filter(Boolean))
      .pipe(z.array(timelineKindSchema))
      .optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: 'The end is before the start',
    path: ['to'],
  });
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

export const timelineEventSchema = z.object({
  kind: timelineKindSchema,
  id: z.string(),
  /** The calendar date of the event (YYYY-MM-DD). */
  date: z.string(),
  /** The instant, when the event has one; orders events within a day. */
  at: timestampSchema.nullable(),
  /** Values the UI puts into the kind's sentence (status, name, hours …). */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** Internal notes: only for staff with full access, never for company users. */
  notes: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const timelineSchema = z.object({
  items: z.array(timelineEventSchema),
  /** True when more events exist than the limit returned. */
  isTruncated: z.boolean(),
});
export type Timeline = z.infer<typeof timelineSchema>;
