// Status counts scan every matching record (100 ms and more at 100,000 records), while
// the rows of a page take a few milliseconds; the tabs' numbers are kept for a short
// while per filter set and dropped whenever this process changes a record. Another
// instance's change shows within COUNT_TTL_MS.
import { countByStatus, type QueueFilters, type StatusCounts } from "@/db/queries/meetings";

export const COUNT_TTL_MS = 15_000;
const MAX_ENTRIES = 500;
const store = globalThis as unknown as { __reviewCounts?: Map<string, { at: number; value: Promise<StatusCounts> }> };
const cache = (store.__reviewCounts ??= new Map());

export function cachedCountByStatus(filters: QueueFilters): Promise<StatusCounts> {
  const key = JSON.stringify(filters, Object.keys(filters).sort());
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < COUNT_TTL_MS) return hit.value;
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  const value = countByStatus(filters).catch((error) => {
    cache.delete(key);
    throw error;
  });
  cache.set(key, { at: Date.now(), value });
  return value;
}

/** Call after any write that changes a record's status or filtered fields (review actions, ingestion). */
export function invalidateQueueCounts(): void {
  cache.clear();
}
