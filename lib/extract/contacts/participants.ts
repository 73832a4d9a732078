// Stage 6 of the contact pipeline: each group's final kind and participants. The trigger
// sentences named some people; the rest of the group's stretch adds those who act in it (a
// nominative name with a past verb, or a list of who took part). A group with no home side —
// no Kazakh official named or referred to by title — is a foreign news item, not a contact.
import type { MeetingKind, Span } from "../types";
import { BILATERAL_BODY, HOME_TITLE, INSTITUTION_STATEMENT, isPastVerb, FUTURE, LIST_VERB, MULTILATERAL, ROLE_START, WRITTEN } from "./lexicon";
import { HOME_CODE } from "./people";
import { sentenceActors } from "./clauses";
import type { ContactGroup } from "./grouping";
import type { SidedArticle } from "./sides";

export interface Contact {
  kind: MeetingKind;
  strength: number;
  triggers: readonly { sentence: number; span: Span }[];
  first: number;
  end: number;
  /** The stretch of text the contact is reported in. */
  range: Span;
  home: ReadonlySet<string>;
  partner: ReadonlySet<string>;
  header: ContactGroup["header"];
}

/** The home side named by a word instead of a name, after the verb of the contact. */
const HOME_COUNTERPART = /(?:^|\s)(?:с|со)\s+(?:\S+\s+){0,2}?(?:казахстанск\p{L}*\s+(?:коллег|партн[её]р|визави|министр|делегаци|сторон)\p{L}*|коллег\p{L}*\s+из\s+Казахстана)/u;
/** "Как пояснил X, …", "По словам X, …": the sentence quotes a commentator. */
const COMMENTARY = /^\s*(?:как\s+(?:пояснил|сообщил|отметил|рассказал|уточнил|заявил|подчеркнул)\p{L}*|по\s+словам|по\s+информации|по\s+данным)(?![\p{L}\d])/iu;
/** Speaking for an office is commenting on a contact, not taking part in it (unless a report sentence names them). */
const SPOKESPERSON = /пресс-секретар|официальн\p{L}*\s+представител|спикер\p{L}*\s+мид|пресс-служб/iu;

/** A sentence that continues the report of the one before: "Также состоялась встреча …", "В тот же день …". */
const CONTINUATION = /^\s*(?:также|кроме\s+того|затем|в\s+тот\s+же\s+день|в\s+рамках\s+(?:визита|поездки))[\s,]/iu;

/** "В делегацию входят X, а также депутаты Y и Z", "В ее состав входит также X", "делегацию возглавил X": the visiting delegation's members. */
const ROSTER = /(?:^|\s)в\s+(?:(?:состав\s+)?делегаци\p{L}*|(?:ее|её|их)\s+состав)\s+(?:также\s+)?(?:входят|входит|вошли|входили)(?![\p{L}])|делегаци\p{L}*\s+(?:\S+\s+){0,6}?(?:возглавил\p{L}*|возглавляет|во\s+главе\s+с)(?![\p{L}])|в\s+составе\s+делегаци/iu;
/** The trigger speaks of the delegation as a whole ("немецких парламентариев принял …", "депутатов Бундестага приняли …"). */
const WHOLE_DELEGATION = /делегаци|парламентари|депутат|гост|сенатор|визитер|визитёр/iu;

function delegationRoster(a: SidedArticle): Set<string> {
  const roster = new Set<string>();
  for (let i = 0; i < a.bodyEnd; i++) {
    if (a.roles[i]!.background || !ROSTER.test(sentenceText(a, i))) continue;
    for (const x of sentenceActors(a, i)) if (a.sides.get(x.name)?.side === "partner") roster.add(x.name);
  }
  return roster;
}

export function completeContacts(a: SidedArticle, groups: readonly ContactGroup[]): Contact[] {
  const roster = delegationRoster(a);
  const bodyLimit = a.sentences[Math.max(0, a.bodyEnd - 1)]!.end;
  // Kazakhstan (its name, adjective, capital or Akorda) named in the article's body
  const kazakhArticle = a.partnerMentions.some((pm) => pm.partner.code === HOME_CODE && pm.span[1] <= bodyLimit);
  const out: Contact[] = [];
  let previousHome: ReadonlySet<string> = new Set();
  for (const g of groups) {
    const kind = refineKind(a, g);
    const { home, partner } = kind === "statement" ? { home: new Set(g.home), partner: new Set(g.partner) } : peopleOfStretch(a, g, kind);
    // the delegation met as a whole: each of its members took part
    if (roster.size && (kind === "meeting" || kind === "conference") && ([...partner].some((p) => roster.has(p)) || g.triggers.some((t) => WHOLE_DELEGATION.test(sentenceText(a, t.sentence))))) {
      for (const p of roster) if (!home.has(p)) partner.add(p);
    }
    const unnamedHome = !home.size && homeByTitleOnly(a, g, kind, partner.size > 0);
    const ministryStatement = kind === "statement" && !home.size && !partner.size && g.triggers.some((t) => institutionSpeaks(a, t.sentence));
    // "Также состоялась встреча с вице-министром …": a follow-on meeting with no subject is the same home side's
    if (!home.size && !unnamedHome && partner.size && previousHome.size && g.triggers.some((t) => CONTINUATION.test(sentenceText(a, t.sentence)))) {
      for (const h of previousHome) if (!partner.has(h)) home.add(h);
    }
    if (!home.size && !unnamedHome && !ministryStatement) continue;
    previousHome = home;
    // The home side is Kazakhstan: without a Kazakh title or Kazakhstan named around the event,
    // the "home" people are only people of unknown side (a foreign news item).
    if (!kazakhArticle && ![...home].some((n) => a.profiles.get(n)?.kazakhTitle)) continue;
    const range: Span = [a.sentences[g.first]!.start, a.sentences[Math.max(g.first, g.end - 1)]!.end];
    out.push({ kind, strength: g.strength, triggers: g.triggers, first: g.first, end: g.end, range, home, partner, header: g.header });
  }
  return out;
}

