// Runs ingest items in the background. On PostgreSQL (DATABASE_URL) the queue is
// pg-boss in the "pgboss" schema: every app instance runs a worker, each item is one
// pg-boss job whose id is derived from the item id (so enqueuing twice is harmless),
// and a worker that dies mid-item has its job retried when it expires. On the
// embedded database there is one process, so an in-process loop works through the
// same ingest_items rows. Either way, items still holding bytes are resumed at start.
import { createHash, randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { dbKind, getDb, type Db } from "@/db/index";
import { env } from "@/lib/config/env";
import { pendingItemIds, processIngestItem } from "./jobs";
import { APP_NAME_PREFIX, requeueOrphans, stampJob } from "./orphans";

export const INGEST_QUEUE = "ingest-item";

interface QueueDriver {
  kind: "pg-boss" | "in-process";
  enqueue(itemIds: number[]): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when nothing is waiting or running in this process (in-process driver; tests). */
  idle(): Promise<void>;
}

const store = globalThis as unknown as { __chronicleIngestQueue?: Promise<QueueDriver> };

function logFailure(itemId: number, error: unknown): void {
  console.error(`ingest item ${itemId} failed: ${error instanceof Error ? error.message : String(error)}`);
}

function inProcessDriver(db: Db): QueueDriver {
  let running: Promise<void> | null = null;
  const failed = new Set<number>();
  const loop = async () => {
    for (;;) {
      const next = (await pendingItemIds(db, 50)).filter((id) => !failed.has(id));
      if (next.length === 0) return;
      for (const id of next) {
        try {
          await processIngestItem(db, id);
        } catch (error) {
          // Not retried in this process (it would spin); a restart tries again.
          failed.add(id);
          logFailure(id, error);
        }
      }
    }
  };
  const kick = () => {
    running ??= loop().finally(() => {
      running = null;
    });
    return running;
  };
  return {
    kind: "in-process",
    async enqueue() {
      void kick();
    },
    async stop() {
      await running;
    },
    async idle() {
      while (running) await running;
    },
  };
}

/** A stable UUID per item: pg-boss ignores a second insert of the same job id. */
export function jobIdForItem(itemId: number): string {
  const h = createHash("sha1").update(`chronicle-ingest-item:${itemId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function pgBossDriver(db: Db, url: string): Promise<QueueDriver> {
  // This instance's id: its pg-boss connections carry it, and so does every job it takes (lib/ingest/orphans.ts).
  const instanceId = randomUUID();
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 3, application_name: `${APP_NAME_PREFIX}${instanceId}` });
  boss.on("error", (error) => console.error(`ingest queue: ${error.message}`));
  await boss.start();
  await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, retryLimit: 3, retryDelay: 5, expireInSeconds: 15 * 60 });
  // Work that died with an earlier process resumes now, not when its job expires.
  const resumeOrphans = () =>
    requeueOrphans(db, INGEST_QUEUE).then(
      (n) => n > 0 && console.log(`ingest queue: resumed ${n} item(s) whose server had stopped`),
      (error: Error) => console.error(`ingest queue: could not resume stopped work: ${error.message}`),
    );
  await resumeOrphans();
  const sweep = setInterval(resumeOrphans, 60_000);
  sweep.unref();
  const enqueue = async (itemIds: number[]) => {
    for (let i = 0; i < itemIds.length; i += 500) {
      await boss.insert(
        itemIds.slice(i, i + 500).map((itemId) => ({
          id: jobIdForItem(itemId),
          name: INGEST_QUEUE,
          data: { itemId },
          retryLimit: 3,
          retryDelay: 5,
          expireInSeconds: 15 * 60,
        })),
      );
    }
  };
  let active = 0;
  await boss.work<{ itemId: number }>(INGEST_QUEUE, { batchSize: 4, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    active++;
    try {
      // A failing item throws so that pg-boss retries it (and, past the limit, marks it failed).
      for (const job of jobs) {
        await stampJob(db, INGEST_QUEUE, job.id, instanceId);
        await processIngestItem(db, job.data.itemId);
      }
    } finally {
      active--;
    }
  });
  // Items written before a crash but never handed to pg-boss.
  await enqueue(await pendingItemIds(db, 10_000));
  return {
    kind: "pg-boss",
    enqueue,
    stop: () => {
      clearInterval(sweep);
      return boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    async idle() {
      while (active > 0 || (await pendingItemIds(db, 1)).length > 0) await new Promise((r) => setTimeout(r, 100));
    },
  };
}

/**
 * Starts this process's worker (idempotent): called at server start and lazily on the
 * first enqueue. Tests pass their own database (and its URL on PostgreSQL).
 */
export function startIngestQueue(options: { db?: Db; url?: string } = {}): Promise<QueueDriver> {
  store.__chronicleIngestQueue ??= (async () => {
    const db = options.db ?? getDb();
    const url = options.url ?? env.databaseUrl;
    const driver = dbKind() === "postgres" && url ? await pgBossDriver(db, url) : inProcessDriver(db);
    if (driver.kind === "in-process") await driver.enqueue([]);
    return driver;
  })();
  store.__chronicleIngestQueue.catch(() => {
    store.__chronicleIngestQueue = undefined;
  });
  return store.__chronicleIngestQueue;
}

export async function enqueueIngestItems(itemIds: number[]): Promise<void> {
  const driver = await startIngestQueue();
  await driver.enqueue(itemIds);
}

export async function stopIngestQueue(): Promise<void> {
  const pending = store.__chronicleIngestQueue;
  store.__chronicleIngestQueue = undefined;
  if (pending) await (await pending).stop();
}

export async function ingestQueueIdle(): Promise<void> {
  const pending = store.__chronicleIngestQueue;
  if (pending) await (await pending).idle();
}
