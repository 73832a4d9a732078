import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/index";
import { articles, history, meetings, users } from "@/db/schema";
import { testDbKinds, useTestDb } from "../helpers/test-db";

describe.each(testDbKinds())("database foundation on %s", (kind) => {
  const t = useTestDb(kind);

  it("starts empty and migrated", async () => {
    const rows = await t.db.select({ id: users.id }).from(users);
    expect(rows).toEqual([]);
  });

  it("isolates each test: the row written here is gone in the next test", async () => {
    await t.db.insert(users).values({ email: "iso@example.org", passwordHash: "x", role: "viewer" });
    const rows = await t.db.select().from(users).where(eq(users.email, "iso@example.org"));
    expect(rows).toHaveLength(1);
  });

  it("refuses to update or delete history rows", async () => {
    const [row] = await t.db
      .insert(history)
      .values({ entityType: "meeting", entityId: 1, action: "create" })
      .returning({ id: history.id });
    await expect(t.db.update(history).set({ action: "forged" }).where(eq(history.id, row.id))).rejects.toThrow();
    await expect(t.db.delete(history).where(eq(history.id, row.id))).rejects.toThrow();
    const [kept] = await t.db.select().from(history).where(eq(history.id, row.id));
    expect(kept.action).toBe("create");
  });

  it("indexes article text for Russian full-text search", async () => {
    const [a] = await t.db
      .insert(articles)
      .values({
        contentHash: "h1",
        rawText: "r",
        cleanText: "Стороны обсудили вопросы межпарламентского сотрудничества",
        language: "ru",
        extractorVersion: "test",
      })
      .returning({ id: articles.id });
    await t.db.insert(meetings).values({ articleId: a.id, kind: "meeting", extractorVersion: "test" });
    const found = await queryRows<{ id: number }>(
      t.db,
      sql`select id from articles where search_vector @@ websearch_to_tsquery('russian', ${"сотрудничество"})`,
    );
    expect(found.map((r) => r.id)).toEqual([a.id]);
  });
});
