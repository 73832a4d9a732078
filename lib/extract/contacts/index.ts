// The contact stage: which diplomatic contacts an article reports as having happened, and for
// each its kind, date, place, participants by side, partners, themes and quotes, with the spans
// and confidences editors need to check them. A pipeline of pure stages, each taking the
// previous stage's typed result and returning its own:
//
//   segmentArticle  → units: paragraphs, sentences, speech (units.ts)
//   collectMentions → people with titles and affiliations, partners, datelines (mentions.ts)
//   addTitleReferences → "министр", "спикер", "аким" as mentions of the person meant (references.ts)
//   readSentences   → each sentence's trigger, background, headline; the body's end (roles.ts)
//   assignSides     → home or partner for every person (sides.ts)
//   findContactClauses → each report sentence's trigger, people by side and counterpart (clauses.ts)
//   groupContacts   → clauses grouped per contact: a new counterpart, a new contact (grouping.ts)
//   completeContacts→ each contact's kind and participants (participants.ts)
//   buildEvent      → fields: partners, date, place, themes, quotes (event.ts)
//   finalizeEvents  → partners lent between a visitor's records, duplicates merged (finalize.ts)
import type { EventInput, ExtractedEvent } from "../types";
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
  const article = findContactClauses(assignSides(readSentences(addTitleReferences(collectMentions(units, input)))));
  const contacts = completeContacts(article, groupContacts(article));
  return finalizeEvents(buildEvents(article, contacts));
}

/** Kazakh-language text: only Russian is extracted. */
function kazakhText(text: string): boolean {
  const kk = text.match(KAZAKH_LETTERS);
  return !!kk && kk.length > 30 && kk.length > text.length / 150;
}
