// A contact's partners: the countries and organisations its partner side represents. In order
// of evidence: what the partner-side people's titles say, the organisation whose session a
// conference was, partners named in the trigger sentences, «казахстанско-японских», the partner
// named most in the stretch. A statement's partner is the one it is about.
import type { ExtractedPartner, PartnerMention, RegistryPartner, Span } from "../types";
import { FUTURE } from "./lexicon";
import { HOME_CODE } from "./people";
import type { Contact } from "./participants";
import { sentenceIndexAt } from "./units";
import type { SidedArticle } from "./sides";

interface Picked {
  partner: RegistryPartner;
  spans: Span[];
  confidence: number;
}

/** The partners chosen so far, by code (or name when it has none). */
class Picks {
  private readonly byKey = new Map<string, Picked>();
  get size(): number {
    return this.byKey.size;
  }
  add(pm: PartnerMention, confidence: number): void {
    const p = pm.partner;
    if (p.code === HOME_CODE) return;
    const k = partnerKey(pm);
    const prev = this.byKey.get(k);
    if (prev) {
      prev.spans.push(pm.span);
      prev.confidence = Math.max(prev.confidence, confidence);
    } else this.byKey.set(k, { partner: p, spans: [pm.span], confidence });
  }
  hasOrganisation(): boolean {
    return [...this.byKey.values()].some((x) => x.partner.type === "organization");
  }
  result(): ExtractedPartner[] {
    return [...this.byKey.values()].map(({ partner, spans, confidence }) => ({ code: partner.code, name: partner.name, type: partner.type, spans, confidence: clamp(confidence) }));
  }
}

const partnerKey = (pm: PartnerMention) => pm.partner.code ?? pm.partner.name;
const within = (pm: PartnerMention, spans: readonly Span[]) => spans.some(([s, e]) => pm.span[0] >= s && pm.span[1] <= e);
const clamp = (x: number) => Math.max(0, Math.min(1, Math.round(x * 100) / 100));

export function contactPartners(a: SidedArticle, c: Contact): ExtractedPartner[] {
  const homeTitles: Span[] = [];
  for (const name of c.home) for (const m of a.profiles.get(name)?.mentions ?? []) if (m.title) homeTitles.push(m.title);
  const eligible = (pm: PartnerMention) => pm.partner.code !== HOME_CODE && !within(pm, homeTitles) && !within(pm, a.quoteSpans);
  const triggerSpans = c.triggers.map((t) => [a.sentences[t.sentence]!.start, a.sentences[t.sentence]!.end] as Span);
  return c.kind === "statement" ? statementPartners(a, c, eligible, triggerSpans) : contactPartnersOf(a, c, eligible, triggerSpans);
}

type Eligible = (pm: PartnerMention) => boolean;

/** The subject of a statement: the partner the stretch talks about most (twice for the trigger sentences and the headline). */
function statementPartners(a: SidedArticle, c: Contact, eligible: Eligible, triggerSpans: Span[]): ExtractedPartner[] {
  const counts = new Map<string, { pm: PartnerMention; n: number }>();
  for (const pm of a.partnerMentions) {
    if (!inRange(pm, c.range) || !eligible(pm)) continue;
    if (a.roles[sentenceIndexAt(a.sentences, pm.span[0])]!.background) continue;
    // "… сообщил, что спикер посетит Ватикан": a country in an announcement is no subject of the statement
    if (inFutureClause(a.masked, pm.span[0])) continue;
    const entry = counts.get(partnerKey(pm)) ?? { pm, n: 0 };
    entry.n += within(pm, triggerSpans) ? 2 : 1;
    counts.set(partnerKey(pm), entry);
  }
  if (a.title) for (const pm of a.partners.find(a.title)) {
    const entry = counts.get(partnerKey(pm));
    if (entry) entry.n += 2;
  }
  const picks = new Picks();
  const top = [...counts.values()].sort((x, y) => y.n - x.n || x.pm.span[0] - y.pm.span[0])[0];
  if (top) {
    const confidence = 0.4 + Math.min(0.45, top.n * 0.08);
    picks.add(top.pm, confidence);
    // "соглашения между Азербайджаном и Арменией", "достигнутые Азербайджаном и Арменией": a statement about
    // the two sides of one relation names both
    const tied = (o: PartnerMention) => o.partner.type === "country" && top.pm.partner.type === "country" && counts.get(partnerKey(o))?.n === top.n;
    for (const other of coordinatedPair(a, c.range, eligible, top.pm, tied)) picks.add(other, confidence);
  }
  return picks.result();
}

