// The review actions and the partner search check the caller's role on the server,
// whatever the UI shows; editors get through to the versioned save.
import { describe, expect, it } from "vitest";
import { getRecord } from "@/db/queries/meetings";
import { partnerAliases } from "@/db/schema";
import { GET as searchPartnersRoute } from "@/app/api/partners/search/route";
import { bulkStatusAction, changeStatusAction, restoreAction, saveRecordAction, undoBulkAction } from "@/lib/actions/meetings";
import ru from "@/lib/i18n/messages/ru.json";
import { actAs, actAsAnonymous, makeUser, resetSessionAfterEach } from "../helpers/auth-session";
import { createMeeting, createPartner } from "../helpers/fixtures-meetings";
import { testDbKinds, useTestDb } from "../helpers/test-db";

describe.each(testDbKinds())("review actions on %s", (kind) => {
  const t = useTestDb(kind);
  resetSessionAfterEach();

  const form = (fields: Record<string, string | string[]>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
    return f;
  };

  it("refuses every change from a viewer and from anonymous callers, and writes nothing", async () => {
    const m = await createMeeting(t.db, {});
    const viewer = await makeUser(t.db, "viewer");
    for (const [who, refusal] of [
      [() => actAs(viewer.id), { ok: false, message: expect.stringMatching(/нет прав/) }],
      // No session at all: the form is told so it can offer to sign in again and keep the draft.
      [() => actAsAnonymous(), { ok: false, message: expect.stringMatching(/Войдите/), signedOut: true }],
    ] as const) {
      who();
      const payload = JSON.stringify({ id: m.id, baseVersion: 1, changes: { location: "Алматы" } });
      const results = [
        await saveRecordAction(null, form({ payload })),
        await changeStatusAction(null, form({ id: String(m.id), baseVersion: "1", action: "approve" })),
        await bulkStatusAction(null, form({ item: `${m.id}:1`, action: "approve" })),
        await undoBulkAction(null, form({ undo: JSON.stringify([{ id: m.id, version: 2, previous: "pending" }]) })),
        await restoreAction(null, form({ meetingId: String(m.id), historyId: "1", use: "before", baseVersion: "1" })),
      ];
      // Refused with the role gate's sentence (Russian outside a request), nothing else.
      for (const r of results) expect(r).toEqual(refusal);
    }
    const rec = (await getRecord(t.db, m.id))!;
    expect([rec.version, rec.status, rec.location]).toEqual([1, "pending", "Астана"]);
  });

  it("lets an editor save, approve in bulk and reject only with a reason", async () => {
    const a = await createMeeting(t.db, {});
    const b = await createMeeting(t.db, {});
    const editor = await makeUser(t.db, "editor");
    actAs(editor.id);
    const bad = await saveRecordAction(null, form({ payload: JSON.stringify({ id: a.id, baseVersion: 1, changes: { date: "2024-13-01" } }) }));
    expect(bad).toMatchObject({ ok: false, message: ru.common.checkFields, fieldErrors: { date: [ru.review.errors.date_invalid] } });
    const ok = await saveRecordAction(null, form({ payload: JSON.stringify({ id: a.id, baseVersion: 1, changes: { date: "2024-12-01" } }) }));
    expect(ok).toEqual({ ok: true, message: ru.review.messages.saved, data: { version: 2, changed: ["date"] } });
    const noReason = await changeStatusAction(null, form({ id: String(b.id), baseVersion: "1", action: "reject", reason: "" }));
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: [ru.review.errors.reason_required] } });
    const bulk = await bulkStatusAction(null, form({ item: [`${a.id}:1`, `${b.id}:1`], action: "approve" }));
    // One of the two was saved since the queue showed it: not every record went through.
    expect(bulk.ok).toBe(false);
    expect(bulk.data).toEqual([
      { id: a.id, status: "conflict", currentVersion: 2 },
      { id: b.id, status: "approved", version: 2, previous: "pending", previousReason: null },
    ]);
    // A bulk rejection needs its reason, as one record's does.
    const noBulkReason = await bulkStatusAction(null, form({ item: [`${a.id}:2`], action: "reject", reason: "" }));
    expect(noBulkReason).toMatchObject({ ok: false, fieldErrors: { reason: [ru.review.errors.reason_required] } });
    // Undo puts the approved one back where it was.
    const undone = await undoBulkAction(null, form({ undo: JSON.stringify([{ id: b.id, version: 2, previous: "pending" }]) }));
    expect(undone).toMatchObject({ ok: true, data: [{ id: b.id, status: "restored", version: 3, previous: "approved" }] });
    expect((await getRecord(t.db, b.id))!.status).toBe("pending");
    // A broken undo payload is a clear refusal, nothing changed.
    const broken = await undoBulkAction(null, form({ undo: "{not json" }));
    expect(broken.ok).toBe(false);
  });

  it("searches partners by name, code and alias prefix for signed-in users only", async () => {
    const osce = await createPartner(t.db, { nameRu: "ОБСЕ", type: "organization", code: "OSCE" });
    await createPartner(t.db, { nameRu: "ПА ОБСЕ", type: "organization", parentId: osce });
    const usa = await createPartner(t.db, { nameRu: "США", code: "US" });
    await t.db.insert(partnerAliases).values({ partnerId: usa, alias: "Соединённые Штаты", normalized: "соединенные штаты" });
    await t.db.insert(partnerAliases).values({ partnerId: osce, alias: "100% ОБСЕ", normalized: "100% обсе" });
    const call = async (q: string) => {
      const res = await searchPartnersRoute(new Request(`http://x/api/partners/search?q=${encodeURIComponent(q)}`));
      return { status: res.status, body: (await res.json()) as { partners?: { id: number; name: string; parentName: string | null }[] } };
    };
    actAsAnonymous();
    expect((await call("обс")).status).toBe(401);
    const viewer = await makeUser(t.db, "viewer");
    actAs(viewer.id);
    expect((await call("обс")).body.partners!.map((p) => p.name)).toEqual(["ОБСЕ"]);
    expect((await call("па")).body.partners!.map((p) => [p.name, p.parentName])).toEqual([["ПА ОБСЕ", "ОБСЕ"]]);
    expect((await call("Соединённые")).body.partners!.map((p) => p.id)).toEqual([usa]);
    expect((await call("os")).body.partners!.map((p) => p.id)).toEqual([osce]);
    // LIKE wildcards in the query are literal characters.
    expect((await call("%")).body.partners).toEqual([]);
    expect((await call("100%")).body.partners!.map((p) => p.id)).toEqual([osce]);
    expect((await call("_")).body.partners).toEqual([]);
    expect((await call("")).status).toBe(400);
  });
});
