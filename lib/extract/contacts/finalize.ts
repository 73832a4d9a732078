// Stage 8 of the contact pipeline: the article's events as a whole. A visitor who met several
// officials represents the same partner in each record; a lead repeated further down is one event.
import type { ExtractedEvent } from "../types";

const clamp = (x: number) => Math.max(0, Math.min(1, Math.round(x * 100) / 100));

export function finalizeEvents(events: readonly ExtractedEvent[]): ExtractedEvent[] {
  return mergeDuplicates(lendPartners(events));
}

/** What one record knows of whom a visitor represents holds for the visitor's other records. */
export function lendPartners(events: readonly ExtractedEvent[]): ExtractedEvent[] {
  return events.map((e) => {
    if (e.partners.length || e.kind === "statement") return e;
    const guests = new Set(e.participants.filter((p) => p.side === "partner").map((p) => p.name));
    const donor = events.find((o) => o !== e && o.partners.length && o.participants.some((p) => p.side === "partner" && guests.has(p.name)));
    return donor ? { ...e, partners: donor.partners.map((p) => ({ ...p, spans: [...p.spans], confidence: clamp(p.confidence * 0.8) })) } : e;
  });
}

/** Two records of the same contact (a lead repeated further down) become one. */
export function mergeDuplicates(events: readonly ExtractedEvent[]): ExtractedEvent[] {
  const out: ExtractedEvent[] = [];
  for (const e of events) {
    const at = out.findIndex(
      (o) =>
        o.kind === e.kind &&
        o.date === e.date &&
        o.participants.length === e.participants.length &&
        o.participants.every((p) => e.participants.some((q) => q.name === p.name && q.side === p.side)),
    );
    if (at < 0) {
      out.push(e);
      continue;
    }
    const twin = out[at]!;
    out[at] = {
      ...twin,
      quotes: [...twin.quotes, ...e.quotes.filter((q) => !twin.quotes.some((x) => x.text === q.text))],
      themes: [...twin.themes, ...e.themes.filter((t) => !twin.themes.some((x) => x.code === t.code))],
      partners: [...twin.partners, ...e.partners.filter((p) => !twin.partners.some((x) => (x.code ?? x.name) === (p.code ?? p.name)))],
    };
  }
  return out;
}
