// The contract between the extraction pipeline (lib/extract) and everything that
// consumes it (the CLI, ingestion, the review screen). Pure data, no behaviour.

/** [start, end) character offsets into ExtractedArticle.text (the cleaned text). */
export type Span = [start: number, end: number];

export type MeetingKind = "meeting" | "phone_call" | "conference" | "statement" | "other";
export type Side = "home" | "partner";
export type PartnerType = "country" | "organization";

/** Where a value came from in the text and how sure the extractor is (0..1). */
export interface Provenance {
  spans: Span[];
  confidence: number;
}

export interface ExtractedParticipant extends Provenance {
  /** "First Last" in the nominative, patronymic optional. */
  name: string;
  /** The title the text gives, in the nominative, or null. */
  position: string | null;
  side: Side;
}

export interface ExtractedPartner extends Provenance {
  /** ISO 3166-1 alpha-2 for a country, the organisations.tsv code for an organisation, null otherwise. */
  code: string | null;
  /** Short Russian name ("США", "ОБСЕ"). */
  name: string;
  type: PartnerType;
}

export interface ExtractedTheme extends Provenance {
  code: string;
}

export interface ExtractedQuote extends Provenance {
  /** Resolved full name of the speaker, or null when it cannot be resolved. */
  speaker: string | null;
  text: string;
}

export interface ExtractedEvent {
  kind: MeetingKind;
  kindEvidence: Provenance;
  /** ISO YYYY-MM-DD or null. */
  date: string | null;
  dateEvidence: Provenance;
  /** City (or country) in the nominative, or null. */
  location: string | null;
  locationEvidence: Provenance;
  participants: ExtractedParticipant[];
  partners: ExtractedPartner[];
  themes: ExtractedTheme[];
  quotes: ExtractedQuote[];
  /** Overall confidence of the record: the review queue sorts the doubtful first. */
  confidence: number;
}

export interface ExtractedPerson {
  /** "First Last" in the nominative. */
  name: string;
  spans: Span[];
}

/** One article; a file may hold several. */
export interface ExtractedArticle {
  /** The cleaned text every span refers to. */
  text: string;
  language: string;
  outlet: string | null;
  publishedOn: string | null;
  title: string | null;
  people: ExtractedPerson[];
  events: ExtractedEvent[];
}

export interface FileExtraction {
  /** The decoded text before cleaning (HTML stays HTML). */
  raw: string;
  /** The encoding the bytes were read as: utf-8, windows-1251, koi8-r, ibm866. */
  encoding: string;
  isHtml: boolean;
  articles: ExtractedArticle[];
}

/** A partner the extractor can recognise, with every alias it matches. */
export interface RegistryPartner {
  code: string | null;
  name: string;
  type: PartnerType;
  /** Parent organisation code (ПА ОБСЕ → OSCE), if any. */
  parent?: string | null;
  nameEn?: string | null;
  fullNameRu?: string | null;
  /** World region of a country (for the charts): "Central Asia", "Europe", ... */
  region?: string | null;
  /** Surface forms: names, abbreviations, case forms, adjectives ("казахстанско-американский"). */
  aliases: string[];
  /** Optional kind of an alias (partner_aliases.kind): name | abbreviation | full_name | adjective | capital | office | ...;
   *  a capital ("Пекин") is a weaker, metonymic mention. Aliases missing here are classified by their form. */
  aliasKinds?: Record<string, string>;
}

export interface RegistryTheme {
  code: string;
  /** Stems or phrases, lower-case. */
  keywords: string[];
  /** Optional weight of a keyword (theme_keywords.weight); 1 when missing. */
  weights?: Record<string, number>;
}

/** What the extractor knows beyond morphology: the bundled defaults or the database's registries. */
export interface Registry {
  partners: RegistryPartner[];
  themes: RegistryTheme[];
  /** Known people: canonical name and variants (Дэниел / Даниэл Розенблюм). */
  people?: { name: string; aliases: string[] }[];
}

// ---------------------------------------------------------------- between pipeline stages

/** One occurrence of a person's name in the cleaned text. */
export interface PersonMention {
  /** Canonical "First Last" in the nominative of the person this mention refers to. */
  name: string;
  /** The text as written ("Мауленом Ашимбаевым", "Ашимбаев"). */
  surface: string;
  span: Span;
  /** OpenCorpora case of the surface form when known: nomn, gent, datv, accs, ablt, loct. */
  grammaticalCase?: string;
  /** The surface gave the surname only and was joined to the full name seen elsewhere. */
  short?: boolean;
}

export interface PartnerMention {
  partner: RegistryPartner;
  surface: string;
  span: Span;
  /** name | abbreviation | full_name | adjective | demonym | alias | capital (metonym, weaker) | office (a body of the partner) */
  via: string;
  /** The partner is the home country (Kazakhstan by default): not a foreign partner. */
  home?: boolean;
}

export interface ThemeHit {
  code: string;
  keyword: string;
  span: Span;
  weight: number;
}

export interface PartnerMatcher {
  /** Every mention of a registry partner (names, abbreviations, any case form, adjectives), in text order. */
  find(text: string): PartnerMention[];
  byCode(code: string): RegistryPartner | undefined;
}

export interface ThemeMatcher {
  /** Every keyword hit, in text order. */
  find(text: string): ThemeHit[];
  /** The themes substantively discussed in the given ranges of text (all of it when omitted). */
  classify(text: string, ranges?: Span[]): ExtractedTheme[];
}

/** What the event stage receives for one article. */
export interface EventInput {
  text: string;
  title: string | null;
  publishedOn: string | null;
  mentions: PersonMention[];
  partnerMentions: PartnerMention[];
  partners: PartnerMatcher;
  themes: ThemeMatcher;
}

/** A file the extractor refuses: empty, binary, too large, undecodable. */
export class ExtractionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExtractionError";
  }
}
