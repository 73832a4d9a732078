// Issue 16 item 6: bad input is a 400/404 with a sentence (or a field error), never a
// query PostgreSQL fails as a 500.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as exportGet } from "@/app/api/export/route";
import { GET as jobGet } from "@/app/api/ingest/[jobId]/route";
import { decodeCursor, encodeCursor } from "@/db/queries/meetings";
import { ingestPastedTextAction } from "@/lib/actions/ingest";
import { createAppExtractor } from "@/lib/app-extractor";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { MAX_PASTE_CHARS } from "@/lib/ingest/limits";
import nextConfig from "@/next.config";
import { parseFilter } from "@/lib/analytics/filters";
import { articlesQuerySchema, jobIdSchema } from "@/lib/validations/ingest";
import { queueParamsSchema } from "@/lib/validations/meetings";
import { actAs, makeUser, resetSessionAfterEach } from "../helpers/auth-session";
import { testDbKinds, useTestDb } from "../helpers/test-db";

const BIG = "99999999999";

describe.each(testDbKinds())("bad input on %s", (kind) => {
  const t = useTestDb(kind);
  resetSessionAfterEach();

  it("an id past 2^31-1 is 'not found' or 'invalid', not a database error", async () => {
    const editor = await makeUser(t.db, "editor");
    actAs(editor.id);
    const job = await jobGet(new Request("http://localhost"), { params: Promise.resolve({ jobId: BIG }) });
    expect(job.status).toBe(400);
    expect(await job.json()).toEqual({ error: "Invalid job id" });
    expect(jobIdSchema.safeParse("2147483647").success).toBe(true);
    expect(jobIdSchema.safeParse("2147483648").success).toBe(false);
    expect(queueParamsSchema.parse({ partner: BIG }).partner).toBeUndefined();
    expect(parseFilter(new URLSearchParams({ partner: BIG })).success).toBe(false);
  });

  it("malformed or out-of-range keyset cursors mean the first page", () => {
    const raw = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    expect(decodeCursor(encodeCursor({ key: 0.5, id: 12 }), "confidence")).toEqual({ key: 0.5, id: 12 });
    expect(decodeCursor(raw([0.5, 99999999999]), "confidence")).toBeUndefined();
    expect(decodeCursor(raw(["2024-02-30", 1]), "date_desc")).toBeUndefined();
    expect(decodeCursor(raw(["2024-02-29", 1]), "date_desc")).toEqual({ key: "2024-02-29", id: 1 });
    expect(decodeCursor("%%%not-base64", "date_desc")).toBeUndefined();
  });

  it("a NUL byte in a search box is dropped from the query, and in the export filter is a 400 with a sentence", async () => {
    const viewer = await makeUser(t.db, "viewer");
    actAs(viewer.id);
    expect(queueParamsSchema.parse({ q: "a\u0000b" }).q).toBeUndefined();
    expect(articlesQuerySchema.parse({ q: "a\u0000b" }).q).toBeUndefined();
    const response = await exportGet(new NextRequest("http://localhost/api/export?format=csv&official=a%00b"));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "Invalid export filter", errors: { official: "invalid_official" } });
  });

  it("a JSON body to the paste action is a field error, not 'b.get is not a function'", async () => {
    const editor = await makeUser(t.db, "editor");
    actAs(editor.id);
    for (const body of ["just a string", ["a"], null, 42]) {
      const answer = await ingestPastedTextAction(null, body as never);
      expect(answer.ok).toBe(false);
      expect(answer.fieldErrors?.text?.length).toBeGreaterThan(0);
    }
  });

  it("pasting: the body limit covers 1,000,000 Cyrillic characters, longer text is 'too long' and kept", async () => {
    const limit = String(nextConfig.experimental?.serverActions?.bodySizeLimit);
    expect(Number.parseFloat(limit) * 1024 * 1024).toBeGreaterThanOrEqual(3 * MAX_PASTE_CHARS);
    expect(Buffer.byteLength("ж".repeat(MAX_PASTE_CHARS))).toBeLessThan(Number.parseFloat(limit) * 1024 * 1024);
    const editor = await makeUser(t.db, "editor");
    actAs(editor.id);
    const form = new FormData();
    const text = "ж".repeat(MAX_PASTE_CHARS + 1);
    form.set("text", text);
    form.set("outlet", "Казинформ");
    const answer = await ingestPastedTextAction(null, form);
    expect(answer).toMatchObject({ ok: false, fieldErrors: { text: [expect.stringMatching(/слишком длинный|too long/i)] } });
    expect(answer.values?.text).toBe(text);
    expect(answer.values?.outlet).toBe("Казинформ");
  });

  it("tiny files, undecodable bytes and pages without an article are refused with what is wrong (issue 16 item 9)", async () => {
    const extractor = await createAppExtractor(t.db);
    const reason = async (fileName: string, bytes: Uint8Array) => {
      const [outcome] = await ingestFile(t.db, { fileName, bytes, extractor });
      return outcome.status === "refused" ? outcome.reason : outcome.status;
    };
    expect(await reason("tiny.txt", Buffer.from("Тест 1"))).toMatch(/^too little text: 4 letters/);
    // Gibberish in a Cyrillic code page and a page of menus and numbers: never "not Russian (und)".
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 64;
    const gibberish = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i % 6 === 5 ? 0x20 : 0xc0 + random())));
    expect(await reason("gibberish.txt", gibberish)).not.toMatch(/\(und\)/);
    const page = `<html><body><nav>${"<a href='/x'>Menu item</a> ".repeat(30)}</nav><div>${"1234 5678 ".repeat(50)} Lorem ipsum dolor sit amet consectetur adipiscing elit sed do</div></body></html>`;
    expect(await reason("page.html", Buffer.from(page))).not.toMatch(/und\)/);
  });
});
