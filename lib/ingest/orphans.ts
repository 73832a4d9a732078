// Work that died with its process: a pg-boss job stays `active` until it expires (15
// minutes), so a restarted server would wait that long. Each worker stamps the jobs it
// takes with its instance id, and its pg-boss connections carry the same id in
// application_name; a job whose instance has no connection left is re-queued at start
// (and every minute), a live instance's never. Processing an item is idempotent, so a
// re-queued item whose article was already stored is not stored twice.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/index";

export const APP_NAME_PREFIX = "chronicle-ingest:";

/** Marks a job as taken by this instance (inside the worker, before the work). */
export async function stampJob(db: Db, queue: string, jobId: string, instanceId: string): Promise<void> {
  await db.execute(
    sql`update pgboss.job set output = jsonb_build_object('instance', ${instanceId}::text) where name = ${queue} and id = ${jobId}::uuid and state = 'active'`,
  );
}

/**
 * Puts back into the queue the active jobs whose instance is gone: stamped by an instance
 * with no connection open (pg_stat_activity), or never stamped and started over a minute ago.
 */
export async function requeueOrphans(db: Db, queue: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update pgboss.job j set state = 'retry', start_after = now(), started_on = null
        where j.name = ${queue} and j.state = 'active'
          and case when j.output ? 'instance'
                then not exists (select 1 from pg_stat_activity a where a.application_name = ${APP_NAME_PREFIX} || (j.output->>'instance'))
                else j.started_on < now() - interval '1 minute' end
        returning j.id`,
  );
  return rows.length;
}
