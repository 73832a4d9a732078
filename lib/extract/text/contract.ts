// The CLI's output shape (spec/extraction.md): one element per file.
import type { FileExtraction } from "../types";

export interface ContractEvent {
  kind: string;
  date: string | null;
  location: string | null;
  participants: { name: string; position: string | null; side: string }[];
  partners: { code: string | null; name: string; type: string }[];
  themes: string[];
  quotes: { speaker: string | null; text: string }[];
}

export interface ContractElement {
  source: string;
  language?: string;
  outlet?: string | null;
  publishedOn?: string | null;
  title?: string | null;
  people?: { name: string }[];
  error?: string;
  events: ContractEvent[];
}

/** Several articles in one file: events concatenated, meta of the first article that has it, people merged. */
export function toContractElement(source: string, file: FileExtraction): ContractElement {
  const { articles } = file;
  const first = <K extends "outlet" | "publishedOn" | "title">(key: K) =>
    articles.find((a) => a[key] != null)?.[key] ?? null;
  const people: { name: string }[] = [];
  const seen = new Set<string>();
  for (const article of articles) {
    for (const person of article.people) {
      const key = person.name.toLowerCase().replace(/ё/g, "е");
      if (!seen.has(key)) {
        seen.add(key);
        people.push({ name: person.name });
      }
    }
  }
  return {
    source,
    language: articles[0]?.language ?? "und",
    outlet: first("outlet"),
    publishedOn: first("publishedOn"),
    title: first("title"),
    people,
    events: articles.flatMap((a) =>
      a.events.map((e) => ({
        kind: e.kind,
        date: e.date,
        location: e.location,
        participants: e.participants.map((p) => ({ name: p.name, position: p.position, side: p.side })),
        partners: e.partners.map((p) => ({ code: p.code, name: p.name, type: p.type })),
        themes: e.themes.map((t) => t.code),
        quotes: e.quotes.map((q) => ({ speaker: q.speaker, text: q.text })),
      })),
    ),
  };
}

export function errorElement(source: string, message: string): ContractElement {
  return { source, error: message, events: [] };
}
