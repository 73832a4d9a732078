// The history is the record of who changed what: the database refuses to rewrite it
// (a trigger on UPDATE, DELETE and TRUNCATE), and no code of the app even tries.
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { history } from "@/db/schema";
import { testDbKinds, useTestDb } from "../helpers/test-db";

const root = path.resolve(__dirname, "../..");

describe.each(testDbKinds())("history is append-only on %s", (kind) => {
  const t = useTestDb(kind);

  it("refuses update, delete and truncate, and keeps the row", async () => {
    const [row] = await t.db
      .insert(history)
      .values({ entityType: "meeting", entityId: 1, action: "update", field: "location", before: "Астана", after: "Алматы" })
      .returning();
    const refused = async (q: Promise<unknown>) =>
      q.then(
        () => "accepted",
        (e: Error) => `${e.message} ${String((e.cause as Error | undefined)?.message)}`,
      );
    expect(await refused(t.db.update(history).set({ after: "Париж" }).where(eq(history.id, row.id)))).toMatch(/append-only: UPDATE/);
    expect(await refused(t.db.delete(history).where(eq(history.id, row.id)))).toMatch(/append-only: DELETE/);
    expect(await refused(t.db.execute(sql`truncate history`))).toMatch(/append-only: TRUNCATE/);
    expect(await refused(t.db.execute(sql`delete from history`))).toMatch(/append-only: DELETE/);
    const kept = await t.db.select().from(history);
    expect(kept).toEqual([row]);
  });
});

describe("no code path rewrites the history", () => {
  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : sources(p);
      return /\.(ts|tsx|mjs|js)$/.test(e.name) ? [p] : [];
    });
  }
  // Drizzle calls and raw SQL alike; the migration that installs the trigger is the only SQL allowed to name it.
  const rewrites = [
    /\.(update|delete)\(\s*history\b/,
    /\bupdate\s+"?history"?\s+set\b/i,
    /\bdelete\s+from\s+"?history"?/i,
    /\btruncate\s+(table\s+)?"?history"?/i,
    /\bdisable\s+trigger\b/i,
  ];

  it("finds no update, delete, truncate or trigger switch on history in app/, lib/, db/, scripts/ or seed/", () => {
    const files = ["app", "lib", "db", "scripts", "seed"].filter((d) => fs.existsSync(path.join(root, d))).flatMap((d) => sources(path.join(root, d)));
    expect(files.length).toBeGreaterThan(20);
    const hits = files.flatMap((f) => {
      const text = fs.readFileSync(f, "utf8");
      return rewrites.filter((re) => re.test(text)).map((re) => `${path.relative(root, f)}: ${re}`);
    });
    expect(hits).toEqual([]);
  });

  it("the pattern does catch a rewrite (so an empty result means something)", () => {
    const sample = ['await tx.update(history).set({ after: 1 })', 'await db.delete(history)', "sql`DELETE FROM history`", "sql`truncate table history`"];
    for (const s of sample) expect(rewrites.some((re) => re.test(s)), s).toBe(true);
  });
});
