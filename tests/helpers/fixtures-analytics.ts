// A small, hand-countable world for the analytics and export tests. The table in
// ANALYTICS_FIXTURE below is the whole truth; the tests' expected numbers are
// counted by hand from it (see the comments in tests/integration/analytics.test.ts).
import type { Db } from "@/db/index";
import {
  articles,
  meetingParticipants,
  meetingPartners,
  meetings,
  meetingThemes,
  partners,
  people,
  themes,
  type MeetingKind,
  type MeetingStatus,
} from "@/db/schema";

export const PARTNERS = {
  OSCE: { type: "organization", code: "OSCE", nameRu: "ОБСЕ", nameEn: "OSCE", region: null, parent: null },
  PA: { type: "organization", code: "OSCE_PA", nameRu: "ПА ОБСЕ", nameEn: "OSCE PA", region: null, parent: "OSCE" },
  OFFICE: { type: "organization", code: "OSCE_POA", nameRu: "Офис программ ОБСЕ", nameEn: "OSCE Programme Office", region: null, parent: "OSCE" },
  UN: { type: "organization", code: "UN", nameRu: "ООН", nameEn: "United Nations", region: null, parent: null },
  RU: { type: "country", code: "RU", nameRu: "Россия", nameEn: "Russia", region: "СНГ", parent: null },
  CN: { type: "country", code: "CN", nameRu: "Китай", nameEn: "China", region: "Азия", parent: null },
  DE: { type: "country", code: "DE", nameRu: "Германия", nameEn: "Germany", region: "Европа", parent: null },
} as const;
export type PartnerKey = keyof typeof PARTNERS;

export const THEMES = [
  { code: "interparliamentary", labelRu: "Межпарламентское сотрудничество", labelEn: "Interparliamentary cooperation", sortOrder: 0 },
  { code: "security", labelRu: "Безопасность", labelEn: "Security", sortOrder: 1 },
  { code: "economy", labelRu: "Экономика", labelEn: "Economy", sortOrder: 2 },
] as const;
export type ThemeCode = (typeof THEMES)[number]["code"];

export const OFFICIALS = {
  ash: "Маулен Ашимбаев",
  tok: "Касым-Жомарт Токаев",
  kosh: "Ерлан Кошанов",
  nurt: "Мурат Нуртлеу",
} as const;

interface FixtureMeeting {
  key: string;
  date: string | null;
  status: MeetingStatus;
  kind: MeetingKind;
  official: string | null;
  partners: PartnerKey[];
  themes: ThemeCode[];
  /** Partner-side participants: a plain name, or a person key from PEOPLE. */
  counterparts: { name: string; person?: "sederfelt" | "sederfeltDup" }[];
  location?: string;
}

export const ANALYTICS_FIXTURE: FixtureMeeting[] = [
  { key: "m1", date: "2024-01-10", status: "approved", kind: "meeting", official: OFFICIALS.ash, partners: ["RU"], themes: ["economy", "security"], counterparts: [{ name: "Вячеслав Володин" }] },
  { key: "m2", date: "2024-01-20", status: "approved", kind: "phone_call", official: OFFICIALS.tok, partners: ["RU", "CN"], themes: ["economy"], counterparts: [{ name: "Си Цзиньпин" }] },
  { key: "m3", date: "2024-02-05", status: "approved", kind: "meeting", official: OFFICIALS.ash, partners: ["PA"], themes: ["interparliamentary"], counterparts: [{ name: "Маргарета Седерфельт", person: "sederfeltDup" }] },
  { key: "m4", date: "2024-04-15", status: "approved", kind: "conference", official: OFFICIALS.kosh, partners: ["OSCE", "DE"], themes: ["security"], counterparts: [], location: 'Вена, "Хофбург", зал 1\nвторой этаж' },
  { key: "m5", date: "2024-05-01", status: "pending", kind: "meeting", official: OFFICIALS.ash, partners: ["OFFICE"], themes: ["security", "interparliamentary"], counterparts: [{ name: "М. Седерфельт", person: "sederfelt" }] },
  { key: "m6", date: "2025-03-01", status: "approved", kind: "meeting", official: OFFICIALS.ash, partners: ["RU"], themes: ["interparliamentary"], counterparts: [{ name: "Вячеслав Володин" }] },
  { key: "m7", date: "2024-03-10", status: "rejected", kind: "meeting", official: OFFICIALS.ash, partners: ["DE"], themes: ["economy"], counterparts: [] },
  { key: "m8", date: null, status: "approved", kind: "statement", official: OFFICIALS.kosh, partners: ["UN"], themes: ["security"], counterparts: [] },
  { key: "m9", date: "2024-07-01", status: "pending", kind: "phone_call", official: OFFICIALS.tok, partners: ["CN"], themes: ["economy"], counterparts: [{ name: "Си Цзиньпин" }] },
  { key: "m10", date: "2024-02-10", status: "approved", kind: "meeting", official: OFFICIALS.tok, partners: ["RU"], themes: ["economy"], counterparts: [] },
  { key: "m11", date: "2024-10-01", status: "approved", kind: "meeting", official: OFFICIALS.nurt, partners: ["CN"], themes: ["economy"], counterparts: [] },
];

