// The charts' aggregations are the heaviest reads in Chronicle (each scans the filtered
// meetings), and the same filters are asked for again and again. Results are cached per
// (query, filter, locale) for a short while; anything that changes meetings may call
// revalidateTag(ANALYTICS_CACHE_TAG, "max") to refresh them at once on this instance.
// Other instances catch up within ANALYTICS_CACHE_SECONDS.
import { createHash } from "node:crypto";
import { unstable_cache } from "next/cache";
import { env } from "@/lib/config/env";

export const ANALYTICS_CACHE_TAG = "analytics";
export const ANALYTICS_CACHE_SECONDS = 30;

export function cachedQuery<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  // Tests and commands run outside Next, where there is no cache to use.
  if (process.env.NODE_ENV === "test" || process.env.CHRONICLE_ANALYTICS_CACHE === "0") return fn;
  // The cache outlives the process (it is kept in the build directory), so the key names
  // the database: a restart on another database must never serve the previous one's numbers.
  const database = createHash("sha256").update(env.databaseUrl ?? env.pgliteDir).digest("hex").slice(0, 16);
  return unstable_cache(fn, ["analytics", name, database], { tags: [ANALYTICS_CACHE_TAG], revalidate: ANALYTICS_CACHE_SECONDS });
}
