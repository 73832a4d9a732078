import { describe, expect, it } from "vitest";
import { countByStatus, decodeCursor, encodeCursor, getQueueNeighbours, getRecord, listQueue, type QueueFilters } from "@/db/queries/meetings";
import type { QueueSort } from "@/lib/validations/meetings";
import { createArticle, createMeeting, createPartner, createThemes } from "../helpers/fixtures-meetings";
import { testDbKinds, useTestDb } from "../helpers/test-db";

describe.each(testDbKinds())("review queue on %s", (kind) => {
  const t = useTestDb(kind);

  /** Walks every page forwards, then backwards from the end, and returns the ids seen each way. */
  async function walk(filters: QueueFilters, sort: QueueSort, limit: number) {
    const forward: number[] = [];
    let page = await listQueue(t.db, { filters, sort, limit });
    let pages = 1;
    forward.push(...page.rows.map((r) => r.id));
    expect(page.prev).toBeNull();
    while (page.next) {
      // The cursor goes through the URL and back, as the page links do.
      const cursor = decodeCursor(encodeCursor(page.next), sort)!;
      page = await listQueue(t.db, { filters, sort, cursor, limit });
      forward.push(...page.rows.map((r) => r.id));
      pages++;
      expect(pages).toBeLessThan(100);
    }
    const backward: number[] = [...page.rows.map((r) => r.id)];
    while (page.prev) {
      page = await listQueue(t.db, { filters, sort, cursor: page.prev, direction: "prev", limit });
      backward.unshift(...page.rows.map((r) => r.id));
    }
    return { forward, backward };
  }

  it("pages through ties in confidence without missing or repeating a row, both ways", async () => {
    const confidences = [0.5, 0.5, 0.5, 0.2, 0.5, 0.9, 0.2, 0.5, 0.3, 0.5, 0.5, 0.1, 0.5];
    const made = [];
    for (const c of confidences) made.push(await createMeeting(t.db, { confidence: c }));
    await createMeeting(t.db, { confidence: 0.05, status: "approved" });
    const expected = made
      .map((m, i) => ({ id: m.id, c: confidences[i] }))
      .sort((a, b) => a.c - b.c || a.id - b.id)
      .map((m) => m.id);
    for (const limit of [1, 3, 4, 50]) {
      const { forward, backward } = await walk({ status: "pending" }, "confidence", limit);
      expect(forward).toEqual(expected);
      expect(backward).toEqual(expected);
    }
  });

  it("pages by date with undated records and equal dates", async () => {
    const dates = ["2024-01-02", null, "2024-01-02", "2023-05-01", null, "2025-12-31", "2024-01-02"];
    const made = [];
    for (const d of dates) made.push(await createMeeting(t.db, { date: d }));
    const key = (d: string | null) => d ?? "1900-01-01";
    const asc = made
      .map((m, i) => ({ id: m.id, d: key(dates[i]) }))
      .sort((a, b) => a.d.localeCompare(b.d) || a.id - b.id)
      .map((m) => m.id);
    expect((await walk({}, "date_asc", 2)).forward).toEqual(asc);
    const desc = [...asc].reverse();
    const both = await walk({}, "date_desc", 3);
    expect(both.forward).toEqual(desc);
    expect(both.backward).toEqual(desc);
  });

  it("counts each status under the current filters in one answer", async () => {
    await createMeeting(t.db, { kind: "meeting", status: "pending" });
    await createMeeting(t.db, { kind: "meeting", status: "approved" });
    await createMeeting(t.db, { kind: "meeting", status: "approved" });
    await createMeeting(t.db, { kind: "phone_call", status: "rejected" });
    expect(await countByStatus(t.db, {})).toEqual({ pending: 1, approved: 2, rejected: 1, all: 4 });
    expect(await countByStatus(t.db, { kind: "meeting" })).toEqual({ pending: 1, approved: 2, rejected: 0, all: 3 });
  });

  it("filters by partner including everything under a parent organisation", async () => {
    const osce = await createPartner(t.db, { nameRu: "ОБСЕ", type: "organization", code: "OSCE" });
    const pa = await createPartner(t.db, { nameRu: "ПА ОБСЕ", type: "organization", parentId: osce });
    const office = await createPartner(t.db, { nameRu: "Офис программ ОБСЕ", type: "organization", parentId: osce });
    const officeDesk = await createPartner(t.db, { nameRu: "Отдел офиса", type: "organization", parentId: office });
    const usa = await createPartner(t.db, { nameRu: "США", code: "US" });
    const a = await createMeeting(t.db, { partnerIds: [osce] });
    const b = await createMeeting(t.db, { partnerIds: [pa, usa] });
    const c = await createMeeting(t.db, { partnerIds: [officeDesk] });
    const d = await createMeeting(t.db, { partnerIds: [usa] });
    const ids = async (f: QueueFilters) => (await listQueue(t.db, { filters: f })).rows.map((r) => r.id).sort((x, y) => x - y);
    expect(await ids({ partnerId: osce })).toEqual([a.id, b.id, c.id]);
    expect(await ids({ partnerId: pa })).toEqual([b.id]);
    expect(await ids({ partnerId: usa })).toEqual([b.id, d.id]);
    const row = (await listQueue(t.db, { filters: { partnerId: pa } })).rows[0];
    expect(row.partners).toEqual(["ПА ОБСЕ", "США"]);
    expect((await countByStatus(t.db, { partnerId: osce })).all).toBe(3);
  });

  it("filters by kind, official, theme, outlet, dates and confidence, and returns the row's columns", async () => {
    await createThemes(t.db);
    const hit = await createMeeting(t.db, {
      kind: "phone_call",
      date: "2024-06-10",
      confidence: 0.42,
      participants: [{ name: "Маулен Ашимбаев", side: "home" }],
      themes: ["economy", "security"],
      article: { outlet: "Kazinform", title: "Телефонный разговор" },
    });
    await createMeeting(t.db, { kind: "meeting", date: "2024-06-10", confidence: 0.42, themes: ["economy"], article: { outlet: "Kazinform" } });
    await createMeeting(t.db, { kind: "phone_call", date: "2023-01-01", confidence: 0.9, article: { outlet: "Tengri" } });
    const only = async (f: QueueFilters) => (await listQueue(t.db, { filters: f })).rows.map((r) => r.id);
    expect(await only({ kind: "phone_call", dateFrom: "2024-01-01" })).toEqual([hit.id]);
    expect(await only({ homeOfficial: "Маулен Ашимбаев" })).toEqual([hit.id]);
    expect(await only({ theme: "security" })).toEqual([hit.id]);
    expect(await only({ outlet: "Tengri" })).toHaveLength(1);
    expect(await only({ dateFrom: "2024-06-10", dateTo: "2024-06-10", kind: "phone_call" })).toEqual([hit.id]);
    expect(await only({ minConfidence: 0.4, maxConfidence: 0.42, kind: "phone_call" })).toEqual([hit.id]);
    expect(await only({ maxConfidence: 0.41 })).toEqual([]);
    const [row] = (await listQueue(t.db, { filters: { theme: "security" } })).rows;
    expect(row).toMatchObject({
      id: hit.id,
      kind: "phone_call",
      date: "2024-06-10",
      status: "pending",
      homeOfficial: "Маулен Ашимбаев",
      outlet: "Kazinform",
      title: "Телефонный разговор",
      themes: ["economy", "security"],
    });
    expect(row.confidence).toBeCloseTo(0.42, 5);
  });

  it("searches the article text in Russian, and hostile input is only text", async () => {
    const coop = await createMeeting(t.db, {
      article: { cleanText: "Стороны обсудили вопросы межпарламентского сотрудничества и 100% поддержку C:\\путь." },
    });
    const econ = await createMeeting(t.db, { article: { cleanText: "Обсуждались торгово-экономические связи и инвестиции." } });
    const q = async (text: string) => (await listQueue(t.db, { filters: { q: text } })).rows.map((r) => r.id);
    expect(await q("сотрудничество")).toEqual([coop.id]);
    expect(await q("инвестициями")).toEqual([econ.id]);
    expect(await q('"межпарламентского сотрудничества"')).toEqual([coop.id]);
    expect(await q('"сотрудничества межпарламентского"')).toEqual([]);
    expect(await q("обсудили -инвестиции")).toEqual([coop.id]);
    for (const hostile of ["%", "100%", "\\", "C:\\путь", "'; drop table meetings; --", '"', "a & | ! ( ) :*", "%_"]) {
      await expect(q(hostile)).resolves.toBeInstanceOf(Array);
    }
    expect(await q("100%")).toEqual([coop.id]);
    expect((await countByStatus(t.db, { q: "сотрудничество" })).all).toBe(1);
  });

  it("finds the neighbours of a record in queue order", async () => {
    const a = await createMeeting(t.db, { confidence: 0.1 });
    const b = await createMeeting(t.db, { confidence: 0.2 });
    const c = await createMeeting(t.db, { confidence: 0.2 });
    expect(await getQueueNeighbours(t.db, { id: b.id })).toEqual({ prevId: a.id, nextId: c.id });
    expect(await getQueueNeighbours(t.db, { id: a.id })).toEqual({ prevId: null, nextId: b.id });
    // Within a filtered queue the neighbours skip records outside it (here: another search hit only).
    const d = await createMeeting(t.db, { confidence: 0.15, article: { cleanText: "Переговоры об энергетике." } });
    const e = await createMeeting(t.db, { confidence: 0.3, article: { cleanText: "Энергетика и транзит." } });
    expect(await getQueueNeighbours(t.db, { id: d.id, filters: { q: "энергетика" } })).toEqual({ prevId: null, nextId: e.id });
    expect(await getQueueNeighbours(t.db, { id: c.id, filters: { status: "approved" } })).toEqual({ prevId: null, nextId: null });
  });

  it("loads one record with its article, values, sources and evidence", async () => {
    const articleId = await createArticle(t.db, { cleanText: "Маулен Ашимбаев встретился с послом США.", title: "Встреча" });
    const usa = await createPartner(t.db, { nameRu: "США", code: "US" });
    const m = await createMeeting(t.db, {
      articleId,
      participants: [{ name: "Маулен Ашимбаев", side: "home", position: "Председатель Сената" }],
      partnerIds: [usa],
      evidence: [
        { field: "partner", valueKey: String(usa), start: 35, end: 38 },
        { field: "kind", valueKey: "meeting", start: 16, end: 27 },
      ],
    });
    const r = (await getRecord(t.db, m.id))!;
    expect(r.article.cleanText).toContain("Ашимбаев");
    expect(r.participants[0]).toMatchObject({ name: "Маулен Ашимбаев", side: "home", source: "extractor" });
    expect(r.partners).toEqual([expect.objectContaining({ id: usa, name: "США", source: "extractor" })]);
    expect(r.evidence.map((e) => e.field)).toEqual(["kind", "partner"]);
    expect(r.kindSource).toBe("extractor");
    expect(await getRecord(t.db, 999999)).toBeNull();
  });
});
