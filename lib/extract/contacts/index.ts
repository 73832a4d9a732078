// The contact stage: which diplomatic contacts an article reports as having happened, and for
// each its kind, date, place, participants by side, partners, themes and quotes, with the spans
// and confidences editors need to check them. A pipeline of pure stages, each taking the
// previous stage's typed result and returning its own:
//
//   segmentArticle  → units: paragraphs, sentences, speech (units.ts)
//   collectMentions → people with titles and affiliations, partners, datelines (mentions.ts)
//   readSentences   → each sentence's trigger, background, headline; the body's end (roles.ts)
//   assignSides     → home or partner for every person (sides.ts)
//   groupContacts   → trigger sentences grouped per contact (grouping.ts)
//   completeContacts→ each contact's kind and participants (participants.ts)
//   buildEvent      → fields: partners, date, place, themes, quotes (event.ts)
//   finalizeEvents  → partners lent between a visitor's records, duplicates merged (finalize.ts)
import type { EventInput, ExtractedEvent } from "../types";
import { buildEvent } from "./event";
import { finalizeEvents } from "./finalize";
import { groupContacts } from "./grouping";
import { collectMentions } from "./mentions";
import { completeContacts } from "./participants";
import { readSentences } from "./roles";
import { assignSides } from "./sides";
import { segmentArticle } from "./units";

const KAZAKH_LETTERS = /[әғқңөұүһі]/giu;

export function extractEvents(input: EventInput): ExtractedEvent[] {
  try {
    return eventsOf(input);
  } catch {
    // A rule tripping over an unusual article must not cost the file its people and metadata.
    return [];
  }
}

function eventsOf(input: EventInput): ExtractedEvent[] {
  if (!input.text || input.text.length < 40 || kazakhText(input.text)) return [];
  const units = segmentArticle(input.text);
  if (!units.sentences.length) return [];
  const article = assignSides(readSentences(collectMentions(units, input)));
  const contacts = completeContacts(article, groupContacts(article));
  return finalizeEvents(contacts.flatMap((c) => buildEvent(article, c) ?? []));
}

/** Kazakh-language text: only Russian is extracted. */
function kazakhText(text: string): boolean {
  const kk = text.match(KAZAKH_LETTERS);
  return !!kk && kk.length > 30 && kk.length > text.length / 150;
}
