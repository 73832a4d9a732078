import fs from "node:fs";
import { count, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { queryRows } from "@/db/index";
import { getJobView } from "@/db/queries/ingest";
import { articles, ingestItems } from "@/db/schema";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { createIngestJob } from "@/lib/ingest/jobs";
import { MAX_FILE_BYTES } from "@/lib/ingest/limits";
import { enqueueIngestItems, ingestQueueIdle, startIngestQueue, stopIngestQueue } from "@/lib/ingest/queue";
import { createAppExtractor } from "@/lib/app-extractor";
import { testDbKinds, useTestDb } from "../helpers/test-db";
import { dev } from "./ingest-fixtures";

const file = (name: string) => ({ fileName: name, bytes: fs.readFileSync(dev(name)) });

describe.each(testDbKinds())("background ingestion on %s", (kind) => {
  const t = useTestDb(kind);
  afterEach(async () => {
    await stopIngestQueue();
  });

  it(`processes an upload's items in the background (${kind === "postgres" ? "pg-boss" : "in-process"}) with per-file results`, async () => {
    const { jobId, itemIds } = await createIngestJob(
      t.db,
      [
        file("d001_koshanov-vsnp-kitay.txt"),
        file("d002_tokaev-erdogan-telefon.html"),
        { fileName: "empty.txt", bytes: new Uint8Array() },
        { fileName: "huge.txt", bytes: new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41) },
        file("d005_koshanov-tegeran-kk.txt"),
        file("d001_koshanov-vsnp-kitay.txt"),
      ],
      null,
    );
    expect(itemIds).toHaveLength(5);
    const driver = await startIngestQueue({ db: t.db, url: t.current.url });
    expect(driver.kind).toBe(kind === "postgres" ? "pg-boss" : "in-process");
    await enqueueIngestItems(itemIds);
    await ingestQueueIdle();

    const job = (await getJobView(t.db, jobId))!;
    expect([job.status, job.done, job.total]).toEqual(["done", 6, 6]);
    // The same file twice: whichever a worker takes first is stored, the other is its duplicate.
    expect([job.items[0].status, job.items[5].status].sort()).toEqual(["duplicate", "stored"]);
    expect(job.items.slice(1, 5).map((i) => i.status)).toEqual(["stored", "refused", "refused", "refused"]);
    expect(job.items[2].message).toMatch(/empty/);
    expect(job.items[3].message).toMatch(/too large/);
    expect(job.items[4].message).toMatch(/not Russian \(kk\)/);
    expect(job.items[5].articleId).toBe(job.items[0].articleId);
    // The bytes are gone once processed.
    const kept = await t.db.select({ n: count() }).from(ingestItems).where(sql`${ingestItems.content} is not null`);
    expect(kept[0].n).toBe(0);
    if (kind === "postgres") {
      const [boss] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from pgboss.job where name = 'ingest-item'`);
      expect(boss.n).toBe(5);
    }
  });

  it("resumes queued items after a crash and never counts or stores an item twice", async () => {
    const { jobId, itemIds } = await createIngestJob(
      t.db,
      [file("d007_borg-obse-astana.txt"), file("d009_posol-bolgariya-prokuror.txt"), file("d010_tokaev-aliev-telefon.txt")],
      null,
    );
    // The crash: item 1's article was committed (and the item marked stored in the same
    // transaction) but the process died before the item was finished.
    const [first] = await t.db.select().from(ingestItems).where(eq(ingestItems.id, itemIds[0]));
    await ingestFile(t.db, {
      bytes: first.content!,
      fileName: first.fileName,
      extractor: await createAppExtractor(t.db),
      onStored: async (tx, o) => {
        await tx.update(ingestItems).set({ status: "stored", articleId: o.articleId, meetingsCreated: o.meetingsCreated }).where(eq(ingestItems.id, first.id));
      },
    });
    // A new process starts: its worker picks up everything still holding bytes.
    await startIngestQueue({ db: t.db, url: t.current.url });
    await ingestQueueIdle();
    const job = (await getJobView(t.db, jobId))!;
    expect([job.status, job.done, job.total]).toEqual(["done", 3, 3]);
    expect(job.items.map((i) => i.status)).toEqual(["stored", "stored", "stored"]);
    expect((await t.db.select({ n: count() }).from(articles))[0].n).toBe(3);
  });
});
