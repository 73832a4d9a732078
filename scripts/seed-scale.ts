// `npm run seed:scale -- --meetings 100000 [--reset] [--seed 42]`: a synthetic corpus at
// production scale for the performance bench (docs/performance.md). Partners follow a
// Zipf long tail over the seeded registry, dates span ten years with growth, a quarter
// is pending; articles are composed from Russian sentence templates so full-text search
// has real words to find. Rows go in through multi-row inserts, in batches, on either
// database (DATABASE_URL or the embedded one).
import { createHash } from "node:crypto";
import { eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { closeDb, dbKind, getDb, queryRows, type Db } from "@/db/index";
import { migrateDatabase } from "@/db/startup";
import { articles, partners, themes, type MeetingKind, type MeetingStatus } from "@/db/schema";
import { seedIfEmpty } from "@/seed/seed";

/** Synthetic rows are recognisable by their source, so --reset removes only them. */
export const SCALE_SOURCE = "seed-scale";

const Args = z.object({
  meetings: z.coerce.number().int().min(1).max(2_000_000).default(100_000),
  reset: z.boolean().default(false),
  seed: z.coerce.number().int().default(42),
});

function parseArgs(argv: string[]): z.infer<typeof Args> {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--reset") raw.reset = true;
    else if (a.startsWith("--")) raw[a.slice(2)] = argv[++i];
  }
  return Args.parse(raw);
}

/** mulberry32: deterministic, so two runs with the same --seed build the same corpus. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative Zipf weights (s≈1.1): a few partners dominate, hundreds appear rarely. */
function zipfSampler<T>(items: T[], random: () => number, s = 1.1): () => T {
  const cum: number[] = [];
  let total = 0;
  for (let i = 0; i < items.length; i++) cum.push((total += 1 / Math.pow(i + 1, s)));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo];
  };
}

