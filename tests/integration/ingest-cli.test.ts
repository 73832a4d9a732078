// `npm run ingest` into a PostgreSQL database the app never started on seeds the registry
// first, as the app does: partners get their codes and records their themes.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { count, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetingThemes, meetings, partners, themes } from "@/db/schema";
import { useTestDb } from "../helpers/test-db";

const pg = process.env.TEST_DATABASE_URL ? describe : describe.skip;

/** `npm run ingest -- FILE` against the test's database. */
function ingestCli(url: string | undefined, file: string) {
  return spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "lib/ingest/cli.ts", file], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    timeout: 120_000,
  });
}

pg("npm run ingest on a fresh PostgreSQL database (skipped without TEST_DATABASE_URL)", () => {
  const t = useTestDb("postgres");

  it("seeds the bundled registry before the first article, then stores coded partners and themes", async () => {
    expect((await t.db.select({ n: count() }).from(themes))[0].n).toBe(0);
    const file = path.join(process.cwd(), "tests", "fixtures", "corpus", "seeds", "000_f4e22975fe606392.txt");
    const run = ingestCli(t.current.url, file);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain("seeded the bundled themes");
    expect(run.stdout).toMatch(/1 files: 1 stored/);
    expect((await t.db.select({ n: count() }).from(themes))[0].n).toBeGreaterThan(5);
    expect((await t.db.select({ n: count() }).from(partners).where(isNotNull(partners.code)))[0].n).toBeGreaterThan(200);
    expect((await t.db.select({ n: count() }).from(meetings))[0].n).toBeGreaterThan(0);
    expect((await t.db.select({ n: count() }).from(meetingThemes))[0].n).toBeGreaterThan(0);

    // A second run finds the registry there and says nothing about seeding.
    const again = ingestCli(t.current.url, file);
    expect(again.stderr).not.toContain("seeded the bundled themes");
    expect(again.stdout).toMatch(/1 duplicate/);
  });
});
