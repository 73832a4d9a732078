// When sources are polled. A source is claimed by moving its next_poll_at one interval
// ahead in the same statement that finds it due (FOR UPDATE SKIP LOCKED), so however
// many instances look at once, each source is polled once per interval. On PostgreSQL
// the looking is a pg-boss job scheduled every minute (one per minute across instances,
// pg-boss's own cron); on the embedded database, a timer in the one process.
import { and, asc, eq, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { dbKind, getDb, type Db } from "@/db/index";
import { sources, type Source } from "@/db/schema";
import { env } from "@/lib/config/env";
import { pollSource, type PollOptions, type PollSummary } from "./poll";

export const SOURCES_TICK_QUEUE = "sources-tick";

/** Claims up to `limit` due active sources for this caller (moves them one interval ahead). */
export async function claimDueSources(db: Db, limit = 10): Promise<Source[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: sources.id })
      .from(sources)
      .where(and(eq(sources.active, true), sql`${sources.nextPollAt} <= now()`))
      .orderBy(asc(sources.nextPollAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(sources)
      .set({ nextPollAt: sql`now() + ${sources.intervalMinutes} * interval '1 minute'` })
      .where(sql`${sources.id} in (${sql.join(due.map((d) => sql`${d.id}`), sql`, `)})`)
      .returning();
  });
}

/** Polls every due source, claiming a few at a time, until none is due. */
export async function pollDueSources(db: Db, options: PollOptions = {}): Promise<PollSummary[]> {
  const done: PollSummary[] = [];
  for (;;) {
    const claimed = await claimDueSources(db);
    if (claimed.length === 0) return done;
    for (const source of claimed) done.push(await pollSource(db, source, options));
  }
}

/** One round over every active source now, whether due or not (the shell's `poll`, the page's button). */
export async function pollSourcesNow(db: Db, options: PollOptions & { ids?: number[]; onSource?: (summary: PollSummary) => void } = {}): Promise<PollSummary[]> {
  const list = await db.select().from(sources).where(eq(sources.active, true)).orderBy(asc(sources.id));
  const out: PollSummary[] = [];
  for (const source of list.filter((s) => !options.ids || options.ids.includes(s.id))) {
    await db.update(sources).set({ nextPollAt: sql`now() + ${sources.intervalMinutes} * interval '1 minute'` }).where(eq(sources.id, source.id));
    const summary = await pollSource(db, source, options);
    options.onSource?.(summary);
    out.push(summary);
  }
  return out;
}

export interface SourcePoller {
  kind: "pg-boss" | "in-process";
  /** Looks for due sources now (pg-boss: sends a tick job that any instance may take). */
  tick(): Promise<void>;
  /** Resolves when no poll runs in this poller. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

function logRound(summaries: PollSummary[]): void {
  for (const s of summaries) {
    if (s.outcome === "failed") console.error(`source ${s.sourceId} (${s.name}) failed: ${s.error}`);
  }
}

function inProcessPoller(db: Db, tickSeconds: number): SourcePoller {
  let running: Promise<void> | null = null;
  const tick = async () => {
    running ??= pollDueSources(db)
      .then(logRound, (error) => console.error(`polling sources failed: ${(error as Error).message}`))
      .finally(() => {
        running = null;
      });
    await running;
  };
  const timer = tickSeconds > 0 ? setInterval(() => void tick(), tickSeconds * 1000) : null;
  timer?.unref();
  return {
    kind: "in-process",
    tick,
    async idle() {
      while (running) await running;
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

/** A pg-boss poller; tests start two on one database to see that each source is polled once. */
export async function pgBossPoller(db: Db, url: string, options: { schedule?: boolean } = {}): Promise<SourcePoller> {
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 2, application_name: "chronicle-sources" });
  boss.on("error", (error) => console.error(`sources queue: ${error.message}`));
  await boss.start();
  await boss.createQueue(SOURCES_TICK_QUEUE, { name: SOURCES_TICK_QUEUE, retryLimit: 0, expireInSeconds: 60 * 60 });
  let active = 0;
  await boss.work(SOURCES_TICK_QUEUE, { pollingIntervalSeconds: 1 }, async () => {
    active++;
    try {
      logRound(await pollDueSources(db));
    } finally {
      active--;
    }
  });
  if (options.schedule !== false) await boss.schedule(SOURCES_TICK_QUEUE, "* * * * *");
  return {
    kind: "pg-boss",
    async tick() {
      await boss.send(SOURCES_TICK_QUEUE, {});
    },
    async idle() {
      // A tick sent but not yet picked up counts as work too.
      for (;;) {
        const queued = await boss.getQueueSize(SOURCES_TICK_QUEUE);
        if (active === 0 && queued === 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
  };
}

const store = globalThis as unknown as { __chronicleSourcePoller?: Promise<SourcePoller> };

/** Starts this process's poller (idempotent), at server start. CHRONICLE_SOURCES_TICK_SECONDS=0 turns it off. */
export function startSourcePolling(): Promise<SourcePoller | null> {
  if (env.sourcesTickSeconds === 0) return Promise.resolve(null);
  store.__chronicleSourcePoller ??= (async () => {
    const db = getDb();
    const url = env.databaseUrl;
    return dbKind() === "postgres" && url ? pgBossPoller(db, url) : inProcessPoller(db, env.sourcesTickSeconds);
  })();
  store.__chronicleSourcePoller.catch(() => {
    store.__chronicleSourcePoller = undefined;
  });
  return store.__chronicleSourcePoller;
}

export { inProcessPoller };