const HOME_OFFICIALS = [
  "Маулен Ашимбаев", "Ерлан Кошанов", "Мурат Нуртлеу", "Ержан Ашикбаев", "Касым-Жомарт Токаев", "Олжас Бектенов",
  "Роман Скляр", "Нурлан Ермекбаев", "Акан Рахметуллин", "Бибигуль Жексенбай", "Аскар Шакиров", "Алибек Бакаев",
  "Серик Жумангарин", "Дания Еспаева", "Мади Такиев", "Жанна Асанова", "Ерлан Карин", "Айдар Арифханов",
];
const HOME_POSITIONS = ["Председатель Сената", "Председатель Мажилиса", "Министр иностранных дел", "депутат Мажилиса", "сенатор", "заместитель министра иностранных дел"];
const FIRST = ["Ханс", "Мария", "Джон", "Ли", "Ахмед", "Анна", "Пьер", "Карлос", "Юсуф", "Елена", "Томас", "Сара", "Мехмет", "Ольга", "Жан", "Кенджи", "Давид", "Фатима"];
const LAST = ["Мюллер", "Россетти", "Смит", "Вэй", "Хасан", "Новак", "Дюбуа", "Гарсия", "Йылмаз", "Петрова", "Шмидт", "Коэн", "Озтюрк", "Иванова", "Мартен", "Танака", "Леви", "Аль-Сабах"];
const PARTNER_POSITIONS = ["Чрезвычайный и Полномочный Посол", "спикер парламента", "министр иностранных дел", "вице-председатель парламента", "генеральный секретарь", "глава делегации", "депутат парламента"];
const CITIES = ["Астана", "Алматы", "Шымкент", "Нью-Йорк", "Женева", "Вена", "Брюссель", "Москва", "Пекин", "Анкара", "Баку", "Ташкент", "Бишкек", "Берлин", "Париж"];
const KINDS: [MeetingKind, number][] = [["meeting", 0.62], ["phone_call", 0.14], ["conference", 0.1], ["statement", 0.09], ["other", 0.05]];
const KIND_VERB: Record<MeetingKind, string> = {
  meeting: "провёл встречу с",
  phone_call: "провёл телефонный разговор с",
  conference: "принял участие в конференции вместе с",
  statement: "выступил с совместным заявлением с",
  other: "обсудил актуальные вопросы с",
};
const OUTLETS = ["Kazinform", "Tengrinews", "Sputnik Казахстан", "Казахстанская правда", "KazTAG", "Informburo", "senate.parlam.kz", "mfa.gov.kz"];
const TOPIC_SENTENCES: Record<string, string[]> = {
  interparliamentary: ["Стороны отметили важность межпарламентского сотрудничества и обмена делегациями.", "Обсуждено создание депутатской группы дружбы."],
  security: ["Особое внимание уделено вопросам региональной безопасности и борьбы с терроризмом.", "Стороны обменялись мнениями о противодействии экстремизму."],
  conflicts: ["Собеседники обсудили мирное урегулирование конфликтов и посредничество.", "Казахстанская сторона подтвердила готовность содействовать переговорам."],
  economy: ["Рассмотрены перспективы торгово-экономического сотрудничества и привлечения инвестиций.", "Товарооборот между странами вырос, стороны договорились его увеличить."],
  sustainable_development: ["Стороны обсудили достижение целей устойчивого развития.", "Отмечена роль партнёрства в борьбе с бедностью."],
  environment: ["Затронуты вопросы изменения климата, водных ресурсов и экологии.", "Обсуждена энергетика и переход к зелёной экономике."],
  human_rights: ["Собеседники обсудили защиту прав человека и демократизацию.", "Отмечена работа омбудсмена и гражданского общества."],
  political_reform: ["Гостю рассказали о политических и конституционных реформах в Казахстане.", "Обсуждены итоги референдума и модернизация парламента."],
  legislation: ["Стороны обменялись опытом законотворческой деятельности.", "Обсуждена гармонизация законодательства."],
  integration: ["Рассмотрены вопросы региональной интеграции и транспортных коридоров.", "Обсуждено развитие Транскаспийского маршрута."],
  humanitarian: ["Отмечено развитие культурных и образовательных связей, туризма.", "Стороны договорились расширить студенческие обмены."],
  social: ["Затронуты вопросы здравоохранения и социальной защиты.", "Обсуждено сотрудничество в области медицины."],
  digital: ["Стороны обсудили цифровизацию, искусственный интеллект и инновации.", "Отмечены перспективы сотрудничества в сфере IT."],
};
const QUOTES = [
  "Мы заинтересованы в дальнейшем укреплении нашего партнёрства",
  "Казахстан является надёжным партнёром в регионе",
  "Наши страны связывают давние отношения дружбы и взаимного уважения",
  "Мы готовы наращивать сотрудничество во всех сферах",
];

type MeetingPlan = {
  kind: MeetingKind;
  date: string | null;
  status: MeetingStatus;
  confidence: number;
  official: string;
  partnerIds: number[];
  themeCodes: string[];
  location: string;
  participants: { name: string; position: string; side: "home" | "partner" }[];
  quote: string | null;
};

