import { z } from 'zod';

export const livezSchema = z.object({ status: z.literal('ok') });
export const readyzSchema = z.object({
  status: z.enum(['ok', 'unavailable', 'draining']),
  database: z.enum(['up', 'down']),
});
