// The queue's filter menus change rarely (a new outlet or official now and then) but
// cost a scan of every record to list; keep them until the data changes.
import { listFilterOptions } from "@/db/queries/meetings";
import { versionedCache } from "@/lib/cache/versioned";

export const cachedFilterOptions = versionedCache("queue:filterOptions", () => listFilterOptions(), { maxEntries: 1 });
