// The whole product's data model. One file so that relations are visible in one
// place; queries live in db/queries/<entity>.ts.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const roleEnum = pgEnum("role", ["admin", "editor", "viewer"]);
export const meetingKindEnum = pgEnum("meeting_kind", ["meeting", "phone_call", "conference", "statement", "other"]);
export const meetingStatusEnum = pgEnum("meeting_status", ["pending", "approved", "rejected"]);
export const sideEnum = pgEnum("side", ["home", "partner"]);
export const partnerTypeEnum = pgEnum("partner_type", ["country", "organization"]);
/** Who set a value: the extractor, or an editor (who then owns it: re-extraction never overwrites it). */
export const valueSourceEnum = pgEnum("value_source", ["extractor", "editor"]);
export const proposalStatusEnum = pgEnum("proposal_status", ["pending", "accepted", "rejected"]);
export const ingestItemStatusEnum = pgEnum("ingest_item_status", ["queued", "processing", "stored", "duplicate", "refused"]);
export const ingestJobStatusEnum = pgEnum("ingest_job_status", ["queued", "running", "done", "failed"]);

// ---------------------------------------------------------------- users & auth

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    name: text("name"),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull().default("viewer"),
    disabled: boolean("disabled").notNull().default(false),
    /** Sessions issued before this instant are void (password reset, role change, disable). */
    sessionsValidAfter: timestamp("sessions_valid_after", { withTimezone: true }).notNull().defaultNow(),
    locale: text("locale"),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_uq").on(sql`lower(${t.email})`)],
);

/** Failed sign-ins per key ("acct:<email>" or "ip:<addr>"), shared by every app instance. */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

// ---------------------------------------------------------------- registries

export const partners = pgTable(
  "partners",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    type: partnerTypeEnum("type").notNull(),
    /** ISO 3166-1 alpha-2 for countries, the organisations.tsv code for organisations; null when unknown. */
    code: text("code"),
    nameRu: text("name_ru").notNull(),
    nameEn: text("name_en"),
    fullNameRu: text("full_name_ru"),
    fullNameEn: text("full_name_en"),
    region: text("region"),
    parentId: integer("parent_id").references((): AnyPgColumn => partners.id, { onDelete: "set null" }),
    /** Set when merged into another entry; the row is kept so the merge can be undone. */
    mergedIntoId: integer("merged_into_id").references((): AnyPgColumn => partners.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("partners_code_uq").on(t.code),
    index("partners_parent_idx").on(t.parentId),
    index("partners_name_idx").on(sql`lower(${t.nameRu})`),
  ],
);

export const partnerAliases = pgTable(
  "partner_aliases",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
    /** lower-cased, ё→е, collapsed spaces: what the extractor and type-ahead match on. */
    normalized: text("normalized").notNull(),
    /** name | abbreviation | case_form | adjective | full_name | learned | merged */
    kind: text("kind").notNull().default("name"),
    source: text("source").notNull().default("seed"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("partner_aliases_norm_uq").on(t.normalized), index("partner_aliases_partner_idx").on(t.partnerId)],
);

export const people = pgTable(
  "people",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** "First Last" in the nominative. */
    name: text("name").notNull(),
    normalized: text("normalized").notNull(),
    side: sideEnum("side"),
    partnerId: integer("partner_id").references(() => partners.id, { onDelete: "set null" }),
    notes: text("notes"),
    mergedIntoId: integer("merged_into_id").references((): AnyPgColumn => people.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("people_normalized_idx").on(t.normalized), index("people_merged_idx").on(t.mergedIntoId)],
);

export const personAliases = pgTable(
  "person_aliases",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
    normalized: text("normalized").notNull(),
    source: text("source").notNull().default("extractor"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("person_aliases_uq").on(t.personId, t.normalized), index("person_aliases_norm_idx").on(t.normalized)],
);

export const personPositions = pgTable(
  "person_positions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    position: text("position").notNull(),
    organization: text("organization"),
    partnerId: integer("partner_id").references(() => partners.id, { onDelete: "set null" }),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("person_positions_person_idx").on(t.personId)],
);

export const themes = pgTable("themes", {
  code: text("code").primaryKey(),
  labelRu: text("label_ru").notNull(),
  labelEn: text("label_en").notNull(),
  description: text("description"),
  sortOrder: smallint("sort_order").notNull().default(0),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  mergedInto: text("merged_into").references((): AnyPgColumn => themes.code, { onDelete: "set null" }),
  ...timestamps,
});

