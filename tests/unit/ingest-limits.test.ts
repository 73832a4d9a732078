import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectFiles } from "@/lib/ingest/collect-files";
import { MAX_FILES_PER_UPLOAD, MAX_UPLOAD_BYTES } from "@/lib/ingest/limits";
import { contentHash, normalizeName } from "@/lib/ingest/normalize";
import { parseUpload } from "@/lib/ingest/upload";
import { validIsoDate } from "@/lib/ingest/write-meeting";
import { pasteSchema } from "@/lib/validations/ingest";

function uploadRequest(files: { name: string; body: string | Uint8Array }[]): Request {
  const form = new FormData();
  for (const f of files) form.append("files", new File([f.body as BlobPart], f.name));
  return new Request("http://localhost/api/ingest", { method: "POST", body: form });
}

describe("ingestion inputs", () => {
  it("hashes the normalised text: case, spacing and ё do not make a new article", () => {
    expect(normalizeName("  Алёна\tПЕТРОВА \n")).toBe("алена петрова");
    expect(contentHash("Встреча в Астане.\n\nСтороны обсудили")).toBe(contentHash("встреча  в астане. стороны ОБСУДИЛИ "));
    expect(contentHash("Встреча в Астане")).not.toBe(contentHash("Встреча в Алматы"));
  });

  it("validates the paste form: text required, http(s) URL, real dates; blanks are absent", () => {
    expect(pasteSchema.safeParse({ text: "  " }).success).toBe(false);
    expect(pasteSchema.parse({ text: "Текст", outlet: "", url: "", publishedOn: "" })).toEqual({ text: "Текст" });
    expect(pasteSchema.safeParse({ text: "Текст", url: "javascript:alert(1)" }).success).toBe(false);
    expect(pasteSchema.safeParse({ text: "Текст", publishedOn: "2024-02-30" }).success).toBe(false);
    expect(pasteSchema.parse({ text: "Текст", url: "https://kazpravda.kz/x", publishedOn: "2024-02-29" }).publishedOn).toBe("2024-02-29");
  });

  it("stores only real ISO dates from the extractor", () => {
    expect(validIsoDate("2024-06-25")).toBe("2024-06-25");
    expect(validIsoDate("2151-30-55")).toBeNull();
    expect(validIsoDate("2023-02-29")).toBeNull();
    expect(validIsoDate(null)).toBeNull();
  });

  it("finds article files in folders recursively and reports paths that hold none", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-collect-"));
    fs.mkdirSync(path.join(dir, "a", "b"), { recursive: true });
    fs.writeFileSync(path.join(dir, "one.txt"), "x");
    fs.writeFileSync(path.join(dir, "a", "b", "two.HTML"), "x");
    fs.writeFileSync(path.join(dir, "a", "three.htm"), "x");
    fs.writeFileSync(path.join(dir, "a", "gold.json"), "{}");
    fs.mkdirSync(path.join(dir, "empty"));
    const { files, problems } = collectFiles([dir, path.join(dir, "missing"), path.join(dir, "empty")]);
    expect(files.map((f) => path.relative(dir, f)).sort()).toEqual(["a/b/two.HTML", "a/three.htm", "one.txt"]);
    expect(problems.map((p) => p.reason)).toEqual(["no such file or folder", "no .txt, .html or .htm files in this folder"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("enforces the upload limits on the server: count, extension, total size", async () => {
    const ok = await parseUpload(uploadRequest([{ name: "a.txt", body: "Текст" }, { name: "b.html", body: "<p>x</p>" }]));
    expect(ok.ok && ok.files.map((f) => [f.fileName, f.bytes.byteLength])).toEqual([["a.txt", 10], ["b.html", 8]]);

    const many = Array.from({ length: MAX_FILES_PER_UPLOAD + 1 }, (_, i) => ({ name: `${i}.txt`, body: "x" }));
    expect(await parseUpload(uploadRequest(many))).toMatchObject({ ok: false, status: 413 });
    expect(await parseUpload(uploadRequest([{ name: "evil.exe", body: "MZ" }]))).toMatchObject({ ok: false, status: 400 });
    const huge = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    expect(await parseUpload(uploadRequest([{ name: "big.txt", body: huge }]))).toMatchObject({ ok: false, status: 413 });
  });
});
