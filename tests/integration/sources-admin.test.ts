// The Sources page's actions: admins only (the matrix checks every role), zod-validated
// with sentences per field, every change kept in history, "poll now" against the local
// fixture server.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { history, sources } from "@/db/schema";
import { listSources, sourceHealth, listSourceLinks } from "@/db/queries/sources";
import { createSourceAction, deleteSourceAction, pollSourceNowAction, setSourceActiveAction, updateSourceAction } from "@/lib/actions/sources";
import { actAs, makeUser, resetSessionAfterEach } from "../helpers/auth-session";
import { startSourceServer, type SourceServer } from "../helpers/source-server";
import { testDbKinds, useTestDb } from "../helpers/test-db";

let server: SourceServer;
const saved = { ...process.env };
beforeAll(async () => {
  server = await startSourceServer();
  process.env.CHRONICLE_SOURCES_ALLOW = "127.0.0.1/32";
  process.env.CHRONICLE_SOURCES_HOST_DELAY_MS = "20";
  process.env.CHRONICLE_SOURCES_TIMEOUT_MS = "1500";
});
afterAll(async () => {
  process.env = saved;
  await server.close();
});

describe.each(testDbKinds())("sources administration on %s", (kind) => {
  const t = useTestDb(kind);
  resetSessionAfterEach();

  const sourceHistory = (id: number) =>
    t.db
      .select({ action: history.action, field: history.field, before: history.before, after: history.after, userId: history.userId })
      .from(history)
      .where(and(eq(history.entityType, "source"), eq(history.entityId, id)))
      .orderBy(asc(history.id));

  it("adds, edits, pauses, resumes, polls and deletes a source, keeping every change in history", async () => {
    const admin = await makeUser(t.db, "admin");
    actAs(admin.id);
    const bad = await createSourceAction(null, { name: "", url: "file:///etc/passwd", kind: "listing", linkPattern: "", intervalMinutes: "1m" });
    expect(bad.ok).toBe(false);
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(expect.arrayContaining(["name", "url", "intervalMinutes", "linkPattern"]));
    expect(bad.fieldErrors?.url?.[0]).toMatch(/http/);

    const created = await createSourceAction(null, { name: "Sitemap", url: `${server.base}/sitemap.xml`, kind: "sitemap", linkPattern: "", intervalMinutes: "2h" });
    expect(created.ok).toBe(true);
    const taken = await createSourceAction(null, { name: "Again", url: `${server.base}/sitemap.xml`, kind: "sitemap", intervalMinutes: "2h" });
    expect(taken).toMatchObject({ ok: false });
    const [row] = await t.db.select().from(sources);
    expect(row).toMatchObject({ intervalMinutes: 120, createdBy: admin.id });

    expect((await updateSourceAction(null, { id: row.id, name: "Новости (карта)", url: row.url, kind: "sitemap", intervalMinutes: "45" })).ok).toBe(true);
    expect((await setSourceActiveAction(null, { id: row.id, active: "false" })).ok).toBe(true);
    expect((await pollSourceNowAction(null, { id: row.id })).ok).toBe(false); // paused
    expect((await setSourceActiveAction(null, { id: row.id, active: "true" })).ok).toBe(true);
    const polled = await pollSourceNowAction(null, { id: row.id });
    expect(polled.ok).toBe(true);

    const [listed] = await listSources(t.db);
    expect(listed).toMatchObject({ name: "Новости (карта)", intervalMinutes: 45, lastOutcome: "ok", lastStored: 1, lastFound: 1 });
    expect((await sourceHealth(t.db)).find((h) => h.sourceId === row.id)).toMatchObject({ polls: 1, failedPolls: 0, stored: 1 });
    expect((await listSourceLinks(t.db, row.id))[0]).toMatchObject({ status: "stored", articleId: expect.any(Number) });

    expect((await deleteSourceAction(null, { id: row.id })).ok).toBe(true);
    expect(await t.db.select().from(sources)).toHaveLength(0);
    const entries = await sourceHistory(row.id);
    expect(entries.map((e) => `${e.action}:${e.field ?? ""}`)).toEqual(["create:", "update:name", "update:intervalMinutes", "pause:active", "resume:active", "delete:"]);
    expect(entries.every((e) => e.userId === admin.id)).toBe(true);
    expect(entries[1]).toMatchObject({ before: "Sitemap", after: "Новости (карта)" });
  });
});