/** The keyword lexicon behind each theme: stems or phrases the extractor looks for. */
export const themeKeywords = pgTable(
  "theme_keywords",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    themeCode: text("theme_code")
      .notNull()
      .references(() => themes.code, { onDelete: "cascade", onUpdate: "cascade" }),
    keyword: text("keyword").notNull(),
    weight: real("weight").notNull().default(1),
    source: text("source").notNull().default("seed"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("theme_keywords_uq").on(t.themeCode, t.keyword)],
);

/** Corrections offered as aliases or rules ("«Офис ОБСЕ» → ОБСЕ: always?"); admins accept them. */
export const ruleProposals = pgTable(
  "rule_proposals",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** partner_alias | person_alias | theme_keyword */
    kind: text("kind").notNull(),
    /** e.g. { alias: "Офис ОБСЕ", partnerId: 3 } */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: proposalStatusEnum("status").notNull().default("pending"),
    meetingId: integer("meeting_id").references((): AnyPgColumn => meetings.id, { onDelete: "set null" }),
    proposedBy: integer("proposed_by").references(() => users.id, { onDelete: "set null" }),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("rule_proposals_status_idx").on(t.status, t.createdAt)],
);

// ---------------------------------------------------------------- articles & meetings

export const articles = pgTable(
  "articles",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** sha256 of the normalised cleaned text: the same article is stored once. */
    contentHash: text("content_hash").notNull(),
    rawText: text("raw_text").notNull(),
    cleanText: text("clean_text").notNull(),
    title: text("title"),
    outlet: text("outlet"),
    url: text("url"),
    publishedOn: date("published_on"),
    language: text("language").notNull(),
    sourceName: text("source_name"),
    /** The name of the file the article was ingested from (command line, upload); null for pasted text. */
    file: text("file"),
    encoding: text("encoding"),
    importedBy: integer("imported_by").references(() => users.id, { onDelete: "set null" }),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
    extractorVersion: text("extractor_version").notNull(),
    /** Everyone the article names, participants or only mentioned: [{ name, spans }]. */
    people: jsonb("people").$type<{ name: string; spans?: [number, number][] }[]>().notNull().default([]),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('russian', coalesce("title", '') || ' ' || "clean_text")`,
    ),
  },
  (t) => [
    uniqueIndex("articles_content_hash_uq").on(t.contentHash),
    index("articles_search_idx").using("gin", t.searchVector),
    index("articles_outlet_idx").on(t.outlet),
    index("articles_imported_at_idx").on(t.importedAt),
  ],
);

export const meetings = pgTable(
  "meetings",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** Position of the event in its article, so re-extraction can pair old and new records. */
    ordinal: smallint("ordinal").notNull().default(0),
    kind: meetingKindEnum("kind").notNull(),
    kindSource: valueSourceEnum("kind_source").notNull().default("extractor"),
    kindConfidence: real("kind_confidence"),
    date: date("date"),
    dateSource: valueSourceEnum("date_source").notNull().default("extractor"),
    dateConfidence: real("date_confidence"),
    location: text("location"),
    locationSource: valueSourceEnum("location_source").notNull().default("extractor"),
    locationConfidence: real("location_confidence"),
    status: meetingStatusEnum("status").notNull().default("pending"),
    rejectReason: text("reject_reason"),
    /** Overall extraction confidence (the weakest field): the queue shows the doubtful first. */
    confidence: real("confidence").notNull().default(0),
    /** Optimistic locking: every save must name the version it was based on. */
    version: integer("version").notNull().default(1),
    reviewerId: integer("reviewer_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    extractorVersion: text("extractor_version").notNull(),
    /** What the latest re-extraction proposes where it disagrees with an editor's value: { field: value }. */
    proposals: jsonb("proposals").$type<Record<string, unknown>>(),
    /** Denormalised for the queue and the charts: the home side's lead official. */
    homeOfficial: text("home_official"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("meetings_article_ordinal_uq").on(t.articleId, t.ordinal),
    index("meetings_queue_idx").on(t.status, t.confidence, t.id),
    index("meetings_status_date_idx").on(t.status, t.date),
    index("meetings_date_idx").on(t.date),
    index("meetings_kind_idx").on(t.kind),
    index("meetings_home_official_idx").on(t.homeOfficial),
    index("meetings_updated_idx").on(t.updatedAt),
    // Review queue keyset paths: (sort key, id) with and without a status tab; undated
    // records sort as 1900-01-01 so the date key is never null and stays a plain range scan.
    index("meetings_confidence_id_idx").on(t.confidence, t.id),
    index("meetings_queue_datekey_idx").on(t.status, sql`coalesce(${t.date}, '1900-01-01'::date)`, t.id),
    index("meetings_datekey_idx").on(sql`coalesce(${t.date}, '1900-01-01'::date)`, t.id),
    // The overview's "approved this week" reads a few rows by review time instead of scanning.
    index("meetings_status_reviewed_idx").on(t.status, t.reviewedAt),
  ],
);

export const meetingParticipants = pgTable(
  "meeting_participants",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: integer("person_id").references(() => people.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    position: text("position"),
    side: sideEnum("side").notNull(),
    ordinal: smallint("ordinal").notNull().default(0),
    source: valueSourceEnum("source").notNull().default("extractor"),
    confidence: real("confidence"),
  },
  (t) => [index("meeting_participants_meeting_idx").on(t.meetingId), index("meeting_participants_person_idx").on(t.personId)],
);

export const meetingPartners = pgTable(
  "meeting_partners",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    source: valueSourceEnum("source").notNull().default("extractor"),
    confidence: real("confidence"),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.partnerId] }), index("meeting_partners_partner_idx").on(t.partnerId, t.meetingId)],
);

export const meetingThemes = pgTable(
  "meeting_themes",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    themeCode: text("theme_code")
      .notNull()
      .references(() => themes.code, { onDelete: "cascade", onUpdate: "cascade" }),
    source: valueSourceEnum("source").notNull().default("extractor"),
    confidence: real("confidence"),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.themeCode] }), index("meeting_themes_theme_idx").on(t.themeCode, t.meetingId)],
);

export const quotes = pgTable(
  "quotes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    speakerName: text("speaker_name"),
    speakerPersonId: integer("speaker_person_id").references(() => people.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    ordinal: smallint("ordinal").notNull().default(0),
    source: valueSourceEnum("source").notNull().default("extractor"),
    confidence: real("confidence"),
  },
  (t) => [index("quotes_meeting_idx").on(t.meetingId)],
);

/**
 * Where in the article's cleaned text each extracted value came from.
 * field: kind | date | location | participant | partner | theme | quote;
 * valueKey identifies the value within the field (participant/quote row id, partner id, theme code).
 */
export const evidence = pgTable(
  "evidence",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    field: text("field").notNull(),
    valueKey: text("value_key"),
    /** The article the span is in: null means the record's own article (meetings.article_id). */
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    confidence: real("confidence"),
  },
  (t) => [index("evidence_meeting_idx").on(t.meetingId)],
);

/**
 * The articles that report a record: its own article (meetings.article_id) first, and
 * every article attached to it since (at ingestion, when it reports the same contact, or
 * by an editor's merge). (article_id, ordinal) names one extracted event: it belongs to
 * one record at most, whatever the concurrency (the unique index is the guarantee).
 * Ordinals from 1000 up are records an editor created (add, split), never the extractor's.
 */
export const meetingSources = pgTable(
  "meeting_sources",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    ordinal: smallint("ordinal").notNull().default(0),
    /** extractor (the record's own event) | attached (matched at ingestion) | merge | editor */
    via: text("via").notNull().default("extractor"),
    addedBy: integer("added_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("meeting_sources_event_uq").on(t.articleId, t.ordinal),
    index("meeting_sources_meeting_idx").on(t.meetingId),
  ],
);

/**
 * Record-set operations an editor can undo (merge, split, delete, add): the rows of every
 * record involved as they were before (snapshot), so undo restores them exactly, and the
 * versions the records had after, so an undo over a later change is refused.
 */
export const recordOperations = pgTable(
  "record_operations",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** merge | split | delete | add */
    kind: text("kind").notNull(),
    /** Every record the operation touched (kept, removed or created). */
    meetingIds: integer("meeting_ids").array().notNull(),
    /** The rows of the records as they were before: { meetings: [...], meeting_participants: [...], ... }. */
    snapshot: jsonb("snapshot").$type<Record<string, unknown[]>>().notNull(),
    /** Records the operation created (undo removes them). */
    createdIds: integer("created_ids").array().notNull().default(sql`'{}'::int[]`),
    /** { meetingId: version } right after the operation. */
    versionsAfter: jsonb("versions_after").$type<Record<string, number>>().notNull(),
    /** Events ("articleId:ordinal") the operation removed: re-extraction must not bring them back. */
    removedEvents: text("removed_events").array().notNull().default(sql`'{}'::text[]`),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    undoneBy: integer("undone_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("record_operations_meetings_idx").using("gin", t.meetingIds), index("record_operations_kind_idx").on(t.kind, t.createdAt)],
);

/** Pairs an editor said are not one contact (or a merge they undid): never proposed or merged by the machine again. */
export const duplicateDismissals = pgTable(
  "duplicate_dismissals",
  {
    /** The smaller id first. */
    meetingA: integer("meeting_a").notNull(),
    meetingB: integer("meeting_b").notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingA, t.meetingB] })],
);

/**
 * Append-only history of every change to every entity (enforced by a trigger).
 * userId null means the machine (extraction, re-extraction, seeding).
 */
export const history = pgTable(
  "history",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id").notNull(),
    /** create | update | approve | reject | reopen | merge | unmerge | reextract | restore | ... */
    action: text("action").notNull(),
    field: text("field"),
    before: jsonb("before"),
    after: jsonb("after"),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("history_entity_idx").on(t.entityType, t.entityId, t.at), index("history_at_idx").on(t.at)],
);

/**
 * One editor's correction seen as evidence for a rule (a partner alias, a person alias, a
 * theme keyword): a rule is proposed only when corrections in several records from
 * different articles agree, so one edit never becomes a rule that fires everywhere.
 */
export const ruleObservations = pgTable(
  "rule_observations",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** What the rule would write, normalised: proposals with the same key are one rule. */
    ruleKey: text("rule_key").notNull(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    historyId: integer("history_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("rule_observations_key_meeting_uq").on(t.ruleKey, t.meetingId), index("rule_observations_meeting_idx").on(t.meetingId)],
);

// ---------------------------------------------------------------- ingestion jobs

export const ingestJobs = pgTable(
  "ingest_jobs",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    status: ingestJobStatusEnum("status").notNull().default("queued"),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("ingest_jobs_created_idx").on(t.createdBy, t.createdAt)],
);

export const ingestItems = pgTable(
  "ingest_items",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    jobId: integer("job_id")
      .notNull()
      .references(() => ingestJobs.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    /** The uploaded bytes, kept until processed so any instance can pick the item up. */
    content: bytea("content"),
    overrides: jsonb("overrides").$type<{ outlet?: string; url?: string; publishedOn?: string }>(),
    status: ingestItemStatusEnum("status").notNull().default("queued"),
    message: text("message"),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "set null" }),
    meetingsCreated: integer("meetings_created").notNull().default(0),
    ...timestamps,
  },
  (t) => [index("ingest_items_job_idx").on(t.jobId, t.id)],
);

// ---------------------------------------------------------------- polled sources

export const sourceKindEnum = pgEnum("source_kind", ["feed", "sitemap", "listing"]);
export const sourceLinkStatusEnum = pgEnum("source_link_status", ["stored", "duplicate", "refused", "failed"]);

/** A feed, news sitemap or listing page Chronicle polls by itself (lib/sources). */
export const sources = pgTable(
  "sources",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    url: text("url").notNull(),
    kind: sourceKindEnum("kind").notNull(),
    /** Listing pages only: which links are articles, a path with * wildcards (e.g. /ru/news/*). */
    linkPattern: text("link_pattern"),
    intervalMinutes: integer("interval_minutes").notNull().default(30),
    active: boolean("active").notNull().default(true),
    /** When a poller may next claim it (claiming moves it forward: once per interval across instances). */
    nextPollAt: timestamp("next_poll_at", { withTimezone: true }).notNull().defaultNow(),
    lastPolledAt: timestamp("last_polled_at", { withTimezone: true }),
    /** Conditional GET of the source URL itself. */
    etag: text("etag"),
    lastModified: text("last_modified"),
    /** Consecutive failed polls: the next poll is put off 2^n intervals (capped). */
    failures: integer("failures").notNull().default(0),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("sources_url_uq").on(t.url), index("sources_due_idx").on(t.active, t.nextPollAt)],
);

/** One row per poll of a source: what it found (the source's log and health). */
export const sourcePolls = pgTable(
  "source_polls",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** ok | not_modified | failed */
    outcome: text("outcome").notNull().default("running"),
    error: text("error"),
    found: integer("found").notNull().default(0),
    stored: integer("stored").notNull().default(0),
    known: integer("known").notNull().default(0),
    refused: integer("refused").notNull().default(0),
    failed: integer("failed").notNull().default(0),
  },
  (t) => [index("source_polls_source_idx").on(t.sourceId, t.startedAt)],
);

/** Every article link a source listed, once: a known link is not fetched again. */
export const sourceLinks = pgTable(
  "source_links",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /** The feed's or sitemap's date of the item (ISO), used only when the article has none. */
    feedDate: date("feed_date"),
    status: sourceLinkStatusEnum("status").notNull(),
    reason: text("reason"),
    attempts: integer("attempts").notNull().default(1),
    articleId: integer("article_id").references(() => articles.id, { onDelete: "set null" }),
    pollId: integer("poll_id").references(() => sourcePolls.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("source_links_url_uq").on(t.sourceId, t.url), index("source_links_poll_idx").on(t.pollId)],
);

/**
 * Per-host politeness shared by every instance: one request at a time (a lease until
 * busyUntil, so a crashed holder frees it) and the next request not before nextAt.
 */
export const sourceHosts = pgTable("source_hosts", {
  host: text("host").primaryKey(),
  busyUntil: timestamp("busy_until", { withTimezone: true }).notNull().defaultNow(),
  nextAt: timestamp("next_at", { withTimezone: true }).notNull().defaultNow(),
  /** The host's robots.txt as last fetched (null: none, everything allowed) and when. */
  robotsTxt: text("robots_txt"),
  robotsFetchedAt: timestamp("robots_fetched_at", { withTimezone: true }),
});

/**
 * One counter per kind of data that read caches depend on ("content": meetings and what
 * hangs off them, partners, themes, articles). Deferred constraint triggers (migration
 * 0004) bump it at commit of any transaction that changed those tables, so a cache keyed
 * by the version is invalidated in every server process at once, exactly when the change
 * becomes visible — see lib/cache/versioned.ts.
 */
export const dataVersions = pgTable("data_versions", {
  name: text("name").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});

// ---------------------------------------------------------------- analytics facts
// Monthly aggregates of approved and pending meetings that the analytics charts read
// instead of scanning every meeting (db/queries/analytics/facts.ts). They are derived
// data, rebuilt from the base tables, so they carry no timestamps. Statement triggers on
// the base tables (migration 0007) mark the months a write touched in
// analytics_dirty_months; analytics_refresh_facts() recomputes just those months before
// a chart reads. "month" is the first day of the month, null for undated meetings.
// Only month and status are dimensions everywhere (kind and official too in fact_month):
// with kind and official in every table the facts would be as large as the base rows.

/** A month some write touched: '-infinity' for undated meetings, 'infinity' for "everything". */
export const analyticsDirtyMonths = pgTable(
  "analytics_dirty_months",
  {
    month: date("month").notNull(),
    /** The marking transaction: marks of one transaction collapse, marks of different ones never wait for each other. */
    txid: bigint("txid", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.txid] })],
);

/** A partner whose meeting days changed: its row in partner_rhythm is recomputed. */
export const analyticsDirtyPartners = pgTable(
  "analytics_dirty_partners",
  {
    partnerId: integer("partner_id").notNull(),
    txid: bigint("txid", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.txid] })],
);

/** Meetings per month, status, kind and home official. */
export const factMonth = pgTable(
  "fact_month",
  {
    month: date("month"),
    status: meetingStatusEnum("status").notNull(),
    kind: meetingKindEnum("kind").notNull(),
    homeOfficial: text("home_official"),
    meetings: integer("meetings").notNull(),
  },
  (t) => [index("fact_month_month_idx").on(t.month)],
);

/** Meetings per month, status and partner (a meeting with two partners counts once for each). */
export const factPartnerMonth = pgTable(
  "fact_partner_month",
  {
    month: date("month"),
    status: meetingStatusEnum("status").notNull(),
    partnerId: integer("partner_id").notNull(),
    meetings: integer("meetings").notNull(),
  },
  (t) => [index("fact_partner_month_month_idx").on(t.month)],
);

/** Meetings per month, status and theme. */
export const factThemeMonth = pgTable(
  "fact_theme_month",
  {
    month: date("month"),
    status: meetingStatusEnum("status").notNull(),
    themeCode: text("theme_code").notNull(),
    meetings: integer("meetings").notNull(),
  },
  (t) => [index("fact_theme_month_month_idx").on(t.month)],
);

/**
 * Meetings per month, status and pair of their themes (a theme paired with itself too):
 * themes over time under a theme filter, i.e. which themes come up in meetings about one.
 */
export const factThemePairMonth = pgTable(
  "fact_theme_pair_month",
  {
    month: date("month"),
    status: meetingStatusEnum("status").notNull(),
    themeCode: text("theme_code").notNull(),
    otherCode: text("other_code").notNull(),
    meetings: integer("meetings").notNull(),
  },
  (t) => [index("fact_theme_pair_month_month_idx").on(t.month), index("fact_theme_pair_month_theme_idx").on(t.themeCode)],
);

/** Meetings per month, status, partner and theme: the heatmap, and partner charts under a theme filter. */
export const factPartnerThemeMonth = pgTable(
  "fact_partner_theme_month",
  {
    month: date("month"),
    status: meetingStatusEnum("status").notNull(),
    partnerId: integer("partner_id").notNull(),
    themeCode: text("theme_code").notNull(),
    meetings: integer("meetings").notNull(),
  },
  (t) => [index("fact_partner_theme_month_month_idx").on(t.month), index("fact_partner_theme_month_partner_idx").on(t.partnerId, t.themeCode)],
);

/** Distinct meetings per month, status and partner type (a meeting with two countries counts once). */
export const factPartnerTypeMonth = pgTable(
  "fact_partner_type_month",
  {
    month: date("month"),
    status: meetingStatusEnum("status").notNull(),
    type: partnerTypeEnum("type").notNull(),
    meetings: integer("meetings").notNull(),
  },
  (t) => [index("fact_partner_type_month_month_idx").on(t.month)],
);

/** Distinct meetings per month, status and partner region (null: partners without one). */
export const factRegionMonth = pgTable(
  "fact_region_month",
  {
    month: date("month"),
    status: meetingStatusEnum("status").notNull(),
    region: text("region"),
    meetings: integer("meetings").notNull(),
  },
  (t) => [index("fact_region_month_month_idx").on(t.month)],
);

/**
 * Meetings per month, status and partner-side counterpart: the person (merges followed
 * one step, as the chart does) or, for unidentified participants, the lower-cased name.
 */
export const factCounterpartMonth = pgTable(
  "fact_counterpart_month",
  {
    month: date("month"),
    status: meetingStatusEnum("status").notNull(),
    personId: integer("person_id"),
    nameKey: text("name_key"),
    /** The alphabetically first spelling met, shown when the person is not identified. */
    name: text("name").notNull(),
    meetings: integer("meetings").notNull(),
  },
  (t) => [index("fact_counterpart_month_month_idx").on(t.month)],
);

/**
 * Each partner's meeting rhythm over all its dated meetings, approved only and with
 * pending included: what "not met for a while" needs when nothing but the reference
 * date is filtered. Valid while no counted meeting lies after the reference date.
 */
export const partnerRhythm = pgTable(
  "partner_rhythm",
  {
    includePending: boolean("include_pending").notNull(),
    partnerId: integer("partner_id").notNull(),
    /** Distinct days met. */
    days: integer("days").notNull(),
    /** Of those, days with only pending records. */
    pendingDays: integer("pending_days").notNull(),
    lastDate: date("last_date").notNull(),
    medianGap: doublePrecision("median_gap"),
  },
  (t) => [primaryKey({ columns: [t.includePending, t.partnerId] })],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type Meeting = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type Participant = typeof meetingParticipants.$inferSelect;
export type NewParticipant = typeof meetingParticipants.$inferInsert;
export type Partner = typeof partners.$inferSelect;
export type NewPartner = typeof partners.$inferInsert;
export type PartnerAlias = typeof partnerAliases.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Theme = typeof themes.$inferSelect;
export type Quote = typeof quotes.$inferSelect;
export type Evidence = typeof evidence.$inferSelect;
export type MeetingSource = typeof meetingSources.$inferSelect;
export type RecordOperation = typeof recordOperations.$inferSelect;
export type HistoryRow = typeof history.$inferSelect;
export type IngestJob = typeof ingestJobs.$inferSelect;
export type IngestItem = typeof ingestItems.$inferSelect;
export type Source = typeof sources.$inferSelect;
export type NewSource = typeof sources.$inferInsert;
export type SourceKind = (typeof sourceKindEnum.enumValues)[number];
export type Role = (typeof roleEnum.enumValues)[number];
export type MeetingKind = (typeof meetingKindEnum.enumValues)[number];
export type MeetingStatus = (typeof meetingStatusEnum.enumValues)[number];
export type Side = (typeof sideEnum.enumValues)[number];
