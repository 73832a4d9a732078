// Meeting records for the review tests, inserted directly (no extractor involved), so
// each test states exactly the record it works on.
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/index";
import {
  articles,
  evidence,
  meetingParticipants,
  meetingPartners,
  meetings,
  meetingThemes,
  partners,
  quotes,
  themes,
  users,
  type MeetingKind,
  type MeetingStatus,
  type Role,
} from "@/db/schema";

export async function createUser(db: Db, role: Role = "editor", name = `${role} ${randomBytes(2).toString("hex")}`) {
  const [u] = await db
    .insert(users)
    .values({ email: `${name.replace(/\W+/g, ".")}.${randomBytes(3).toString("hex")}@example.org`, name, passwordHash: "x", role })
    .returning({ id: users.id });
  return u.id;
}

export const testThemes = [
  { code: "economy", labelRu: "Экономика", labelEn: "Economy" },
  { code: "security", labelRu: "Безопасность", labelEn: "Security" },
  { code: "culture", labelRu: "Культура", labelEn: "Culture" },
  { code: "parliament", labelRu: "Межпарламентское сотрудничество", labelEn: "Inter-parliamentary cooperation" },
];

export async function createThemes(db: Db) {
  await db.insert(themes).values(testThemes.map((t, i) => ({ ...t, sortOrder: i }))).onConflictDoNothing();
}

export async function createPartner(
  db: Db,
  p: { nameRu: string; type?: "country" | "organization"; code?: string | null; parentId?: number | null },
) {
  const [row] = await db
    .insert(partners)
    .values({ nameRu: p.nameRu, type: p.type ?? "country", code: p.code ?? null, parentId: p.parentId ?? null })
    .returning({ id: partners.id });
  return row.id;
}

export async function createArticle(
  db: Db,
  a: { cleanText?: string; title?: string | null; outlet?: string | null; publishedOn?: string | null } = {},
) {
  const cleanText = a.cleanText ?? `Статья ${randomBytes(4).toString("hex")}.`;
  const [row] = await db
    .insert(articles)
    .values({
      contentHash: randomBytes(16).toString("hex"),
      rawText: cleanText,
      cleanText,
      title: a.title ?? null,
      outlet: a.outlet ?? null,
      publishedOn: a.publishedOn ?? null,
      language: "ru",
      extractorVersion: "test",
    })
    .returning({ id: articles.id });
  return row.id;
}

export interface MeetingFixture {
  articleId?: number;
  article?: Parameters<typeof createArticle>[1];
  ordinal?: number;
  kind?: MeetingKind;
  date?: string | null;
  location?: string | null;
  status?: MeetingStatus;
  confidence?: number;
  homeOfficial?: string | null;
  participants?: { name: string; position?: string | null; side: "home" | "partner"; confidence?: number }[];
  partnerIds?: number[];
  themes?: string[];
  quotes?: { text: string; speaker?: string | null }[];
  evidence?: { field: string; valueKey?: string | null; start: number; end: number }[];
}

export async function createMeeting(db: Db, m: MeetingFixture = {}) {
  const articleId = m.articleId ?? (await createArticle(db, m.article));
  const [row] = await db
    .insert(meetings)
    .values({
      articleId,
      ordinal: m.ordinal ?? 0,
      kind: m.kind ?? "meeting",
      kindConfidence: 0.9,
      date: m.date === undefined ? "2024-03-15" : m.date,
      dateConfidence: 0.8,
      location: m.location === undefined ? "Астана" : m.location,
      locationConfidence: 0.7,
      status: m.status ?? "pending",
      confidence: m.confidence ?? 0.5,
      homeOfficial: m.homeOfficial === undefined ? (m.participants?.find((p) => p.side === "home")?.name ?? null) : m.homeOfficial,
      extractorVersion: "test",
    })
    .returning({ id: meetings.id, version: meetings.version });
  const id = row.id;
  const participantIds: number[] = [];
  if (m.participants?.length) {
    const rows = await db
      .insert(meetingParticipants)
      .values(
        m.participants.map((p, i) => ({
          meetingId: id,
          name: p.name,
          position: p.position ?? null,
          side: p.side,
          ordinal: i,
          confidence: p.confidence ?? 0.6,
        })),
      )
      .returning({ id: meetingParticipants.id });
    participantIds.push(...rows.map((r) => r.id));
  }
  if (m.partnerIds?.length)
    await db.insert(meetingPartners).values(m.partnerIds.map((partnerId) => ({ meetingId: id, partnerId, confidence: 0.7 })));
  if (m.themes?.length)
    await db.insert(meetingThemes).values(m.themes.map((themeCode) => ({ meetingId: id, themeCode, confidence: 0.6 })));
  const quoteIds: number[] = [];
  if (m.quotes?.length) {
    const rows = await db
      .insert(quotes)
      .values(m.quotes.map((q, i) => ({ meetingId: id, text: q.text, speakerName: q.speaker ?? null, ordinal: i, confidence: 0.5 })))
      .returning({ id: quotes.id });
    quoteIds.push(...rows.map((r) => r.id));
  }
  if (m.evidence?.length)
    await db.insert(evidence).values(m.evidence.map((e) => ({ meetingId: id, field: e.field, valueKey: e.valueKey ?? null, start: e.start, end: e.end })));
  return { id, version: row.version, articleId, participantIds, quoteIds };
}
