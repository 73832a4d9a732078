// Search finds a surname in any case and a record by an inflected common word, in the
// queue and on the articles page (the Russian stemmer alone does not: it reads the
// nominative «Ашимбаев» as ашимба and every other case as ашимбаев).
import { describe, expect, it } from "vitest";
import { listArticles } from "@/db/queries/articles";
import { listQueue } from "@/db/queries/meetings";
import { expandedQuery } from "@/db/queries/search";
import { createArticle, createMeeting } from "../helpers/fixtures-meetings";
import { testDbKinds, useTestDb } from "../helpers/test-db";

describe("the search query", () => {
  it("looks for a surname as written, in the nominative and in an oblique case; other words as written", () => {
    expect(expandedQuery("Ашимбаеву")).toBe("(ашимбаеву | ашимбаев | ашимбаева)");
    expect(expandedQuery("Сарсенбаевой переговоры")).toBe("(сарсенбаевой | сарсенбаев | сарсенбаева) & (переговоры)");
    // websearch syntax is kept as the user wrote it
    expect(expandedQuery('"Маулен Ашимбаев" -Токаев')).toBeNull();
    // nothing to search
    expect(expandedQuery("«»  —")).toBeNull();
  });
});

describe.each(testDbKinds())("search on %s", (kind) => {
  const t = useTestDb(kind);

  it("finds a person by any case of the surname and a record by an inflected common word", async () => {
    const texts = {
      nominative: "Председатель Сената Маулен Ашимбаев провёл переговоры с делегацией Японии.",
      dative: "Послу Японии был представлен проект. Слово было предоставлено Маулену Ашимбаеву.",
      feminine: "Министр Айгуль Сарсенбаева встретилась с послом Кореи и обсудила вопросы переговоров.",
      other: "Премьер-министр принял делегацию Германии.",
    };
    const ids: Record<string, number> = {};
    for (const [name, cleanText] of Object.entries(texts)) {
      const articleId = await createArticle(t.db, { cleanText, title: null });
      ids[name] = (await createMeeting(t.db, { articleId })).id;
    }
    const queue = async (q: string) => (await listQueue(t.db, { filters: { q } })).rows.map((r) => r.id).sort((a, b) => a - b);
    const both = [ids.nominative, ids.dative].sort((a, b) => a - b);
    for (const q of ["Ашимбаев", "Ашимбаева", "Ашимбаеву", "Ашимбаевым", "ашимбаеве"]) expect(await queue(q), q).toEqual(both);
    for (const q of ["Сарсенбаева", "Сарсенбаевой", "Сарсенбаеву"]) expect(await queue(q), q).toEqual([ids.feminine]);
    // an ordinary word in another case: «переговоров» finds «переговоры» and back
    expect(await queue("переговоров")).toEqual([ids.nominative, ids.feminine].sort((a, b) => a - b));
    // every word must be there
    expect(await queue("Ашимбаеву Японии")).toEqual(both);
    expect(await queue("Ашимбаеву Германии")).toEqual([]);
    // websearch syntax still works
    expect(await queue('"Маулен Ашимбаев"')).toEqual([ids.nominative]);

    const articles = await listArticles(t.db, { q: "Ашимбаевым" });
    expect(articles.total).toBe(2);
    // each of these articles is the source of exactly one record
    expect(articles.rows.map((r) => r.records)).toEqual([1, 1]);
  });
});
