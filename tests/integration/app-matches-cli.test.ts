// The app stores what the command line prints: every corpus article ingested through the
// app's path (ingestFile with the database's registry, as the upload, the queue, the seed
// and `npm run ingest` do) carries the same fields as `npm run extract` prints for it.
import fs from "node:fs";
import path from "node:path";
import { and, asc, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/index";
import { meetingSources, meetings } from "@/db/schema";
import { getRecordRows } from "@/db/queries/meetings";
import { createAppExtractor, invalidateRegistry } from "@/lib/app-extractor";
import { runCli } from "@/lib/extract/cli";
import type { ContractEvent } from "@/lib/extract/text/contract";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { hasAcceptedExtension } from "@/lib/ingest/limits";
import { addPartnerAlias, createPartner } from "@/lib/registries/partners";
import { seedRegistries } from "@/seed/registries";
import { bundledRegistry, seedThemes } from "@/seed/seed";
import { createUser } from "../helpers/fixtures-meetings";
import { testDbKinds, useTestDb } from "../helpers/test-db";

const corpusRoot = path.join(process.cwd(), "tests", "fixtures", "corpus");
const CORPORA = ["seeds", "dev", "dev2", "holdout", "holdout2", "holdout3"];

function articleFiles(corpus: string): string[] {
  const dir = path.join(corpusRoot, corpus);
  return fs
    .readdirSync(dir)
    .filter((f) => hasAcceptedExtension(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** An event in a form both sides can give: sorted where order carries no meaning. */
function comparable(e: ContractEvent) {
  const key = (s: string) => s.toLowerCase().replace(/ё/g, "е");
  return {
    kind: e.kind,
    date: e.date,
    location: e.location,
    participants: e.participants.map((p) => `${key(p.name)} | ${p.position ?? ""} | ${p.side}`),
    partners: e.partners.map((p) => p.code ?? key(p.name)).sort(),
    themes: [...e.themes].sort(),
    quotes: e.quotes.map((q) => `${q.speaker ?? "?"}: ${q.text}`),
  };
}

/** The records ingestion stored for one article, as contract events (in the article's order). */
async function storedEvents(db: Db, articleId: number): Promise<ContractEvent[]> {
  const rows = await db
    .select({ id: meetings.id, kind: meetings.kind, date: meetings.date, location: meetings.location })
    .from(meetings)
    .where(eq(meetings.articleId, articleId))
    .orderBy(asc(meetings.ordinal), asc(meetings.id));
  const events: ContractEvent[] = [];
  for (const m of rows) {
    const child = await getRecordRows(db, m.id);
    events.push({
      kind: m.kind,
      date: m.date,
      location: m.location,
      participants: child.participants.map((p) => ({ name: p.name, position: p.position, side: p.side })),
      partners: child.partners.map((p) => ({ code: p.code, name: p.name, type: p.type })),
      themes: child.themes.map((t) => t.code),
      quotes: child.quotes.map((q) => ({ speaker: q.speaker, text: q.text })),
    });
  }
  return events;
}

/** Ordinals of the article's events that joined another article's record as a source. */
async function attachedOrdinals(db: Db, articleId: number): Promise<number[]> {
  const rows = await db
    .select({ ordinal: meetingSources.ordinal })
    .from(meetingSources)
    .innerJoin(meetings, eq(meetings.id, meetingSources.meetingId))
    .where(and(eq(meetingSources.articleId, articleId), ne(meetings.articleId, articleId)));
  return rows.map((r) => r.ordinal);
}

describe.each(testDbKinds())("the app stores what `npm run extract` prints, on %s", (kind) => {
  const t = useTestDb(kind);

  it.each(CORPORA)("corpus %s", async (corpus) => {
    // A freshly seeded database: the themes and the bundled registry, nothing learned yet.
    // (Where an editor has taught the database's registry more than the bundled one, the
    // app's records may name more — that is the only difference allowed, and it is not
    // present here, so every field must match exactly.)
    await seedThemes(t.db);
    await seedRegistries(t.db, bundledRegistry());
    invalidateRegistry(t.db);
    const extractor = await createAppExtractor(t.db);

    const files = articleFiles(corpus);
    const printed = runCli(files).output;
    let compared = 0;
    for (const [i, file] of files.entries()) {
      const outcomes = await ingestFile(t.db, { bytes: fs.readFileSync(file), fileName: path.basename(file), extractor, userId: null });
      const stored: ContractEvent[] = [];
      // Events attached at import to another article's record (the same contact from another
      // outlet, issue 17) are that record's sources, not records of their own: not compared.
      const attached = new Set<number>();
      for (const o of outcomes) {
        if (o.status === "refused") {
          // The app refuses what is not Russian; the command line prints its language and no events.
          expect(o.reason, file).toBe(`not Russian (${printed[i].language})`);
          expect(printed[i].events, file).toEqual([]);
          continue;
        }
        expect(o.status, `${file}: ${JSON.stringify(o)}`).toBe("stored");
        if (o.status === "stored") {
          // The command line lists a file's articles' events one after the other.
          const base = stored.length + attached.size;
          const own = await storedEvents(t.db, o.articleId);
          const joined = await attachedOrdinals(t.db, o.articleId);
          stored.push(...own);
          for (const ordinal of joined) attached.add(base + ordinal);
        }
      }
      const expected = printed[i].events.filter((_, ordinal) => !attached.has(ordinal));
      // A record another article joined also has that article's themes (a union): the
      // printed themes must all be there; every other field is exactly the printed one.
      const widened = (e: ContractEvent, j: number) => ({ ...comparable(e), themes: comparable(expected[j] ?? e).themes.filter((c) => e.themes.includes(c)) });
      expect(stored.map(widened), path.basename(file)).toEqual(expected.map(comparable));
      compared += stored.length;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it("differs only by what the database's registry has learned beyond the bundled one", async () => {
    await seedThemes(t.db);
    await seedRegistries(t.db, bundledRegistry());
    const admin = await createUser(t.db, "admin");
    const created = await createPartner(t.db, admin, { type: "organization", code: null, nameRu: "Международный фонд «Шёлковый мост»", nameEn: "Silk Bridge International Foundation", fullNameRu: null, fullNameEn: null, region: null, parentId: null });
    if (!created.ok) throw new Error(JSON.stringify(created));
    await addPartnerAlias(t.db, admin, { partnerId: created.id, alias: "МФШМ", kind: "abbreviation" });
    invalidateRegistry(t.db);

    const dir = fs.mkdtempSync(path.join(process.cwd(), ".data", "cli-vs-app-"));
    const file = path.join(dir, "learned.txt");
    fs.writeFileSync(
      file,
      "Астана, 12 марта 2025 года. Председатель Сената Маулен Ашимбаев встретился с делегацией МФШМ. " +
        "В тот же день он провёл встречу с послом Японии Ёсиюки Камори.\n",
    );
    const [printed] = runCli([file]).output;
    const outcomes = await ingestFile(t.db, { bytes: fs.readFileSync(file), fileName: "learned.txt", extractor: await createAppExtractor(t.db), userId: null });
    fs.rmSync(dir, { recursive: true, force: true });
    const [outcome] = outcomes;
    if (outcome.status !== "stored") throw new Error(JSON.stringify(outcome));
    const stored = await storedEvents(t.db, outcome.articleId);

    // The one allowed difference: the meeting with the organisation only the database's
    // registry knows. Every other event is the same, field for field.
    const learned = "международный фонд «шелковый мост»";
    const app = stored.map(comparable);
    const cli = printed.events.map(comparable);
    expect(cli.flatMap((e) => e.partners)).not.toContain(learned);
    expect(app.filter((e) => e.partners.includes(learned))).toHaveLength(1);
    expect(app.filter((e) => !e.partners.includes(learned))).toEqual(cli);
    expect(cli).toHaveLength(1);
  });
});
