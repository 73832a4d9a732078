// The charts' aggregations are the heaviest reads in Chronicle (each scans the filtered
// meetings), and the same filters are asked for again and again. Results are cached per
// (query, filter, locale) for a short while; anything that changes meetings may call
// revalidateTag(ANALYTICS_CACHE_TAG, "max") to refresh them at once on this instance.
// Other instances catch up within ANALYTICS_CACHE_SECONDS.
import { unstable_cache } from "next/cache";

export const ANALYTICS_CACHE_TAG = "analytics";
export const ANALYTICS_CACHE_SECONDS = 30;

export function cachedQuery<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  // Tests and commands run outside Next, where there is no cache to use.
  if (process.env.NODE_ENV === "test" || process.env.CHRONICLE_ANALYTICS_CACHE === "0") return fn;
  return unstable_cache(fn, ["analytics", name], { tags: [ANALYTICS_CACHE_TAG], revalidate: ANALYTICS_CACHE_SECONDS });
}
