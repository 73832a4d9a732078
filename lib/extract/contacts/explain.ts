// The contact pipeline's intermediate results as readable text (npm run explain): each
// sentence's role and actors, the contact groups, the contacts and the events.
import type { EventInput } from "../types";
import { findContactClauses } from "./clauses";
import { buildEvents } from "./event";
import { finalizeEvents } from "./finalize";
import { groupContacts } from "./grouping";
import { collectMentions } from "./mentions";
import { completeContacts } from "./participants";
import { addTitleReferences } from "./references";
import { readSentences } from "./roles";
import { assignSides } from "./sides";
import { segmentArticle } from "./units";

export function explainEvents(input: EventInput): string {
  const out: string[] = [];
  const units = segmentArticle(input.text);
  const a = findContactClauses(assignSides(readSentences(addTitleReferences(collectMentions(units, input)))));
  a.sentences.forEach((s, i) => {
    const r = a.roles[i]!;
    const flags = [r.trigger ? `${r.trigger.kind}:${r.trigger.strength} «${a.text.slice(...r.trigger.span)}»` : "", r.background ? "background" : "", r.headline ? "headline" : "", i >= a.bodyEnd ? "after-body" : ""].filter(Boolean).join(" ");
    const people = (a.infosBySentence.get(i) ?? []).map((m) => {
      const side = a.sides.get(m.name);
      const marks = [m.nominative ? "nom" : m.mention.grammaticalCase ?? "obl", m.inQuote ? "quote" : "", m.referenceOnly ? "ref" : "", m.byTitle ? `by «${a.text.slice(...m.mention.span)}»` : ""].filter(Boolean).join(",");
      return `${m.name}[${side ? `${side.side}:${side.certainty}` : "?"};${marks}]`;
    });
    const partnersHere = a.partnerMentions.filter((pm) => pm.span[0] >= s.start && pm.span[1] <= s.end).map((pm) => `${pm.partner.code ?? pm.partner.name}${pm.home ? "(home)" : ""}`);
    out.push(`${String(i).padStart(3)} p${s.paragraph} ${flags ? `[${flags}] ` : ""}${a.text.slice(s.start, s.end).replace(/\s+/g, " ").slice(0, 160)}`);
    if (people.length || partnersHere.length) out.push(`      people: ${people.join(" ")}  partners: ${partnersHere.join(" ")}`);
  });
  const groups = groupContacts(a);
  out.push("-- groups");
  for (const g of groups) out.push(`  ${g.kind}:${g.strength} sentences ${g.first}..${g.end - 1} triggers ${g.triggers.map((t) => t.sentence).join(",")} home {${[...g.home].join(", ")}} partner {${[...g.partner].join(", ")}}${g.header ? ` header@${g.header.sentence}` : ""}`);
  const contacts = completeContacts(a, groups);
  out.push("-- contacts");
  for (const c of contacts) out.push(`  ${c.kind} sentences ${c.first}..${c.end - 1} home {${[...c.home].join(", ")}} partner {${[...c.partner].join(", ")}}`);
  out.push("-- events");
  for (const e of finalizeEvents(buildEvents(a, contacts))) {
    out.push(`  ${e.kind} ${e.date ?? "—"} ${e.location ?? "—"} partners ${e.partners.map((p) => p.code ?? p.name).join(",")} themes ${e.themes.map((t) => t.code).join(",")}`);
    for (const p of e.participants) out.push(`     ${p.side} ${p.name}${p.position ? ` — ${p.position}` : ""}`);
    for (const q of e.quotes) out.push(`     «${q.text.slice(0, 60)}…» — ${q.speaker}`);
  }
  return out.join("\n");
}
