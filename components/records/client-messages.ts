// The message groups the review pages' client components translate in the browser
// (components/i18n/ClientMessages). tests/unit/client-messages.test.ts checks that every
// key those components use is covered, in every locale.

/** QueueTable, PartnerFilter, the status / confidence badges and the shortcuts overlay. */
export const queueClientMessages = [
  "review.bulk",
  "review.columns",
  "review.confidence",
  "review.kind",
  "review.noDate",
  "review.partnerSearch",
  "review.queue.caption",
  "review.queue.more",
  "review.shortcuts",
  "review.source",
  "review.status",
] as const;

/** RecordWorkspace and its panels (the queue's filters, tabs and columns are not needed there). */
export const recordClientMessages = [
  "review.confidence",
  "review.conflict",
  "review.history",
  "review.kind",
  // The conflict panel's explanation; every other result sentence comes from the server.
  "review.messages.conflict",
  "review.partnerSearch",
  "review.queue.pages",
  "review.record",
  "review.shortcuts",
  "review.side",
  "review.source",
  "review.status",
  // Sources, the record-set panel, merge / split / add / duplicates forms.
  "recordSet",
] as const;