const sentenceText = (a: SidedArticle, i: number) => a.masked.slice(a.sentences[i]!.start, a.sentences[i]!.end);

export function refineKind(a: SidedArticle, g: ContactGroup): MeetingKind {
  const trig = g.triggers.map((t) => sentenceText(a, t.sentence)).join(" ");
  if (g.kind === "meeting" && /телефон|видеосвяз|видеоконференц|онлайн/iu.test(trig)) return "phone_call";
  // ("на полях сессии … встретились с …" is a side meeting, not the session)
  const sideMeeting = /на\s+полях|в\s+кулуарах|встрети\p{L}*\s+(?:\S+\s+){0,2}?с\s|провел\p{L}*\s+(?:\S+\s+){0,2}?(?:встречу|беседу|переговоры)\s+с\s/iu.test(trig);
  if (g.kind === "meeting" && !sideMeeting && /заседани|совещани|сесси/iu.test(trig) && !BILATERAL_BODY.test(trig) && MULTILATERAL.test(trig)) return "conference";
  if (g.kind === "conference" && BILATERAL_BODY.test(trig) && !MULTILATERAL.test(trig)) return "meeting";
  return g.kind;
}

/** Who acts in the group's stretch, added to who its trigger sentences named. */
function peopleOfStretch(a: SidedArticle, g: ContactGroup, kind: MeetingKind): { home: Set<string>; partner: Set<string> } {
  const home = new Set(g.home);
  const partner = new Set(g.partner);
  const foreignOnlyTrigger = g.home.size === 0 && g.partner.size > 0;
  // (asked afresh for each person: the answer changes as the stretch adds people)
  const strongForeign = () => home.size === 0 && [...partner].some((n) => (a.sides.get(n)?.certainty ?? 0) >= 0.85);
  for (let i = g.first; i < g.end; i++) {
    if (a.roles[i]!.background || a.roles[i]!.headline) continue;
    const sm = sentenceText(a, i);
    const listing = LIST_VERB.test(sm);
    if (!hasPastVerb(sm) && !listing) continue;
    // "поздравительные телеграммы направили …": who only wrote is no participant
    if (WRITTEN.test(sm.toLowerCase())) continue;
    if (FUTURE.test(sm.toLowerCase()) && !listing) continue;
    // "Как пояснил пресс-секретарь Президента …": a commentator on the contact took no part in it
    const commentary = COMMENTARY.test(sm);
    for (const info of sentenceActors(a, i)) {
      if (!info.nominative && !listing) continue;
      if (commentary || SPOKESPERSON.test(a.profiles.get(info.name)?.titleText ?? "")) continue;
      const known = a.sides.get(info.name);
      const side = known?.side ?? "home";
      // a report of two foreigners meeting does not gain a home side from a commentator of unknown side
      if (side === "home" && (known?.certainty ?? 0) < 0.5 && (foreignOnlyTrigger || strongForeign())) continue;
      (side === "home" ? home : partner).add(info.name);
    }
  }
  if (g.header && !home.size) for (const h of g.header.home) home.add(h);
  if (!partner.size && (kind === "meeting" || kind === "phone_call")) {
    const v = visitorBefore(a, a.sentences[g.triggers[0]!.sentence]!.end);
    // (not when the contact was with someone named by title only of another country: "принял посла Индии")
    const otherCountry = !!v && g.counterparts.size > 0 && !(a.profiles.get(v)?.affiliations ?? []).some((pm) => g.counterparts.has(pm.partner.code ?? pm.partner.name));
    if (v && !home.has(v) && !otherCountry) partner.add(v);
  }
  return { home, partner };
}

function hasPastVerb(sentence: string): boolean {
  return sentence
    .toLowerCase()
    .split(/[^а-яё-]+/u)
    .some((w) => w.length > 3 && w.charCodeAt(w.length - 1) !== 0x043c && isPastVerb(w));
}

/** The last partner-side person acting before `pos`: the visitor a later meeting is with. */
function visitorBefore(a: SidedArticle, pos: number): string | null {
  let found: string | null = null;
  for (const info of a.infos) {
    if (info.mention.span[0] >= pos) break;
    if (info.inQuote || info.referenceOnly || a.roles[info.sentence]?.background) continue;
    if (a.sides.get(info.name)?.side === "partner") found = info.name;
  }
  return found;
}

/** "Вице-министр иностранных дел РК провел консультации с …": a Kazakh official named by title only. */
function homeByTitleOnly(a: SidedArticle, g: ContactGroup, kind: MeetingKind, hasPartner: boolean): boolean {
  return g.triggers.some((t) => {
    const st = a.sentences[t.sentence]!;
    // "Министр иностранных дел Японии провел телефонный разговор с казахстанским коллегой"
    if (hasPartner && kind !== "statement" && HOME_COUNTERPART.test(a.masked.slice(t.span[0], st.end))) return true;
    const head = a.masked.slice(st.start, t.span[0]);
    const foreignHead = a.partnerMentions.some((pm) => pm.partner.code !== HOME_CODE && pm.span[0] >= st.start && pm.span[1] <= t.span[0]);
    return !foreignHead && HOME_TITLE.test(head) && ROLE_START.test(head.trim().toLowerCase());
  });
}

/** "МИД Казахстана выразил соболезнования …": the home ministry speaks with no one named. */
function institutionSpeaks(a: SidedArticle, i: number): boolean {
  const st = sentenceText(a, i);
  return INSTITUTION_STATEMENT.test(st.toLowerCase()) && HOME_TITLE.test(st);
}