export interface AnalyticsFixtureIds {
  partners: Record<PartnerKey, number>;
  meetings: Record<string, number>;
  people: { sederfelt: number; sederfeltDup: number };
}

export async function insertAnalyticsFixture(db: Db): Promise<AnalyticsFixtureIds> {
  await db.insert(themes).values(THEMES.map((t) => ({ ...t }))).onConflictDoNothing();

  const partnerIds = {} as Record<PartnerKey, number>;
  // Parents first, so children can point at them.
  const keys = (Object.keys(PARTNERS) as PartnerKey[]).sort((a, b) => Number(!!PARTNERS[a].parent) - Number(!!PARTNERS[b].parent));
  for (const key of keys) {
    const p = PARTNERS[key];
    const [row] = await db
      .insert(partners)
      .values({ type: p.type, code: p.code, nameRu: p.nameRu, nameEn: p.nameEn, region: p.region, parentId: p.parent ? partnerIds[p.parent] : null })
      .returning({ id: partners.id });
    partnerIds[key] = row.id;
  }

  const [sederfelt] = await db
    .insert(people)
    .values({ name: "Маргарета Седерфельт", normalized: "маргарета седерфельт", side: "partner", partnerId: partnerIds.PA })
    .returning({ id: people.id });
  // A duplicate that an editor merged into the first: counted as the same person.
  const [dup] = await db
    .insert(people)
    .values({ name: "Седерфельт", normalized: "седерфельт", side: "partner", mergedIntoId: sederfelt.id })
    .returning({ id: people.id });
  const personIds = { sederfelt: sederfelt.id, sederfeltDup: dup.id };

  const meetingIds: Record<string, number> = {};
  for (const [i, m] of ANALYTICS_FIXTURE.entries()) {
    const [article] = await db
      .insert(articles)
      .values({
        contentHash: `fixture-${m.key}`,
        rawText: `text ${m.key}`,
        cleanText: `text ${m.key}`,
        title: `Статья ${m.key}, "цитата"`,
        outlet: i % 2 ? "Kazinform" : "Sputnik",
        url: `https://example.org/${m.key}`,
        publishedOn: m.date,
        language: "ru",
        extractorVersion: "test",
      })
      .returning({ id: articles.id });
    const [row] = await db
      .insert(meetings)
      .values({
        articleId: article.id,
        kind: m.kind,
        date: m.date,
        status: m.status,
        homeOfficial: m.official,
        location: m.location ?? null,
        extractorVersion: "test",
        confidence: 0.9,
      })
      .returning({ id: meetings.id });
    meetingIds[m.key] = row.id;
    await db.insert(meetingPartners).values(m.partners.map((p) => ({ meetingId: row.id, partnerId: partnerIds[p] })));
    await db.insert(meetingThemes).values(m.themes.map((t) => ({ meetingId: row.id, themeCode: t })));
    const participants = [
      ...(m.official ? [{ meetingId: row.id, name: m.official, side: "home" as const, ordinal: 0 }] : []),
      ...m.counterparts.map((c, j) => ({
        meetingId: row.id,
        name: c.name,
        side: "partner" as const,
        ordinal: j + 1,
        personId: c.person ? personIds[c.person] : null,
      })),
    ];
    if (participants.length) await db.insert(meetingParticipants).values(participants);
  }
  return { partners: partnerIds, meetings: meetingIds, people: personIds };
}
