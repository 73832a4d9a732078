import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getRecord } from "@/db/queries/meetings";
import { latestMeetingHistoryId, listMeetingHistory } from "@/db/queries/history";
import { history, meetings, partnerAliases, partners } from "@/db/schema";
import { applyMachineValuesNow, editorOwnedFields } from "@/lib/meetings/ownership";
import { restoreFromHistory } from "@/lib/meetings/restore";
import { saveMeetingEdit, type SaveResult } from "@/lib/meetings/save";
import { bulkChangeStatus, changeStatus, undoBulkChange } from "@/lib/meetings/status";
import { fieldErrors, meetingEditSchema, statusChangeSchema } from "@/lib/validations/meetings";
import { createMeeting, createPartner, createThemes, createUser } from "../helpers/fixtures-meetings";
import { testDbKinds, useTestDb } from "../helpers/test-db";

describe.each(testDbKinds())("saving review edits on %s", (kind) => {
  const t = useTestDb(kind);

  async function setup() {
    await createThemes(t.db);
    const editor = await createUser(t.db, "editor", "Анна Редактор");
    const other = await createUser(t.db, "editor", "Борис Редактор");
    const usa = await createPartner(t.db, { nameRu: "США", code: "US" });
    const m = await createMeeting(t.db, {
      kind: "meeting",
      date: "2024-03-15",
      location: "Астана",
      participants: [
        { name: "Маулен Ашимбаев", position: "Председатель Сената", side: "home" },
        { name: "Дэниел Розенблюм", position: "Посол", side: "partner" },
      ],
      partnerIds: [usa],
      themes: ["economy"],
      quotes: [{ text: "Мы ценим сотрудничество", speaker: "Маулен Ашимбаев" }],
      evidence: [{ field: "partner", valueKey: String(usa), start: 0, end: 3 }],
    });
    return { editor, other, usa, m };
  }

  /** Parses an edit like the server action does. */
  const edit = (input: unknown) => meetingEditSchema.parse(input);
  const saved = (r: SaveResult) => {
    if (r.status !== "saved") throw new Error(`expected saved, got ${JSON.stringify(r).slice(0, 300)}`);
    return r;
  };

  it("edits kind, date and location, marks them as the editor's and writes one history row per field", async () => {
    const { editor, m } = await setup();
    const r = saved(
      await saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: m.id, baseVersion: 1, changes: { kind: "phone_call", date: "2024-03-16", location: "Алматы" } }) }),
    );
    expect(r.version).toBe(2);
    expect(r.changed.sort()).toEqual(["date", "kind", "location"]);
    const rec = (await getRecord(t.db, m.id))!;
    expect(rec).toMatchObject({ kind: "phone_call", kindSource: "editor", date: "2024-03-16", dateSource: "editor", location: "Алматы", locationSource: "editor", version: 2 });
    const rows = await listMeetingHistory(t.db, m.id, {});
    expect(rows.map((h) => [h.action, h.field, h.before, h.after, h.userId, h.userName])).toEqual(
      expect.arrayContaining([
        ["update", "kind", "meeting", "phone_call", editor, "Анна Редактор"],
        ["update", "date", "2024-03-15", "2024-03-16", editor, "Анна Редактор"],
        ["update", "location", "Астана", "Алматы", editor, "Анна Редактор"],
      ]),
    );
    expect(rows).toHaveLength(3);
  });

  it("clears a location and leaves untouched fields to the extractor", async () => {
    const { editor, m } = await setup();
    saved(await saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: m.id, baseVersion: 1, changes: { location: "  " } }) }));
    const rec = (await getRecord(t.db, m.id))!;
    expect(rec.location).toBeNull();
    expect(rec.locationSource).toBe("editor");
    expect(rec.kindSource).toBe("extractor");
    expect(rec.participants.every((p) => p.source === "extractor")).toBe(true);
  });

  it("edits, adds and removes participants, keeping the ids of the rows it keeps", async () => {
    const { editor, m } = await setup();
    const before = (await getRecord(t.db, m.id))!;
    const [ashimbaev, rosenblum] = before.participants;
    saved(
      await saveMeetingEdit(t.db, {
        userId: editor,
        edit: edit({
          id: m.id,
          baseVersion: 1,
          changes: {
            participants: [
              { id: ashimbaev.id, name: "Маулен Ашимбаев", position: "Председатель Сената Парламента", side: "home" },
              { name: "Ержан Ашикбаев", position: "Заместитель министра", side: "home" },
            ],
          },
        }),
      }),
    );
    const rec = (await getRecord(t.db, m.id))!;
    expect(rec.participants.map((p) => [p.name, p.position, p.side, p.source])).toEqual([
      ["Маулен Ашимбаев", "Председатель Сената Парламента", "home", "editor"],
      ["Ержан Ашикбаев", "Заместитель министра", "home", "editor"],
    ]);
    expect(rec.participants[0].id).toBe(ashimbaev.id);
    expect(rec.participants.map((p) => p.id)).not.toContain(rosenblum.id);
    expect(rec.homeOfficial).toBe("Маулен Ашимбаев");
    const [row] = await listMeetingHistory(t.db, m.id, {});
    expect(row.field).toBe("participants");
    expect((row.before as unknown[]).length).toBe(2);
    expect(row.after).toEqual([
      { name: "Маулен Ашимбаев", position: "Председатель Сената Парламента", side: "home" },
      { name: "Ержан Ашикбаев", position: "Заместитель министра", side: "home" },
    ]);
  });

  it("picks partners from the registry by id and adds a new one by name", async () => {
    const { editor, usa, m } = await setup();
    const osce = await createPartner(t.db, { nameRu: "ОБСЕ", type: "organization", code: "OSCE" });
    saved(
      await saveMeetingEdit(t.db, {
        userId: editor,
        edit: edit({ id: m.id, baseVersion: 1, changes: { partners: [{ id: osce }, { name: "Лихтенштейн", type: "country" }] } }),
      }),
    );
    const rec = (await getRecord(t.db, m.id))!;
    expect(rec.partners.map((p) => [p.name, p.source]).sort()).toEqual([
      ["Лихтенштейн", "editor"],
      ["ОБСЕ", "editor"],
    ]);
    expect(rec.partners.map((p) => p.id)).not.toContain(usa);
    const [created] = await t.db.select().from(partners).where(eq(partners.nameRu, "Лихтенштейн"));
    expect(created.type).toBe("country");
    const [alias] = await t.db.select().from(partnerAliases).where(eq(partnerAliases.partnerId, created.id));
    expect(alias).toMatchObject({ normalized: "лихтенштейн", source: "editor", createdBy: editor });
    const [h] = await listMeetingHistory(t.db, m.id, {});
    expect(h.field).toBe("partners");
    expect(h.before).toEqual([{ id: usa, name: "США" }]);
    // A second record naming the same new partner reuses the entry instead of duplicating it.
    const m2 = await createMeeting(t.db, {});
    saved(await saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: m2.id, baseVersion: 1, changes: { partners: [{ name: "лихтенштейн", type: "country" }] } }) }));
    expect((await getRecord(t.db, m2.id))!.partners.map((p) => p.id)).toEqual([created.id]);
  });

  it("edits themes from the taxonomy and refuses unknown codes with a message on that theme", async () => {
    const { editor, m } = await setup();
    saved(await saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: m.id, baseVersion: 1, changes: { themes: ["security", "culture"] } }) }));
    const rec = (await getRecord(t.db, m.id))!;
    expect(rec.themes.map((x) => [x.code, x.source]).sort()).toEqual([
      ["culture", "editor"],
      ["security", "editor"],
    ]);
    const bad = await saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: m.id, baseVersion: 2, changes: { themes: ["security", "astrology"] } }) });
    expect(bad).toEqual({ status: "invalid", errors: { "themes.1": ["theme_unknown"] } });
    expect((await getRecord(t.db, m.id))!.version).toBe(2);
  });

  it("edits quotes and their speakers", async () => {
    const { editor, m } = await setup();
    const rec0 = (await getRecord(t.db, m.id))!;
    saved(
      await saveMeetingEdit(t.db, {
        userId: editor,
        edit: edit({
          id: m.id,
          baseVersion: 1,
          changes: {
            quotes: [
              { id: rec0.quotes[0].id, text: "Мы ценим сотрудничество", speaker: "Дэниел Розенблюм" },
              { text: "Новая цитата", speaker: "" },
            ],
          },
        }),
      }),
    );
    const rec = (await getRecord(t.db, m.id))!;
    expect(rec.quotes.map((q) => [q.id === rec0.quotes[0].id, q.text, q.speaker, q.source])).toEqual([
      [true, "Мы ценим сотрудничество", "Дэниел Розенблюм", "editor"],
      [false, "Новая цитата", null, "editor"],
    ]);
  });

  it("confirming an unchanged value makes it the editor's, with a confirm row", async () => {
    const { editor, m } = await setup();
    const r = saved(await saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: m.id, baseVersion: 1, changes: {}, confirm: ["date", "themes"] }) }));
    expect(r.changed).toEqual([]);
    const rec = (await getRecord(t.db, m.id))!;
    expect(rec.dateSource).toBe("editor");
    expect(rec.date).toBe("2024-03-15");
    expect(rec.themes.every((x) => x.source === "editor")).toBe(true);
    expect((await listMeetingHistory(t.db, m.id, {})).map((h) => [h.action, h.field]).sort()).toEqual([
      ["confirm", "date"],
      ["confirm", "themes"],
    ]);
    // Saving the same values again changes nothing and keeps the version.
    expect(await saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: m.id, baseVersion: 2, changes: { kind: "meeting" } }) })).toEqual({
      status: "unchanged",
      version: 2,
    });
  });

  it("validates input with a code per field", () => {
    const r = meetingEditSchema.safeParse({
      id: 1,
      baseVersion: 1,
      changes: {
        kind: "party",
        date: "2024-02-30",
        participants: [{ name: "  ", side: "home" }, { name: "Кто-то", side: "guest" }],
        partners: [{ name: "", type: "planet" }],
        quotes: [{ text: "" }],
      },
    });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual({
      kind: ["kind_invalid"],
      date: ["date_invalid"],
      "participants.0.name": ["name_empty"],
      "participants.1.side": ["side_invalid"],
      "partners.0.name": ["name_empty"],
      "partners.0.type": ["partner_type_invalid"],
      "quotes.0.text": ["text_empty"],
    });
    expect(meetingEditSchema.safeParse({ id: 1, baseVersion: 1, changes: { date: "2024-02-29" } }).success).toBe(true);
    const reject = statusChangeSchema.safeParse({ id: 1, baseVersion: 1, action: "reject", reason: " " });
    expect(fieldErrors(reject.error!)).toEqual({ reason: ["reason_required"] });
  });

  it("refuses unknown partner ids", async () => {
    const { editor, m } = await setup();
    const r = await saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: m.id, baseVersion: 1, changes: { partners: [{ id: 987654 }] } }) });
    expect(r).toEqual({ status: "invalid", errors: { "partners.0": ["partner_unknown"] } });
  });

  it("refuses the second of two saves from the same version and reports the first one's change", async () => {
    const { editor, other, m } = await setup();
    const seen = await latestMeetingHistoryId(t.db, m.id);
    saved(await saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: m.id, baseVersion: 1, seenHistoryId: seen, changes: { location: "Алматы" } }) }));
    const second = await saveMeetingEdit(t.db, { userId: other, edit: edit({ id: m.id, baseVersion: 1, seenHistoryId: seen, changes: { location: "Шымкент", kind: "conference" } }) });
    expect(second.status).toBe("conflict");
    if (second.status !== "conflict") return;
    expect(second.current.location).toBe("Алматы");
    expect(second.current.version).toBe(2);
    expect(second.theirChanges.map((c) => [c.field, c.before, c.after, c.userName])).toEqual([["location", "Астана", "Алматы", "Анна Редактор"]]);
    // Nothing of the second save was written...
    expect((await getRecord(t.db, m.id))!.kind).toBe("meeting");
    // ...and re-applying it on top of the current version succeeds.
    saved(await saveMeetingEdit(t.db, { userId: other, edit: edit({ id: m.id, baseVersion: 2, changes: { location: "Шымкент", kind: "conference" } }) }));
    const rec = (await getRecord(t.db, m.id))!;
    expect([rec.location, rec.kind, rec.version]).toEqual(["Шымкент", "conference", 3]);
  });

  it("serialises two concurrent saves: one wins, the other gets a conflict", async () => {
    const { editor, other, m } = await setup();
    const results = await Promise.all([
      saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: m.id, baseVersion: 1, seenHistoryId: 0, changes: { location: "Алматы" } }) }),
      saveMeetingEdit(t.db, { userId: other, edit: edit({ id: m.id, baseVersion: 1, seenHistoryId: 0, changes: { location: "Шымкент" } }) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "saved"]);
    expect((await listMeetingHistory(t.db, m.id, {})).filter((h) => h.field === "location")).toHaveLength(1);
  });

  it("approves, rejects with a reason and reopens, each versioned and in history", async () => {
    const { editor, m } = await setup();
    const a = await changeStatus(t.db, { userId: editor, change: { id: m.id, baseVersion: 1, action: "approve", reason: null } });
    expect(a).toEqual({ status: "saved", version: 2, to: "approved" });
    const stale = await changeStatus(t.db, { userId: editor, change: { id: m.id, baseVersion: 1, action: "reject", reason: "дубль" } });
    expect(stale.status).toBe("conflict");
    const r = await changeStatus(t.db, { userId: editor, change: { id: m.id, baseVersion: 2, action: "reject", reason: "Дубль статьи" } });
    expect(r).toEqual({ status: "saved", version: 3, to: "rejected" });
    expect((await getRecord(t.db, m.id))!.rejectReason).toBe("Дубль статьи");
    const o = await changeStatus(t.db, { userId: editor, change: { id: m.id, baseVersion: 3, action: "reopen", reason: null } });
    expect(o).toEqual({ status: "saved", version: 4, to: "pending" });
    const again = await changeStatus(t.db, { userId: editor, change: { id: m.id, baseVersion: 4, action: "reopen", reason: null } });
    expect(again).toEqual({ status: "not_allowed", current: "pending" });
    const rec = (await getRecord(t.db, m.id))!;
    expect([rec.status, rec.rejectReason]).toEqual(["pending", null]);
    const rows = (await listMeetingHistory(t.db, m.id, {})).reverse();
    expect(rows.map((h) => [h.action, h.before, h.after])).toEqual([
      ["approve", { status: "pending" }, { status: "approved" }],
      ["reject", { status: "approved" }, { status: "rejected", reason: "Дубль статьи" }],
      ["reopen", { status: "rejected", reason: "Дубль статьи" }, { status: "pending" }],
    ]);
  });

  it("bulk-approves the selection and reports each record", async () => {
    const { editor, m } = await setup();
    const b = await createMeeting(t.db, {});
    const c = await createMeeting(t.db, { status: "approved" });
    const d = await createMeeting(t.db, {});
    saved(await saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: d.id, baseVersion: 1, changes: { kind: "other" } }) }));
    const results = await bulkChangeStatus(t.db, { userId: editor, action: "approve", items: [{ id: m.id, version: 1 }, { id: b.id, version: 1 }, { id: c.id, version: 1 }, { id: d.id, version: 1 }, { id: 999999, version: 1 }] });
    expect(results).toEqual([
      { id: m.id, status: "approved", version: 2, previous: "pending", previousReason: null },
      { id: b.id, status: "approved", version: 2, previous: "pending", previousReason: null },
      { id: c.id, status: "not_allowed", current: "approved" },
      { id: d.id, status: "conflict", currentVersion: 2 },
      { id: 999999, status: "not_found" },
    ]);
    expect((await getRecord(t.db, d.id))!.status).toBe("pending");
    const approvals = await t.db.select().from(history).where(and(eq(history.action, "approve"), eq(history.userId, editor)));
    expect(approvals.map((h) => h.entityId).sort()).toEqual([m.id, b.id].sort());
  });

  it("bulk-rejects with a reason and undoes the batch back to each record's own status", async () => {
    const { editor, m } = await setup();
    const wasRejected = await createMeeting(t.db, { status: "rejected" });
    await t.db.update(meetings).set({ rejectReason: "дубликат" }).where(eq(meetings.id, wasRejected.id));
    const approved = await bulkChangeStatus(t.db, { userId: editor, action: "approve", items: [{ id: m.id, version: 1 }, { id: wasRejected.id, version: 1 }] });
    expect(approved.map((r) => r.status)).toEqual(["approved", "approved"]);
    const rejected = await bulkChangeStatus(t.db, { userId: editor, action: "reject", reason: "не встреча", items: [{ id: m.id, version: 2 }] });
    expect(rejected).toEqual([{ id: m.id, status: "rejected", version: 3, previous: "approved", previousReason: null }]);
    expect((await getRecord(t.db, m.id))!.rejectReason).toBe("не встреча");

    // Undo of the approval batch: one record was changed since (the rejection), so it is reported, not overwritten;
    // the other goes back to rejected with its own reason.
    const undone = await undoBulkChange(t.db, {
      userId: editor,
      items: approved.flatMap((r) => (r.status === "approved" ? [{ id: r.id, version: r.version, previous: r.previous, previousReason: r.previousReason }] : [])),
    });
    expect(undone).toEqual([
      { id: m.id, status: "conflict", currentVersion: 3 },
      { id: wasRejected.id, status: "restored", version: 3, previous: "approved", previousReason: null },
    ]);
    const back = (await getRecord(t.db, wasRejected.id))!;
    expect([back.status, back.rejectReason]).toEqual(["rejected", "дубликат"]);
    expect((await getRecord(t.db, m.id))!.status).toBe("rejected");
  });

  it("restores a value from history with a restore row, through the version check", async () => {
    const { editor, usa, m } = await setup();
    const osce = await createPartner(t.db, { nameRu: "ОБСЕ", type: "organization" });
    saved(await saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: m.id, baseVersion: 1, changes: { partners: [{ id: osce }], date: "2020-01-01" } }) }));
    const partnerRow = (await listMeetingHistory(t.db, m.id, {})).find((h) => h.field === "partners")!;
    const stale = await restoreFromHistory(t.db, { userId: editor, meetingId: m.id, historyId: partnerRow.id, use: "before", baseVersion: 1 });
    expect(stale.status).toBe("conflict");
    saved(await restoreFromHistory(t.db, { userId: editor, meetingId: m.id, historyId: partnerRow.id, use: "before", baseVersion: 2 }));
    const rec = (await getRecord(t.db, m.id))!;
    expect(rec.partners.map((p) => p.id)).toEqual([usa]);
    expect(rec.date).toBe("2020-01-01");
    const [latest] = await listMeetingHistory(t.db, m.id, {});
    expect([latest.action, latest.field, latest.before, latest.after]).toEqual(["restore", "partners", [{ id: osce, name: "ОБСЕ" }], [{ id: usa, name: "США" }]]);
    // A participant list restored by value gets its old row (and evidence) back where names match.
    const dateRow = (await listMeetingHistory(t.db, m.id, {})).find((h) => h.field === "date")!;
    saved(await restoreFromHistory(t.db, { userId: editor, meetingId: m.id, historyId: dateRow.id, use: "before", baseVersion: 3 }));
    expect((await getRecord(t.db, m.id))!.date).toBe("2024-03-15");
  });

  it("keeps an editor's value through a re-extraction and records the machine's proposal", async () => {
    const { editor, usa, m } = await setup();
    const osce = await createPartner(t.db, { nameRu: "ОБСЕ", type: "organization" });
    saved(await saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: m.id, baseVersion: 1, changes: { date: "2024-03-14", partners: [] } }) }));
    expect([...(await editorOwnedFields(t.db, m.id))].sort()).toEqual(["date", "partners"]);
    const result = await applyMachineValuesNow(t.db, m.id,
      { kind: "conference", date: "2024-03-15", location: "Астана", partnerIds: [usa, osce], themes: ["economy", "security"] },
      { extractorVersion: "test-2" });
    expect(result.changed.sort()).toEqual(["kind", "themes"]);
    expect(result.proposed.sort()).toEqual(["date", "partners"]);
    const rec = (await getRecord(t.db, m.id))!;
    expect(rec.date).toBe("2024-03-14");
    expect(rec.partners).toEqual([]);
    expect(rec.kind).toBe("conference");
    expect(rec.themes.map((x) => x.code)).toEqual(["economy", "security"]);
    expect(rec.proposals).toMatchObject({ date: "2024-03-15", partners: [{ id: usa, name: "США" }, { id: osce, name: "ОБСЕ" }] });
    expect(rec.version).toBe(3);
    // The editor answering the proposal (taking the machine's date) settles it; the partners one stays.
    saved(await saveMeetingEdit(t.db, { userId: editor, edit: edit({ id: m.id, baseVersion: 3, changes: { date: "2024-03-15" } }) }));
    expect((await getRecord(t.db, m.id))!.proposals).toEqual({ partners: expect.any(Array) });
  });
});
