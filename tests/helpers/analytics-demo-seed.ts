// A few hundred synthetic meetings for looking at the charts (screenshots, manual
// checks) in a throwaway data directory:
//   CHRONICLE_DATA_DIR=/tmp/chronicle-demo npx tsx tests/helpers/analytics-demo-seed.ts [count]
// It refuses a database that already holds meetings. Deterministic (seeded PRNG).
import { sql } from "drizzle-orm";
import { closeDb, getDb, queryRows } from "@/db/index";
import { migratePgliteDb, migratePostgresUrl } from "@/db/migrate";
import { articles, history, meetingParticipants, meetingPartners, meetings, meetingThemes, partners, themes } from "@/db/schema";
import { env } from "@/lib/config/env";
import { seedDatabase } from "@/seed/seed";

const COUNTRIES: [code: string, ru: string, en: string, region: string, weight: number][] = [
  ["RU", "Россия", "Russia", "СНГ", 30],
  ["CN", "Китай", "China", "Азия", 22],
  ["UZ", "Узбекистан", "Uzbekistan", "Центральная Азия", 16],
  ["KG", "Кыргызстан", "Kyrgyzstan", "Центральная Азия", 12],
  ["TR", "Турция", "Turkey", "Ближний Восток", 12],
  ["DE", "Германия", "Germany", "Европа", 10],
  ["US", "США", "United States", "Северная Америка", 9],
  ["FR", "Франция", "France", "Европа", 6],
  ["KR", "Республика Корея", "South Korea", "Азия", 6],
  ["JP", "Япония", "Japan", "Азия", 5],
  ["AZ", "Азербайджан", "Azerbaijan", "СНГ", 6],
  ["BY", "Беларусь", "Belarus", "СНГ", 5],
  ["IN", "Индия", "India", "Азия", 4],
  ["GB", "Великобритания", "United Kingdom", "Европа", 4],
  ["IT", "Италия", "Italy", "Европа", 3],
  ["HU", "Венгрия", "Hungary", "Европа", 3],
  ["AE", "ОАЭ", "United Arab Emirates", "Ближний Восток", 4],
  ["SA", "Саудовская Аравия", "Saudi Arabia", "Ближний Восток", 2],
  ["EG", "Египет", "Egypt", "Африка", 1],
  ["BR", "Бразилия", "Brazil", "Латинская Америка", 1],
  ["MN", "Монголия", "Mongolia", "Азия", 2],
  ["PL", "Польша", "Poland", "Европа", 2],
];
const ORG_WEIGHTS: Record<string, number> = { UN: 5, OSCE: 4, OSCE_PA: 6, CIS: 5 };
const OFFICIALS = ["Маулен Ашимбаев", "Ерлан Кошанов", "Касым-Жомарт Токаев", "Мурат Нуртлеу", "Олжас Бектенов", "Дания Еспаева"];
const COUNTERPARTS = ["Вячеслав Володин", "Ван Хунин", "Танзила Нарбаева", "Нурланбек Шакиев", "Нуман Куртулмуш", "Бербель Бас", "Маргарета Седерфельт", "Антониу Гутерриш", "Валентина Матвиенко", "Ким Джин Пхё"];

let state = 20_26;
const rand = () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
function pick<T>(items: T[], weight: (t: T) => number): T {
  const total = items.reduce((s, i) => s + weight(i), 0);
  let r = rand() * total;
  for (const i of items) if ((r -= weight(i)) <= 0) return i;
  return items[items.length - 1];
}

async function main() {
  const count = Number(process.argv[2] || 600);
  const db = getDb();
  if (env.databaseUrl) await migratePostgresUrl(env.databaseUrl);
  else await migratePgliteDb(db);
  const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from meetings`);
  if (n > 0) throw new Error(`this database already holds ${n} meetings; use a throwaway CHRONICLE_DATA_DIR`);
  // The real seed first (registry with regions and parents, bundled articles), then the synthetic meetings.
  await seedDatabase(db);
  await db
    .insert(partners)
    .values(COUNTRIES.map(([code, nameRu, nameEn, region]) => ({ type: "country" as const, code, nameRu, nameEn, region })))
    .onConflictDoNothing();

  const registry = await db.select({ id: partners.id, code: partners.code }).from(partners);
  const weightOf = new Map<string, number>([...COUNTRIES.map(([c, , , , w]) => [c, w] as [string, number]), ...Object.entries(ORG_WEIGHTS)]);
  const pool = registry.filter((p) => p.code && weightOf.has(p.code));
  const themeCodes = (await db.select({ code: themes.code }).from(themes)).map((t) => t.code);
  const themeWeight = (c: string) => (["interparliamentary", "economy", "security", "integration"].includes(c) ? 5 : 1);

  const start = Date.UTC(2021, 0, 1);
  const end = Date.now() - 86_400_000;
  for (let i = 0; i < count; i++) {
    // Denser in recent years: the corpus grows.
    const t = start + Math.sqrt(rand()) * (end - start);
    const date = new Date(t).toISOString().slice(0, 10);
    const status = rand() < 0.2 ? "pending" : "approved";
    const [article] = await db
      .insert(articles)
      .values({ contentHash: `demo-${i}`, rawText: "demo", cleanText: "demo", title: `Демо ${i}`, outlet: rand() < 0.5 ? "Kazinform" : "Tengrinews", language: "ru", publishedOn: date, extractorVersion: "demo" })
      .returning({ id: articles.id });
    const official = pick(OFFICIALS, (o) => 1 + OFFICIALS.length - OFFICIALS.indexOf(o));
    const reviewedAt = status === "approved" ? new Date(Math.min(Date.now(), t + rand() * 10 * 86_400_000)) : null;
    const [m] = await db
      .insert(meetings)
      .values({
        articleId: article.id,
        kind: pick(["meeting", "phone_call", "conference", "statement", "other"] as const, (k) => ({ meeting: 12, phone_call: 4, conference: 3, statement: 1, other: 1 })[k]),
        date,
        status,
        homeOfficial: official,
        confidence: 0.5 + rand() / 2,
        extractorVersion: "demo",
        reviewedAt,
      })
      .returning({ id: meetings.id });
    const chosen = new Set([pick(pool, (p) => weightOf.get(p.code!)!).id]);
    if (rand() < 0.15) chosen.add(pick(pool, (p) => weightOf.get(p.code!)!).id);
    await db.insert(meetingPartners).values([...chosen].map((partnerId) => ({ meetingId: m.id, partnerId })));
    const th = new Set([pick(themeCodes, themeWeight)]);
    while (rand() < 0.45) th.add(pick(themeCodes, themeWeight));
    await db.insert(meetingThemes).values([...th].map((themeCode) => ({ meetingId: m.id, themeCode })));
    await db.insert(meetingParticipants).values([
      { meetingId: m.id, name: official, side: "home" as const, ordinal: 0 },
      { meetingId: m.id, name: pick(COUNTERPARTS, (c) => 1 + COUNTERPARTS.length - COUNTERPARTS.indexOf(c)), side: "partner" as const, ordinal: 1 },
    ]);
    await db.insert(history).values({ entityType: "meeting", entityId: m.id, action: status === "approved" ? "approve" : "create", at: reviewedAt ?? new Date(t) });
  }
  console.log(`inserted ${count} synthetic meetings into ${env.databaseUrl ? "the DATABASE_URL server" : env.pgliteDir}`);
  await closeDb();
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb();
  process.exit(1);
});
