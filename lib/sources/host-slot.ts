// One request at a time per host, with a pause between requests, across every instance:
// the slot is a row in source_hosts taken with one conditional UPDATE (a lease until
// busy_until, so a holder that dies frees it when the lease ends) and given back with
// the next allowed time. In-process locks would not hold across app instances.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/index";
import { env } from "@/lib/config/env";
import { SourceRefusal } from "./guard";

/** How long a waiter tries before giving up on a host that stays busy. */
const MAX_WAIT_MS = 5 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function acquireHostSlot(db: Db, host: string, leaseMs = env.sourcesTimeoutMs * 2 + 5000): Promise<void> {
  await db.execute(sql`insert into source_hosts (host) values (${host}) on conflict (host) do nothing`);
  const deadline = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const taken = await queryRows<{ host: string }>(
      db,
      sql`update source_hosts set busy_until = clock_timestamp() + ${leaseMs} * interval '1 millisecond'
          where host = ${host} and busy_until <= clock_timestamp() and next_at <= clock_timestamp()
          returning host`,
    );
    if (taken.length > 0) return;
    if (Date.now() > deadline) throw new SourceRefusal(`${host} stayed busy for ${MAX_WAIT_MS / 60_000} minutes`);
    const [row] = await queryRows<{ wait: number }>(
      db,
      sql`select greatest(extract(epoch from (greatest(busy_until, next_at) - clock_timestamp())) * 1000, 0)::float8 as wait
          from source_hosts where host = ${host}`,
    );
    await sleep(Math.min(Math.max(Number(row?.wait ?? 0), 10), 1000));
  }
}

/** Frees the host; the next request waits `delayMs` (the configured pause, or robots.txt's Crawl-delay). */
export async function releaseHostSlot(db: Db, host: string, delayMs = env.sourcesHostDelayMs): Promise<void> {
  await db.execute(
    sql`update source_hosts set busy_until = clock_timestamp(), next_at = clock_timestamp() + ${delayMs} * interval '1 millisecond' where host = ${host}`,
  );
}

export async function withHostSlot<T>(db: Db, host: string, delayMs: number | undefined, work: () => Promise<T>): Promise<T> {
  await acquireHostSlot(db, host);
  try {
    return await work();
  } finally {
    await releaseHostSlot(db, host, delayMs);
  }
}
