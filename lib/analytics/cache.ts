// The charts' aggregations are the heaviest reads in Chronicle, and the same filters are
// asked for again and again. Results are kept per (query, arguments) until the data
// changes (lib/cache/versioned.ts: keyed by the database's content version, so an
// approval in any process shows on the next request everywhere).
import { versionedCache } from "@/lib/cache/versioned";

export function cachedQuery<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  // 100 filter sets per chart: a few MB per process at most.
  return versionedCache(`analytics:${name}`, fn, { maxEntries: 100 });
}
