// The export route end to end (role check, validation, CSV and JSON content, paging)
// against the hand-counted fixture.
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/export/route";
import { users } from "@/db/schema";
import { setSessionResolver } from "@/lib/auth/session";
import { insertAnalyticsFixture } from "../helpers/fixtures-analytics";
import { testDbKinds, useTestDb } from "../helpers/test-db";

/** A strict RFC 4180 reader, so the test checks what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

describe.each(testDbKinds())("export route on %s", (kind) => {
  const t = useTestDb(kind);
  afterEach(() => setSessionResolver(null));

  async function signIn(role: "viewer" | "editor" = "viewer") {
    const [u] = await t.db
      .insert(users)
      .values({ email: `${role}@example.org`, passwordHash: "x", role, sessionsValidAfter: new Date(Date.now() - 60_000) })
      .returning({ id: users.id });
    setSessionResolver(() => ({ userId: u.id, signedInAt: Date.now() }));
  }

  const get = (query: string, cookie?: string) =>
    GET(new NextRequest(`http://localhost/api/export${query}`, cookie ? { headers: { cookie } } : undefined));

  it("refuses anonymous callers", async () => {
    setSessionResolver(() => null);
    const res = await get("");
    expect(res.status).toBe(401);
  });

  it("names the invalid fields with 400", async () => {
    await signIn();
    const res = await get("?format=xml&from=yesterday&kind=party");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.errors).sort()).toEqual(["format", "from", "kind"]);
  });

  it("writes approved records as Excel-ready CSV with joined lists and safe quoting", async () => {
    const ids = await insertAnalyticsFixture(t.db);
    await signIn();
    const res = await get("");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="chronicle-meetings-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      "id", "date", "status", "kind", "home_official", "location", "partners", "partner_codes", "themes",
      "home_participants", "partner_participants", "article_title", "outlet", "url", "published_on",
      "outlets", "sources",
    ]);
    // Eight approved meetings, in id order; the rejected and pending ones are not exported.
    const body = rows.slice(1);
    expect(body.map((r) => Number(r[0]))).toEqual(["m1", "m2", "m3", "m4", "m6", "m8", "m10", "m11"].map((k) => ids.meetings[k]));
    expect(body.every((r) => r.length === 17)).toBe(true);
    const m4 = body.find((r) => Number(r[0]) === ids.meetings.m4)!;
    expect(m4[5]).toBe('Вена, "Хофбург", зал 1\nвторой этаж');
    expect(m4[6]).toBe("Германия; ОБСЕ");
    expect(m4[7]).toBe("DE; OSCE");
    expect(m4[11]).toBe('Статья m4, "цитата"');
    const m1 = body.find((r) => Number(r[0]) === ids.meetings.m1)!;
    expect(m1.slice(1, 5)).toEqual(["2024-01-10", "approved", "meeting", "Маулен Ашимбаев"]);
    expect(m1[8]).toBe("Безопасность; Экономика");
    expect(m1[9]).toBe("Маулен Ашимбаев");
    expect(m1[10]).toBe("Вячеслав Володин");
    // One source each: the outlet of its article, counted once.
    expect(m4.slice(15)).toEqual([m4[12], "1"]);
    // The raw text of the quoted field is really quoted, not just parsed back.
    expect(text).toContain('"Вена, ""Хофбург"", зал 1\nвторой этаж"');
  });

  it("exports the same filter as the charts, including a parent organisation's children", async () => {
    const ids = await insertAnalyticsFixture(t.db);
    await signIn();
    const res = await get(`?format=json&partner=${ids.partners.OSCE}&pending=1`, "chronicle_locale=en");
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const records = await res.json();
    expect(records.map((r: { id: number }) => r.id)).toEqual([ids.meetings.m3, ids.meetings.m4, ids.meetings.m5]);
    expect(records[2]).toEqual({
      id: ids.meetings.m5,
      date: "2024-05-01",
      status: "pending",
      kind: "meeting",
      homeOfficial: "Маулен Ашимбаев",
      location: null,
      partners: [{ id: ids.partners.OFFICE, name: "OSCE Programme Office", type: "organization", code: "OSCE_POA" }],
      themes: [
        { code: "interparliamentary", label: "Interparliamentary cooperation" },
        { code: "security", label: "Security" },
      ],
      participants: [
        { name: "Маулен Ашимбаев", position: null, side: "home" },
        { name: "М. Седерфельт", position: null, side: "partner" },
      ],
      article: { title: 'Статья m5, "цитата"', outlet: "Sputnik", url: "https://example.org/m5", publishedOn: "2024-05-01" },
      sources: [
        { articleId: expect.any(Number), title: 'Статья m5, "цитата"', outlet: "Sputnik", url: "https://example.org/m5", file: null, publishedOn: "2024-05-01" },
      ],
    });
  });

  it("returns an empty JSON array when nothing matches", async () => {
    await insertAnalyticsFixture(t.db);
    await signIn();
    const res = await get("?format=json&from=2030-01-01");
    expect(await res.json()).toEqual([]);
  });

  it("pages through more records than one page without losing or repeating any", async () => {
    await signIn();
    // 2,345 approved meetings, more than two export pages of 1,000.
    await t.db.execute(sql`insert into articles (content_hash, raw_text, clean_text, language, extractor_version)
      select 'bulk-' || g, 'x', 'x', 'ru', 'test' from generate_series(1, 2345) g`);
    await t.db.execute(sql`insert into meetings (article_id, kind, status, date, extractor_version)
      select id, 'meeting', 'approved', date '2020-01-01' + (id % 1000), 'test' from articles`);
    const res = await get("");
    const rows = parseCsv(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).slice(3))).slice(1);
    expect(rows).toHaveLength(2345);
    const ids = rows.map((r) => Number(r[0]));
    expect(new Set(ids).size).toBe(2345);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
