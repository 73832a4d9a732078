// Issue 16 item 3: after a crash, queued work resumes at the next start (not when its
// pg-boss job expires 15 minutes later), only work whose instance is gone, nothing twice.
import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import PgBoss from "pg-boss";
import { afterEach, describe, expect, it } from "vitest";
import { queryRows } from "@/db/index";
import { articles, ingestItems } from "@/db/schema";
import { sql } from "drizzle-orm";
import { createIngestJob } from "@/lib/ingest/jobs";
import { APP_NAME_PREFIX, stampJob } from "@/lib/ingest/orphans";
import { INGEST_QUEUE, jobIdForItem, startIngestQueue, stopIngestQueue } from "@/lib/ingest/queue";
import { useTestDb } from "../helpers/test-db";
import { dev } from "./ingest-fixtures";

const file = (name: string) => ({ fileName: name, bytes: fs.readFileSync(dev(name)) });

async function bossAs(url: string, instance: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 1, application_name: `${APP_NAME_PREFIX}${instance}` });
  boss.on("error", () => {});
  await boss.start();
  await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, retryLimit: 3, retryDelay: 5, expireInSeconds: 15 * 60 });
  return boss;
}

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("restart after a crash on postgres", () => {
  const t = useTestDb("postgres");
  afterEach(stopIngestQueue);

  it("re-queues the dead instance's job within a minute, leaves a live instance's job alone, stores nothing twice", async () => {
    const url = t.current.url!;
    const { itemIds } = await createIngestJob(t.db, [file("d007_borg-obse-astana.txt"), file("d009_posol-bolgariya-prokuror.txt")], null);
    const [deadItem, liveItem] = itemIds;
    // Two earlier instances each took one job; the first then died, the second is still at work.
    const dead = await bossAs(url, "dead-instance");
    const live = await bossAs(url, "live-instance");
    try {
      for (const itemId of itemIds) await dead.insert([{ id: jobIdForItem(itemId), name: INGEST_QUEUE, data: { itemId } }]);
      const [deadJob] = await dead.fetch<{ itemId: number }>(INGEST_QUEUE, { batchSize: 1 });
      const [liveJob] = await live.fetch<{ itemId: number }>(INGEST_QUEUE, { batchSize: 1 });
      expect([deadJob.data.itemId, liveJob.data.itemId]).toEqual([deadItem, liveItem]);
      await stampJob(t.db, INGEST_QUEUE, deadJob.id, "dead-instance");
      await stampJob(t.db, INGEST_QUEUE, liveJob.id, "live-instance");
      await dead.stop({ graceful: false, wait: true });

      const started = performance.now();
      await startIngestQueue({ db: t.db, url });
      for (;;) {
        const [row] = await t.db.select({ status: ingestItems.status }).from(ingestItems).where(eq(ingestItems.id, deadItem));
        if (row.status === "stored") break;
        expect(performance.now() - started, "resumed within a minute").toBeLessThan(60_000);
        await new Promise((r) => setTimeout(r, 250));
      }
      const states = await queryRows<{ id: string; state: string }>(t.db, sql`select id::text, state::text from pgboss.job where name = ${INGEST_QUEUE}`);
      expect(states.find((s) => s.id === liveJob.id)?.state).toBe("active");
      const [liveRow] = await t.db.select({ status: ingestItems.status }).from(ingestItems).where(eq(ingestItems.id, liveItem));
      expect(liveRow.status).toBe("queued");
      expect((await t.db.select({ n: count() }).from(articles))[0].n).toBe(1);
    } finally {
      await live.stop({ graceful: false, wait: true });
    }
  }, 120_000);
});