function contactPartnersOf(a: SidedArticle, c: Contact, eligible: Eligible, triggerSpans: Span[]): ExtractedPartner[] {
  const picks = new Picks();
  const sessionOrgs = c.kind === "conference" ? sessionOrganisations(a, c, eligible, triggerSpans) : [];
  for (const name of c.partner) {
    for (const pm of a.profiles.get(name)?.affiliations ?? []) {
      // at an organisation's session the chair speaks for it, not for the country that holds the chair
      if (sessionOrgs.length && pm.partner.type === "country") continue;
      picks.add(pm, 0.9);
    }
  }
  for (const pm of sessionOrgs) picks.add(pm, 0.8);
  const hasUnaffiliated = [...c.partner].some((n) => !a.profiles.get(n)?.affiliations.length);
  // "сотрудничество в рамках ШОС и СНГ": outside a conference, an organisation named as the frame of the talks is no side of them
  const isTopic = (pm: PartnerMention) => c.kind !== "conference" && a.topics.has(pm);
  if (!picks.size || (hasUnaffiliated && c.kind !== "conference")) addNamedInTriggers(a, picks, eligible, isTopic, triggerSpans);
  else addDelegationsInTriggers(a, picks, eligible, isTopic, triggerSpans);
  if (!picks.size) addCompoundAdjectives(a, picks, c.range, eligible);
  if (!picks.size && c.partner.size) addMostNamed(a, picks, c.range, eligible, isTopic);
  // nothing but the frame names a side: better that than none
  if (!picks.size) for (const pm of a.partnerMentions) if (eligible(pm) && within(pm, triggerSpans) && isTopic(pm)) picks.add(pm, 0.4);
  return picks.result();
}

/** The organisation whose session it was: named in the report sentence, else in its paragraph. */
function sessionOrganisations(a: SidedArticle, c: Contact, eligible: Eligible, triggerSpans: Span[]): PartnerMention[] {
  const paragraph = a.paragraphs[a.sentences[c.triggers[0]!.sentence]!.paragraph]!;
  const orgs = (spans: Span[]) => a.partnerMentions.filter((pm) => eligible(pm) && pm.partner.type === "organization" && within(pm, spans));
  const inTriggers = orgs(triggerSpans);
  if (inTriggers.length) return inTriggers;
  const inParagraph = orgs([[paragraph.start, paragraph.end]]);
  if (inParagraph.length) return inParagraph;
  // "… приняли участие в пленарном заседании ассамблеи": the organisation whose session the article names before
  return a.partnerMentions.filter((pm) => eligible(pm) && pm.partner.type === "organization" && pm.span[1] <= c.range[1] && SESSION_OF.test(a.masked.slice(Math.max(0, pm.span[0] - 40), pm.span[0]))).slice(0, 1);
}

/** A session noun right before an organisation: "сессии ПА ОБСЕ", "саммите ШОС", "заседании Совета …". */
const SESSION_OF = /(?:сесси|саммит|заседани|ассамбле|форум|совещани|конференци|съезд)\p{L}*\s+(?:\S+\s+){0,2}$/iu;

/** Where a visit went ("прибыл в Японию") or came from ("из Японии") is no side by itself. */
const DESTINATION_BEFORE = /(?:прибыв\p{L}*|прибыл\p{L}*|визитом|визит\p{L}*)\s+(?:\S+\s+)?(?:в|во)\s+$|(?:^|\s)(?:из|по|во|в)\s+$/u;

