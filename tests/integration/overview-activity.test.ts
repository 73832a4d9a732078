// The overview's activity feed names what changed (a record by its partners and official,
// a person or partner by name, a theme by its label, in the reader's language) and leaves
// out the learner's bookkeeping, so no internal code reaches the page.
import { describe, expect, it } from "vitest";
import { recentActivity } from "@/db/queries/overview";
import { history, people, themes } from "@/db/schema";
import { createMeeting, createPartner, createUser } from "../helpers/fixtures-meetings";
import { testDbKinds, useTestDb } from "../helpers/test-db";

describe.each(testDbKinds())("recent activity on %s", (kind) => {
  const t = useTestDb(kind);

  it("names each thing and skips the learner's rows", async () => {
    const editor = await createUser(t.db, "editor", "Анна Редактор");
    const japan = await createPartner(t.db, { nameRu: "Япония", code: "JP" });
    const m = await createMeeting(t.db, { partnerIds: [japan], date: "2024-03-12", homeOfficial: "Маулен Ашимбаев" });
    const [person] = await t.db.insert(people).values({ name: "Ёсиюки Камори", normalized: "есиюки камори" }).returning({ id: people.id });
    await t.db.insert(themes).values({ code: "economy", labelRu: "Экономика", labelEn: "Economy", sortOrder: 0 }).onConflictDoNothing();
    await t.db.insert(history).values([
      { entityType: "meeting", entityId: m.id, action: "update", field: "location", before: "Астана", after: "Алматы", userId: editor },
      { entityType: "person", entityId: person.id, action: "alias_add", field: "aliases", after: { alias: "Камори" }, userId: editor },
      { entityType: "theme", entityId: 0, action: "keyword_add", field: "economy", after: { keyword: "инвестиц" }, userId: editor },
      { entityType: "learning", entityId: 0, action: "learn", after: { lastHistoryId: 3 } },
    ]);
    const ru = await recentActivity(t.db, { limit: 10, locale: "ru" });
    expect(ru.some((r) => r.entityType === "learning")).toBe(false);
    const byType = Object.fromEntries(ru.map((r) => [r.entityType, r]));
    expect(byType.meeting).toMatchObject({ action: "update", field: "location", userName: "Анна Редактор", label: "Япония · Маулен Ашимбаев", date: "2024-03-12" });
    expect(byType.person).toMatchObject({ label: "Ёсиюки Камори" });
    expect(byType.theme).toMatchObject({ label: "Экономика" });

    const en = await recentActivity(t.db, { limit: 10, locale: "en" });
    expect(en.find((r) => r.entityType === "theme")?.label).toBe("Economy");
  });
});
