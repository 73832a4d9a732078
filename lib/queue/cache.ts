// The queue's expensive, read-mostly answers, kept until the data changes
// (lib/cache/versioned.ts): a change committed by any process shows on the next request.
import { getDb } from "@/db/index";
import { countByStatus, listFilterOptions, type QueueFilters, type StatusCounts } from "@/db/queries/meetings";
import { versionedCache } from "@/lib/cache/versioned";

// Status counts scan every matching record (tens of milliseconds at 100,000 records, more
// with a full-text query), while the rows of a page take a few: the tabs' numbers are kept
// per filter set.
export const cachedCountByStatus: (filters: QueueFilters) => Promise<StatusCounts> = versionedCache("queue:counts", (filters: QueueFilters) => countByStatus(getDb(), filters), {
  maxEntries: 500,
});

// The filter menus change rarely (a new outlet or official now and then) but cost a scan
// of every record to list.
export const cachedFilterOptions = versionedCache("queue:filterOptions", () => listFilterOptions(getDb()), { maxEntries: 1 });