function addNamedInTriggers(a: SidedArticle, picks: Picks, eligible: Eligible, isTopic: Eligible, triggerSpans: Span[]): void {
  for (const pm of a.partnerMentions) {
    if (!eligible(pm) || !within(pm, triggerSpans) || isTopic(pm)) continue;
    if (DESTINATION_BEFORE.test(a.masked.slice(Math.max(0, pm.span[0] - 24), pm.span[0]))) continue;
    if (pm.partner.type === "country" && picks.size && picks.hasOrganisation()) continue;
    picks.add(pm, 0.75);
  }
}

/** A group named as met beside a named envoy: "встретился с делегацией Всемирного банка и послом Японии …". */
const DELEGATION_OF = /(?:^|\s)(?:с|со|и)\s+(?:\p{L}+\s+)?(?:делегацией|делегациями|представител\p{L}*|руководством|миссией)\s+$/iu;

function addDelegationsInTriggers(a: SidedArticle, picks: Picks, eligible: Eligible, isTopic: Eligible, triggerSpans: Span[]): void {
  for (const pm of a.partnerMentions) {
    if (!eligible(pm) || !within(pm, triggerSpans) || isTopic(pm)) continue;
    if (DELEGATION_OF.test(a.masked.slice(Math.max(0, pm.span[0] - 40), pm.span[0]))) picks.add(pm, 0.7);
  }
}

/** "казахстанско-японских отношений". */
function addCompoundAdjectives(a: SidedArticle, picks: Picks, range: Span, eligible: Eligible): void {
  for (const pm of a.partnerMentions) {
    if (!eligible(pm) || !inRange(pm, range)) continue;
    const compound = /казахстанско-|-казахстанск|казахско-/iu.test(pm.surface) || /казахстанско-$|казахско-$/iu.test(a.masked.slice(Math.max(0, pm.span[0] - 14), pm.span[0]));
    if (compound) picks.add(pm, 0.6);
  }
}

function addMostNamed(a: SidedArticle, picks: Picks, range: Span, eligible: Eligible, isTopic: Eligible): void {
  const counts = new Map<string, { pm: PartnerMention; n: number }>();
  for (const pm of a.partnerMentions) {
    if (!eligible(pm) || !inRange(pm, range) || isTopic(pm)) continue;
    if (a.roles[sentenceIndexAt(a.sentences, pm.span[0])]!.background) continue;
    const entry = counts.get(partnerKey(pm)) ?? { pm, n: 0 };
    entry.n++;
    counts.set(partnerKey(pm), entry);
  }
  const top = [...counts.values()].sort((x, y) => y.n - x.n)[0];
  if (top) picks.add(top.pm, 0.4);
}

/** The clause (between punctuation) around a position speaks of the future. */
function inFutureClause(masked: string, pos: number): boolean {
  const left = masked.slice(0, pos);
  const from = Math.max(left.lastIndexOf(","), left.lastIndexOf(";"), left.lastIndexOf("."), left.lastIndexOf(":")) + 1;
  const rest = masked.slice(pos);
  const stop = rest.search(/[,;.:]/u);
  return FUTURE.test(masked.slice(from, stop < 0 ? masked.length : pos + stop).toLowerCase());
}

const inRange = (pm: PartnerMention, range: Span) => pm.span[0] >= range[0] && pm.span[1] <= range[1];

/** The partner named together with `pm` ("между X и Y", or "X и Y" equally often). */
function coordinatedPair(a: SidedArticle, range: Span, eligible: Eligible, pm: PartnerMention, tied: Eligible): PartnerMention[] {
  const sorted = a.partnerMentions.filter((x) => inRange(x, range) && eligible(x)).sort((x, y) => x.span[0] - y.span[0]);
  const same = (x: PartnerMention) => partnerKey(x) === partnerKey(pm);
  const out: PartnerMention[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const first = sorted[i]!;
    const second = sorted[i + 1]!;
    if (!same(first) && !same(second)) continue;
    if (!/^\s*и\s+$/u.test(a.masked.slice(first.span[1], second.span[0]))) continue;
    const other = same(first) ? second : first;
    if (!/(?:^|\s)между\s+$/iu.test(a.masked.slice(Math.max(0, first.span[0] - 10), first.span[0])) && !tied(other)) continue;
    out.push(other);
  }
  return out;
}

