import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const CLI = join(ROOT, "lib", "extract", "cli.ts");

function runCli(files: string[]) {
  const result = spawnSync(TSX, [CLI, ...files], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cp1251(text: string): Buffer {
  const decoder = new TextDecoder("windows-1251");
  const table = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : (table.get(ch) ?? 0x3f))));
}

const ARTICLE = [
  "Вице-премьер Казахстана встретился с министром экономики Турции",
  "",
  "14.03.2025, 11:20",
  "",
  "Заместитель премьер-министра Казахстана Серик Жумангарин провел в Анкаре встречу с министром торговли Турции Омером Болатом, передает Kursiv.media.",
  "",
  "Стороны обсудили расширение взаимной торговли и реализацию совместных инвестиционных проектов в сфере машиностроения и логистики.",
].join("\n");

let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "extract-cli-"));
  writeFileSync(path("utf8.txt"), ARTICLE);
  writeFileSync(path("cp1251.txt"), cp1251(ARTICLE.replace("Kursiv.media", "Vlast.kz")));
  writeFileSync(
    path("page.html"),
    `<html><head><meta charset="utf-8"><meta property="og:site_name" content="Orda.kz"><meta name="pubdate" content="2025-02-01"></head><body><article><h1>Министр принял посла Кувейта</h1><p>${"Министр иностранных дел принял посла Кувейта и обсудил с ним сотрудничество в сфере инвестиций. ".repeat(4)}</p></article></body></html>`,
  );
  writeFileSync(path("empty.txt"), "");
  writeFileSync(path("binary.bin"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x01, 0x02]));
  writeFileSync(path("huge.txt"), Buffer.alloc(20 * 1024 * 1024, 0x61));
  writeFileSync(path("two.txt"), `${ARTICLE}\n\n__________\n\nВторая статья\n\nБез даты.\n`);
  mkdirSync(path("folder"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("extract CLI", () => {
  it("prints one JSON array with one element per file, in order, and exits 1 when any file fails", () => {
    const files = ["utf8.txt", "empty.txt", "cp1251.txt", "binary.bin", "huge.txt", "missing.txt", "folder", "page.html", "two.txt"].map(path);
    const { status, stdout, stderr } = runCli(files);
    expect(status).toBe(1);
    const output = JSON.parse(stdout) as Record<string, unknown>[];
    expect(output.map((o) => o.source)).toEqual(files);

    const [utf8, empty, win, binary, huge, missing, folder, html, two] = output;
    expect(utf8).toMatchObject({ language: "ru", outlet: "Kursiv.media", publishedOn: "2025-03-14", title: "Вице-премьер Казахстана встретился с министром экономики Турции" });
    expect(Array.isArray(utf8.people)).toBe(true);
    expect(Array.isArray(utf8.events)).toBe(true);
    expect(utf8.error).toBeUndefined();
    expect(win).toMatchObject({ outlet: "Vlast.kz", publishedOn: "2025-03-14", language: "ru" });
    expect(html).toMatchObject({ outlet: "Orda.kz", publishedOn: "2025-02-01", title: "Министр принял посла Кувейта" });
    expect(two).toMatchObject({ outlet: "Kursiv.media", publishedOn: "2025-03-14" });

    for (const [element, message] of [
      [empty, /empty/],
      [binary, /binary/],
      [huge, /too large.*limit/],
      [missing, /no such file/],
      [folder, /directory/],
    ] as const) {
      expect(element.error).toMatch(message);
      expect(element.events).toEqual([]);
    }
    expect(stderr).toContain("missing.txt");
  });

  it("exits 0 when every file is read", () => {
    const { status, stdout } = runCli([path("utf8.txt"), path("page.html")]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(2);
  });

  it("emits the event fields of the contract and nothing else", () => {
    const { stdout } = runCli([path("utf8.txt")]);
    const [element] = JSON.parse(stdout) as { events: Record<string, unknown>[] }[];
    expect(Object.keys(element).sort()).toEqual(["events", "language", "outlet", "people", "publishedOn", "source", "title"]);
    for (const event of element.events) {
      expect(Object.keys(event).sort()).toEqual(["date", "kind", "location", "participants", "partners", "quotes", "themes"]);
    }
  });
});
