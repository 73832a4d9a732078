// Status counts scan every matching record (tens of milliseconds at 100,000 records, more
// with a full-text query), while the rows of a page take a few; the tabs' numbers are
// kept per filter set until the data changes (lib/cache/versioned.ts).
import { countByStatus, type QueueFilters, type StatusCounts } from "@/db/queries/meetings";
import { versionedCache } from "@/lib/cache/versioned";

export const cachedCountByStatus: (filters: QueueFilters) => Promise<StatusCounts> = versionedCache("queue:counts", countByStatus, {
  maxEntries: 500,
});
