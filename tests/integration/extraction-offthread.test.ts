// Issue 16 item 1: no file can stall the server. The nasty files go through the upload
// queue (the path the Add articles page uses) while "another client" keeps loading a
// page's data; the extraction runs in the pool's threads with a time limit per file.
import { count, desc } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { getJobView } from "@/db/queries/ingest";
import { articles } from "@/db/schema";
import { closeExtractionPool, ExtractionPool, timeoutRefusal } from "@/lib/extract-runner";
import { createIngestJob } from "@/lib/ingest/jobs";
import { enqueueIngestItems, ingestQueueIdle, startIngestQueue, stopIngestQueue } from "@/lib/ingest/queue";
import { nestedDivs, nestedTables, oneLine } from "../helpers/nasty-files";
import { testDbKinds, useTestDb } from "../helpers/test-db";

afterAll(closeExtractionPool);

describe.each(testDbKinds())("extraction off the event loop on %s", (kind) => {
  const t = useTestDb(kind);
  afterEach(stopIngestQueue);

  it("uploads 100,000 nested divs, 5 MB on one line and 4 MB of nested tables while pages keep loading", async () => {
    const files = [
      { fileName: "nested-divs.html", bytes: new Uint8Array(Buffer.from(nestedDivs())) },
      { fileName: "one-line.txt", bytes: oneLine() },
      { fileName: "nested-tables.html", bytes: new Uint8Array(Buffer.from(nestedTables())) },
    ];
    const { jobId, itemIds } = await createIngestJob(t.db, files, null);
    await startIngestQueue({ db: t.db, url: t.current.url });

    // The other client: a page's queries every 100 ms, each timed.
    let slowest = 0;
    let loads = 0;
    let stop = false;
    const client = (async () => {
      while (!stop) {
        const started = performance.now();
        await t.db.select({ id: articles.id, title: articles.title }).from(articles).orderBy(desc(articles.id)).limit(50);
        await t.db.select({ n: count() }).from(articles);
        slowest = Math.max(slowest, performance.now() - started);
        loads++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const started = performance.now();
    await enqueueIngestItems(itemIds);
    await ingestQueueIdle();
    const settled = performance.now() - started;
    stop = true;
    await client;

    const job = (await getJobView(t.db, jobId))!;
    expect(job.status).toBe("done");
    // Each file refused or extracted: three files, at most 30 s each (10 s limit + thread start).
    expect(settled).toBeLessThan(3 * 30_000);
    for (const item of job.items) expect(["stored", "refused", "duplicate"]).toContain(item.status);
    expect(job.items.find((i) => i.fileName === "one-line.txt")?.message).toBe(timeoutRefusal(10_000));
    expect(loads).toBeGreaterThan(10);
    expect(slowest).toBeLessThan(3_000);
  }, 180_000);
});

describe("the extraction pool", () => {
  it("terminates a thread past the limit, refuses in seconds and keeps serving", async () => {
    const pool = new ExtractionPool({ size: 1, timeoutMs: 1_000 });
    try {
      const slow = pool.run({ kind: "bytes", bytes: oneLine(), fileName: "one-line.txt" }, "defaults", null);
      const started = performance.now();
      await expect(slow).rejects.toThrow(timeoutRefusal(1_000));
      expect(pool.threadCount).toBe(0); // terminated, not abandoned
      const small = await pool.run(
        { kind: "text", text: "Президент Казахстана Касым-Жомарт Токаев провел встречу с министром иностранных дел Японии." },
        "defaults",
        null,
      );
      expect(small.articles[0].events.length).toBe(1);
      expect(performance.now() - started).toBeLessThan(30_000);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
