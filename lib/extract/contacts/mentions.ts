// Stage 2 of the contact pipeline: what the article names, located in its sentences — people
// (with their titles, sides and affiliations), partners (countries and organisations), the
// datelines, and the partner mentions that are only the frame of talks ("в рамках ШОС").
import type { EventInput, PartnerMatcher, PartnerMention, Span, ThemeMatcher } from "../types";
import { analysePeople, type MentionInfo, type Profile } from "./people";
import { datelinePlaces, type PlaceHit } from "./places";
import type { TitleReference } from "./references";
import { sentenceIndexAt, type ArticleUnits } from "./units";

export interface ArticleMentions extends ArticleUnits {
  readonly title: string | null;
  readonly publishedOn: string | null;
  readonly profiles: ReadonlyMap<string, Profile>;
  /** Every person mention, in text order. */
  readonly infos: readonly MentionInfo[];
  readonly infosBySentence: ReadonlyMap<number, readonly MentionInfo[]>;
  /** The spans of the titles before names ("Председатель Сената"). */
  readonly titleSpans: readonly Span[];
  /** Partner mentions, a mention nested in another dropped. */
  readonly partnerMentions: readonly PartnerMention[];
  /** Organisations named as the frame or subject of talks, not a side of them. */
  readonly topics: ReadonlySet<PartnerMention>;
  /** The dateline of each article in the text, in order. */
  readonly datelines: readonly PlaceHit[];
  readonly partners: PartnerMatcher;
  readonly themes: ThemeMatcher;
  /** Officials referred to by title only ("министр", "посла Индии"), once stage 2b has looked (references.ts). */
  readonly titleReferences: readonly TitleReference[];
}

export function collectMentions(units: ArticleUnits, input: EventInput): ArticleMentions {
  const partnerMentions = dedupeNested(input.partnerMentions ?? []);
  const sentenceAt = (pos: number) => sentenceIndexAt(units.sentences, pos);
  const { profiles, infos } = analysePeople(units.text, units.masked, units.sentences, sentenceAt, input.mentions ?? [], units.quoteSpans, partnerMentions);
  const infosBySentence = new Map<number, MentionInfo[]>();
  for (const info of infos) {
    const list = infosBySentence.get(info.sentence) ?? [];
    list.push(info);
    infosBySentence.set(info.sentence, list);
  }
  return {
    ...units,
    title: input.title,
    publishedOn: input.publishedOn,
    profiles,
    infos,
    infosBySentence,
    titleSpans: infos.flatMap((i) => (i.title ? [i.title] : [])),
    partnerMentions,
    topics: topicMentions(units.masked, partnerMentions),
    datelines: datelinePlaces(units.text, units.paragraphs, partnerMentions),
    partners: input.partners,
    themes: input.themes,
    titleReferences: [],
  };
}

/** The dateline of the article a position belongs to: the last one before it, else the first. */
export function datelineFor(m: Pick<ArticleMentions, "datelines">, pos: number): PlaceHit | null {
  let found: PlaceHit | null = m.datelines[0] ?? null;
  for (const d of m.datelines) if (d.span[0] <= pos) found = d;
  return found;
}

function dedupeNested(mentions: readonly PartnerMention[]): PartnerMention[] {
  const sorted = [...mentions].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const out: PartnerMention[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.span[0] >= last.span[0] && m.span[1] <= last.span[1]) continue;
    out.push(m);
  }
  return out;
}

/** Words after which an organisation is the frame or the subject of talks, not a side: "в рамках ШОС", "на площадке ООН". */
const TOPIC_FRAME = /(?:в\s+рамках|по\s+линии|на\s+площадке|на\s+полях|в\s+формате|в\s+контексте|в\s+повестке|в\s+деятельности|в\s+работе|вступлени\p{L}*\s+в|членств\p{L}*\s+в|председательств\p{L}*\s+в)\s+(?:\p{L}+\s+){0,2}$/iu;

/** Organisation mentions in topic position, and those listed right after one ("в рамках ШОС и СНГ"). */
function topicMentions(masked: string, mentions: readonly PartnerMention[]): Set<PartnerMention> {
  const out = new Set<PartnerMention>();
  let prev: PartnerMention | null = null;
  for (const pm of [...mentions].sort((a, b) => a.span[0] - b.span[0])) {
    if (pm.partner.type === "organization") {
      const framed = TOPIC_FRAME.test(masked.slice(Math.max(0, pm.span[0] - 60), pm.span[0]));
      const listed = !!prev && out.has(prev) && /^\s*(?:,|и|а\s+также)\s*$/u.test(masked.slice(prev.span[1], pm.span[0]));
      if (framed || listed) out.add(pm);
    }
    prev = pm;
  }
  return out;
}