function pickWeighted<T>(pairs: [T, number][], r: number): T {
  let acc = 0;
  for (const [v, w] of pairs) if (r < (acc += w)) return v;
  return pairs[pairs.length - 1][0];
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

async function resetSynthetic(db: Db): Promise<void> {
  // Meetings and their children cascade from the article.
  await db.delete(articles).where(eq(articles.sourceName, SCALE_SOURCE));
}

/**
 * One INSERT ... SELECT FROM json_to_recordset per batch: a single text parameter,
 * where a multi-row VALUES list of drizzle would bind tens of thousands of parameters
 * (measured 40x slower on the loaded server). Works the same on PGlite and PostgreSQL.
 */
async function bulkInsert<R extends Record<string, unknown>>(
  db: Db,
  table: string,
  columns: Record<keyof R & string, string>,
  rows: R[],
  returning?: string,
): Promise<Record<string, unknown>[]> {
  const names = Object.keys(columns);
  const list = names.map((n) => `"${n}"`).join(", ");
  const defs = names.map((n) => `"${n}" ${columns[n as keyof R & string]}`).join(", ");
  const query = sql.raw(
    `insert into "${table}" (${list}) select ${list} from json_to_recordset($json$${JSON.stringify(rows).replaceAll("$json$", "")}$json$::json) as x(${defs}) on conflict do nothing${returning ? ` returning ${returning}` : ""}`,
  );
  return queryRows(db, query);
}

/** Seconds spent per table, printed at the end so a slow table is visible. */
const spent = new Map<string, number>();

async function insertBatches<T>(table: string, rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  const t = performance.now();
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
  spent.set(table, (spent.get(table) ?? 0) + (performance.now() - t) / 1000);
}

export async function seedScale(db: Db, opts: { meetings: number; seed: number; log?: (s: string) => void }): Promise<{ articles: number; meetings: number }> {
  const log = opts.log ?? (() => {});
  const random = rng(opts.seed);
  const partnerRows = await db
    .select({ id: partners.id, name: partners.nameRu })
    .from(partners)
    .where(isNull(partners.mergedIntoId));
  const themeRows = await db.select({ code: themes.code }).from(themes).where(isNull(themes.retiredAt));
  if (partnerRows.length === 0 || themeRows.length === 0) throw new Error("The registry is empty; seeding it failed.");
  // Shuffle so the head of the long tail is not just the registry's first rows.
  const shuffled = [...partnerRows].sort(() => random() - 0.5).slice(0, Math.min(400, partnerRows.length));
  const pickPartner = zipfSampler(shuffled, random);
  const pickTheme = zipfSampler(themeRows.map((t) => t.code), random, 0.8);
  const pickOfficial = zipfSampler(HOME_OFFICIALS, random, 0.9);
  const partnerName = new Map(partnerRows.map((p) => [p.id, p.name]));
  const now = Date.now();
  const tenYears = 3652 * 86_400_000;
  const runTag = `${opts.seed}-${now}`;

  let made = 0;
  let articleCount = 0;
  const BATCH_MEETINGS = 2000;
  while (made < opts.meetings) {
    const plans: MeetingPlan[][] = [];
    let inBatch = 0;
    while (inBatch < BATCH_MEETINGS && made + inBatch < opts.meetings) {
      const perArticle = Math.min(1 + Math.floor(random() * 3), opts.meetings - made - inBatch);
      // Growth over the decade: more recent years have more news (sqrt skews toward now).
      const day = new Date(now - tenYears * (1 - Math.sqrt(random())));
      const group: MeetingPlan[] = [];
      for (let k = 0; k < perArticle; k++) {
        const nPartners = random() < 0.85 ? 1 : 2;
        const partnerIds = [...new Set(Array.from({ length: nPartners }, () => pickPartner().id))];
        const nThemes = 1 + Math.floor(random() * 4);
        const themeCodes = [...new Set(Array.from({ length: nThemes }, () => pickTheme()))];
        const official = pickOfficial();
        const nPart = 2 + Math.floor(random() * 4);
        const participants: MeetingPlan["participants"] = [{ name: official, position: HOME_POSITIONS[Math.floor(random() * HOME_POSITIONS.length)], side: "home" }];
        for (let p = 1; p < nPart; p++) {
          const home = random() < 0.35;
          participants.push({
            name: home ? HOME_OFFICIALS[Math.floor(random() * HOME_OFFICIALS.length)] : `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`,
            position: home ? HOME_POSITIONS[Math.floor(random() * HOME_POSITIONS.length)] : PARTNER_POSITIONS[Math.floor(random() * PARTNER_POSITIONS.length)],
            side: home ? "home" : "partner",
          });
        }
        const r = random();
        group.push({
          kind: pickWeighted(KINDS, random()),
          date: random() < 0.02 ? null : isoDay(day),
          status: r < 0.25 ? "pending" : r < 0.95 ? "approved" : "rejected",
          confidence: Math.round((0.3 + 0.7 * Math.pow(random(), 0.6)) * 1000) / 1000,
          official,
          partnerIds,
          themeCodes,
          location: CITIES[Math.floor(random() * CITIES.length)],
          participants,
          quote: random() < 0.6 ? QUOTES[Math.floor(random() * QUOTES.length)] : null,
        });
      }
      plans.push(group);
      inBatch += group.length;
    }

    // Articles: one per group, text composed so each value's evidence span is real.
    const articleRows = plans.map((group, gi) => {
      const spans: { start: number; end: number; field: string; valueKey: string | null }[][] = [];
      let text = "";
      const add = (s: string, field?: string, valueKey: string | null = null, m?: number) => {
        if (field !== undefined && m !== undefined) (spans[m] ??= []).push({ start: text.length, end: text.length + s.length, field, valueKey });
        text += s;
      };
      group.forEach((m, mi) => {
        const lead = m.participants[0];
        const guest = m.participants.find((p) => p.side === "partner");
        add(`${m.date ? m.date.split("-").reverse().join(".") : "На днях"} в городе `);
        add(m.location, "location", null, mi);
        add(` ${lead.position} `);
        add(m.official, "participant", "0", mi);
        add(` ${KIND_VERB[m.kind]} `);
        if (guest) add(`${guest.position} ${guest.name}, представляющим `);
        m.partnerIds.forEach((id, i) => {
          if (i) add(" и ");
          add(partnerName.get(id) ?? "партнёром", "partner", String(id), mi);
        });
        add(". ");
        for (const code of m.themeCodes) {
          const pool = TOPIC_SENTENCES[code] ?? ["Стороны обсудили двустороннее сотрудничество."];
          add(pool[Math.floor(random() * pool.length)], "theme", code, mi);
          add(" ");
        }
        if (m.quote) add(`«${m.quote}», — отметил ${lead.name}. `, "quote", "0", mi);
        add("\n\n");
      });
      const first = group[0];
      return {
        row: {
          contentHash: createHash("sha256").update(`${runTag}:${made}:${gi}:${text}`).digest("hex"),
          rawText: text,
          cleanText: text,
          title: `${first.official}: ${KIND_VERB[first.kind].split(" ").slice(1).join(" ")} ${partnerName.get(first.partnerIds[0]) ?? ""}`.slice(0, 200),
          outlet: OUTLETS[Math.floor(random() * OUTLETS.length)],
          url: null,
          publishedOn: first.date,
          language: "ru",
          sourceName: SCALE_SOURCE,
          extractorVersion: "seed-scale",
        },
        spans,
      };
    });
    const articleIds: number[] = [];
    await insertBatches("articles", articleRows, 500, async (chunk) => {
      const rows = chunk.map(({ row: a }) => ({
        content_hash: a.contentHash, raw_text: a.rawText, clean_text: a.cleanText, title: a.title, outlet: a.outlet,
        published_on: a.publishedOn, language: a.language, source_name: a.sourceName, extractor_version: a.extractorVersion,
      }));
      const back = await bulkInsert(db, "articles", {
        content_hash: "text", raw_text: "text", clean_text: "text", title: "text", outlet: "text",
        published_on: "date", language: "text", source_name: "text", extractor_version: "text",
      }, rows, "id, content_hash");
      const byHash = new Map(back.map((r) => [r.content_hash as string, Number(r.id)]));
      articleIds.push(...chunk.map((a) => byHash.get(a.row.contentHash)!));
    });
    articleCount += articleIds.length;

    const meetingRows = plans.flatMap((group, gi) =>
      group.map((m, ordinal) => {
        const reviewed = m.status !== "pending" && m.date ? new Date(Math.min(now, Date.parse(m.date) + random() * 20 * 86_400_000)) : null;
        return {
          article_id: articleIds[gi],
          ordinal,
          kind: m.kind,
          kind_confidence: m.confidence,
          date: m.date,
          date_confidence: Math.min(1, m.confidence + 0.1),
          location: m.location,
          location_confidence: Math.min(1, m.confidence + 0.05),
          status: m.status,
          reject_reason: m.status === "rejected" ? "не встреча" : null,
          confidence: m.confidence,
          reviewed_at: reviewed?.toISOString() ?? null,
          extractor_version: "seed-scale",
          home_official: m.official,
        };
      }),
    );
    const flat = plans.flatMap((group, gi) => group.map((m, mi) => ({ m, spans: articleRows[gi].spans[mi] ?? [] })));
    const meetingIds: number[] = [];
    await insertBatches("meetings", meetingRows, 2000, async (chunk) => {
      const back = await bulkInsert(db, "meetings", {
        article_id: "int", ordinal: "smallint", kind: "meeting_kind", kind_confidence: "real", date: "date",
        date_confidence: "real", location: "text", location_confidence: "real", status: "meeting_status",
        reject_reason: "text", confidence: "real", reviewed_at: "timestamptz", extractor_version: "text", home_official: "text",
      }, chunk, "id, article_id, ordinal");
      const byKey = new Map(back.map((r) => [`${r.article_id}:${r.ordinal}`, Number(r.id)]));
      meetingIds.push(...chunk.map((m) => byKey.get(`${m.article_id}:${m.ordinal}`)!));
    });

    const participantRows = flat.flatMap(({ m }, i) =>
      m.participants.map((p, ordinal) => ({ meeting_id: meetingIds[i], name: p.name, position: p.position, side: p.side, ordinal, confidence: m.confidence })),
    );
    const partnerLinks = flat.flatMap(({ m }, i) => m.partnerIds.map((partner_id) => ({ meeting_id: meetingIds[i], partner_id, confidence: m.confidence })));
    const themeLinks = flat.flatMap(({ m }, i) => m.themeCodes.map((theme_code) => ({ meeting_id: meetingIds[i], theme_code, confidence: m.confidence })));
    const quoteRows = flat.flatMap(({ m }, i) => (m.quote ? [{ meeting_id: meetingIds[i], speaker_name: m.official, text: m.quote, confidence: m.confidence }] : []));
    const evidenceRows = flat.flatMap(({ spans }, i) => spans.map((s) => ({ meeting_id: meetingIds[i], field: s.field, value_key: s.valueKey, start: s.start, end: s.end })));
    await insertBatches("participants", participantRows, 8000, (c) =>
      bulkInsert(db, "meeting_participants", { meeting_id: "int", name: "text", position: "text", side: "side", ordinal: "smallint", confidence: "real" }, c));
    await insertBatches("partners", partnerLinks, 8000, (c) => bulkInsert(db, "meeting_partners", { meeting_id: "int", partner_id: "int", confidence: "real" }, c));
    await insertBatches("themes", themeLinks, 8000, (c) => bulkInsert(db, "meeting_themes", { meeting_id: "int", theme_code: "text", confidence: "real" }, c));
    await insertBatches("quotes", quoteRows, 8000, (c) => bulkInsert(db, "quotes", { meeting_id: "int", speaker_name: "text", text: "text", confidence: "real" }, c));
    await insertBatches("evidence", evidenceRows, 8000, (c) =>
      bulkInsert(db, "evidence", { meeting_id: "int", field: "text", value_key: "text", start: "int", end: "int" }, c));
    made += meetingRows.length;
    log(`  ${made} / ${opts.meetings} meetings`);
  }
  // The chart facts (migration 0007) in one pass: the batches above only marked their
  // months dirty, and recomputing them month by month at the first chart read would be slower.
  const t = performance.now();
  await db.execute(sql`select analytics_rebuild_facts()`);
  spent.set("facts", (performance.now() - t) / 1000);
  // Fresh statistics, or the planner guesses on the first bench run.
  await db.execute(sql`analyze articles, meetings, meeting_participants, meeting_partners, meeting_themes, quotes, evidence`);
  await db.execute(sql`analyze fact_month, fact_partner_month, fact_theme_month, fact_theme_pair_month, fact_partner_theme_month,
    fact_partner_type_month, fact_region_month, fact_counterpart_month, partner_rhythm`);
  return { articles: articleCount, meetings: made };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const db = getDb();
  await migrateDatabase();
  await seedIfEmpty(db, { demoUser: true });
  if (args.reset) {
    const t = performance.now();
    await resetSynthetic(db);
    console.log(`reset: removed earlier synthetic rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const result = await seedScale(db, { meetings: args.meetings, seed: args.seed, log: (s) => process.stdout.write(`${s}\r`) });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\n${[...spent].map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(", ")}\nseed:scale: ${result.meetings} meetings in ${result.articles} articles on ${dbKind()} in ${seconds.toFixed(1)} s (${Math.round(result.meetings / seconds)} meetings/s)`,
  );
}

if (process.argv[1] && /seed-scale\.ts$/.test(process.argv[1])) {
  main()
    .catch((error) => {
      console.error(`seed:scale failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}
