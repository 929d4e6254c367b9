import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

type Rows<T> = { rows: T[] };

/** Jobs per queue and state, from the job runner's own tables (schema `pgboss`); empty before the
 * runner first started on this database. Every queue answers every state, zeros included, so an
 * alert on a state sees 0 rather than no series. */
export async function countJobs(db: Db): Promise<{ queue: string; state: string; jobs: number }[]> {
  const exists = (await db.execute(sql`select to_regclass('pgboss.job') is not null as "exists"`)) as unknown as Rows<{
    exists: boolean;
  }>;
  if (!exists.rows[0]?.exists) return [];
  const result = (await db.execute(sql`
    select q.name as queue, s.state, count(j.id)::int as jobs
      from pgboss.queue q
     cross join (values ('created'), ('retry'), ('active'), ('failed')) as s(state)
      left join pgboss.job j on j.name = q.name and j.state::text = s.state
     group by q.name, s.state
     order by q.name, s.state`)) as unknown as Rows<{ queue: string; state: string; jobs: number }>;
  return result.rows;
}

/** The outbox's messages that are not delivered, by state: waiting for their first attempt,
 * retrying after a failed one, and failed for good. */
export async function countUndelivered(db: Db): Promise<{ state: string; messages: number }[]> {
  const result = (await db.execute(sql`
    select count(*) filter (where next_attempt_at is not null)::int as waiting,
           count(*) filter (where next_attempt_at is null and error is not null)::int as failed
      from outbox_messages
     where transport = 'smtp' and delivered_at is null`)) as unknown as Rows<{ waiting: number; failed: number }>;
  const row = result.rows[0] ?? { waiting: 0, failed: 0 };
  return [
    { state: 'waiting', messages: row.waiting },
    { state: 'failed', messages: row.failed },
  ];
}
