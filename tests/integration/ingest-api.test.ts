import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/ingest/[jobId]/route";
import { POST } from "@/app/api/ingest/route";
import type { JobView } from "@/db/queries/ingest";
import ru from "@/lib/i18n/messages/ru.json";
import { ingestPastedTextAction, reextractPendingAction } from "@/lib/actions/ingest";
import { ingestQueueIdle, stopIngestQueue } from "@/lib/ingest/queue";
import { actAs, actAsAnonymous, makeUser, resetSessionAfterEach } from "../helpers/auth-session";
import { testDbKinds, useTestDb } from "../helpers/test-db";
import { dev } from "./ingest-fixtures";

function upload(files: { name: string; body: Uint8Array | string }[]): Request {
  const form = new FormData();
  for (const f of files) form.append("files", new File([f.body as BlobPart], f.name));
  return new Request("http://localhost/api/ingest", { method: "POST", body: form });
}

const jobParams = (jobId: number | string) => ({ params: Promise.resolve({ jobId: String(jobId) }) });

describe.each(testDbKinds())("ingestion API and actions on %s", (kind) => {
  const t = useTestDb(kind);
  resetSessionAfterEach();
  afterEach(async () => {
    await stopIngestQueue();
  });

  it("lets editors upload, shows the job to its creator only, and refuses viewers and anonymous callers", async () => {
    if (kind === "postgres") process.env.DATABASE_URL = t.current.url;
    try {
      const editor = await makeUser(t.db, "editor");
      const other = await makeUser(t.db, "editor");
      const viewer = await makeUser(t.db, "viewer");
      const files = [
        { name: "d001.txt", body: fs.readFileSync(dev("d001_koshanov-vsnp-kitay.txt")) },
        { name: "empty.txt", body: "" },
      ];

      actAsAnonymous();
      expect((await POST(upload(files))).status).toBe(401);
      actAs(viewer.id);
      expect((await POST(upload(files))).status).toBe(403);

      actAs(editor.id);
      const response = await POST(upload(files));
      expect(response.status).toBe(202);
      const { jobId } = (await response.json()) as { jobId: number };
      await ingestQueueIdle();
      const job = (await (await GET(new Request("http://localhost"), jobParams(jobId))).json()) as JobView;
      expect([job.status, job.done, job.total]).toEqual(["done", 2, 2]);
      expect(job.items.map((i) => [i.fileName, i.status])).toEqual([["d001.txt", "stored"], ["empty.txt", "refused"]]);
      expect(job.items[0].articleId).toEqual(expect.any(Number));

      actAs(other.id);
      expect((await GET(new Request("http://localhost"), jobParams(jobId))).status).toBe(404);
      actAs(viewer.id);
      expect((await GET(new Request("http://localhost"), jobParams(jobId))).status).toBe(403);
    } finally {
      delete process.env.DATABASE_URL;
    }
  });

  it("stores pasted text for editors with the form's overrides, and re-extraction is for admins only", async () => {
    const editor = await makeUser(t.db, "editor");
    actAs(editor.id);
    const form = new FormData();
    form.set("text", fs.readFileSync(dev("d001_koshanov-vsnp-kitay.txt"), "utf8"));
    form.set("url", "ftp://nope");
    const invalid = await ingestPastedTextAction(null, form);
    expect(invalid).toMatchObject({ ok: false, message: ru.common.checkFields, fieldErrors: { url: [ru.ingest.errors.url] } });
    expect(invalid.values?.url).toBe("ftp://nope"); // the form is shown again as it was
    form.set("url", "https://example.org/news/1");
    form.set("publishedOn", "2024-01-02");
    const stored = await ingestPastedTextAction(null, form);
    expect(stored.ok && stored.data?.map((o) => o.status)).toEqual(["stored"]);
    const again = await ingestPastedTextAction(null, form);
    expect(again.ok && again.data?.map((o) => o.status)).toEqual(["duplicate"]);

    expect(await reextractPendingAction(null, new FormData())).toEqual({ ok: false, message: expect.stringMatching(/нет прав/) });
    const admin = await makeUser(t.db, "admin");
    actAs(admin.id);
    const result = await reextractPendingAction(null, new FormData());
    expect(result).toMatchObject({ ok: true, data: { failed: [] } });
  });
});
