// `npm run sources` as a person runs it: its own process, its own database (a fresh
// embedded one, or the test's PostgreSQL database), against the local fixture server.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addArgs, idArg } from "@/lib/sources/cli-args";
import { startSourceServer, type SourceServer } from "../helpers/source-server";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/test-db";

const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
let server: SourceServer;

beforeAll(async () => {
  server = await startSourceServer();
});
afterAll(async () => {
  await server.close();
});

/** Runs the command without blocking this process (the fixture server answers from here). */
function sources(env: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [tsx, "lib/sources/cli.ts", ...args], { env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

describe("npm run sources arguments", () => {
  it("reads add's options with the page's rules", () => {
    expect(addArgs(["https://tengrinews.kz/news.rss", "--every", "15m"])).toEqual({ name: "tengrinews.kz", url: "https://tengrinews.kz/news.rss", kind: "feed", linkPattern: null, intervalMinutes: 15 });
    expect(addArgs(["https://www.akorda.kz/ru/events", "--pattern", "/ru/*", "--name", "Акорда"])).toMatchObject({ kind: "listing", linkPattern: "/ru/*", name: "Акорда", intervalMinutes: 30 });
    expect(addArgs(["https://example.kz/sitemap-news.xml"]).kind).toBe("sitemap");
  });

  it.each([
    [["ftp://example.kz/feed", "--every", "1m"], /http:\/\/ or https:\/\/.*between 5 minutes and 7 days/],
    [["https://example.kz/", "--kind", "listing"], /needs a link pattern/],
    [["https://example.kz/", "--every", "soon"], /reads like 30m/],
    [["https://example.kz/", "--bogus"], /Unknown option/],
    [[], /one URL/],
  ])("refuses %j with a sentence", (args, message) => {
    expect(() => addArgs(args)).toThrow(message);
  });

  it("wants one positive id", () => {
    expect(idArg(["3"])).toBe(3);
    expect(() => idArg(["x"])).toThrow(/source's id/);
  });
});

describe.each(testDbKinds())("npm run sources on %s", (kind) => {
  let db: TestDb | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-sources-cli-"));
    if (kind === "postgres") db = await createTestDb("postgres");
    env = {
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_SEED: "0",
      DATABASE_URL: db?.url ?? "",
      CHRONICLE_SOURCES_ALLOW: "127.0.0.1/32",
      CHRONICLE_SOURCES_HOST_DELAY_MS: "20",
      CHRONICLE_SOURCES_TIMEOUT_MS: "1500",
    };
  });
  afterAll(async () => {
    await db?.close();
    fs.rmSync(env.CHRONICLE_DATA_DIR, { recursive: true, force: true });
  });

  it("adds sources, refuses bad arguments with a sentence, polls one round with a line per source and a summary, lists them", { timeout: 300_000 }, async () => {
    expect(await sources(env, "add", `${server.base}/one.xml`, "--name", "МИД", "--every", "15m")).toMatchObject({ code: 0, out: expect.stringMatching(/added #1 МИД \(feed, every 15 min\)/) });
    expect(await sources(env, "add", `${server.base}/not-xml.xml`)).toMatchObject({ code: 0 });
    expect(await sources(env, "add", "ftp://example.kz/feed", "--every", "1m")).toMatchObject({ code: 2, out: expect.stringMatching(/between 5 minutes and 7 days/) });
    expect(await sources({}, "frobnicate")).toMatchObject({ code: 2, out: expect.stringMatching(/usage: npm run sources/) });

    const poll = await sources(env, "poll");
    expect(poll.code).toBe(0);
    expect(poll.out).toMatch(/#1 МИД: 1 links: 1 new, 0 known, 0 refused, 0 failed/);
    expect(poll.out).toMatch(/#2 127\.0\.0\.1: failed: not well-formed XML/);
    expect(poll.out).toMatch(/2 sources polled \(1 failed\) in [\d.]+ s: 1 new articles, 0 known, 0 refused, 0 failed/);

    expect(await sources(env, "pause", "2")).toMatchObject({ code: 0, out: expect.stringMatching(/source #2 paused/) });
    const list = await sources(env, "list");
    expect(list.out).toMatch(/#1 active every 15 min\s+feed\s+МИД/);
    expect(list.out).toMatch(/#2 paused/);
  });
});
