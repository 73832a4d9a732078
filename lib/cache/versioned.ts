// Read caches for the dashboard's expensive, read-mostly answers (status counts, filter
// menus, chart aggregations). An entry is valid while data_versions."content" is unchanged:
// the database bumps it at the commit of any change to meetings and what they hang on
// (migration 0005), so every server process, the CLI and the ingestion worker invalidate
// each other's caches without messages, and no edit is ever hidden behind a stale entry.
//
// Concurrent misses for the same key share one computation (20 users opening the same
// chart after an approval run its SQL once). The TTL is only a backstop.
import { cache as perRequest } from "react";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/index";
import { dataVersions } from "@/db/schema";

export interface VersionedCacheOptions {
  /** Backstop: recompute after this long even if nothing changed. */
  ttlMs?: number;
  /** Entries kept per cache (least recently used go first). */
  maxEntries?: number;
}

interface Entry<R> {
  version: number;
  at: number;
  value: Promise<R>;
}

async function readContentVersion(): Promise<number> {
  const [row] = await getDb().select({ version: dataVersions.version }).from(dataVersions).where(eq(dataVersions.name, "content"));
  return row?.version ?? 0;
}

/** The content version, read once per server request (React's per-request cache) and on every call elsewhere. */
export const contentVersion: () => Promise<number> = perRequest(readContentVersion);

/** Off with CHRONICLE_READ_CACHE=0 (to measure the bare queries) and under tests unless CHRONICLE_READ_CACHE=1. */
export function readCacheEnabled(): boolean {
  const setting = process.env.CHRONICLE_READ_CACHE;
  if (setting === "0" || setting === "1") return setting === "1";
  return process.env.NODE_ENV !== "test";
}

export function versionedCache<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => Promise<R>,
  { ttlMs = 5 * 60_000, maxEntries = 500 }: VersionedCacheOptions = {},
): ((...args: A) => Promise<R>) & { clear: () => void } {
  const entries = new Map<string, Entry<R>>();
  const cached = async (...args: A): Promise<R> => {
    if (!readCacheEnabled()) return fn(...args);
    const version = await contentVersion();
    const key = JSON.stringify(args, sortedKeys);
    const hit = entries.get(key);
    if (hit && hit.version === version && Date.now() - hit.at < ttlMs) {
      // Re-insert: Map order is the LRU order.
      entries.delete(key);
      entries.set(key, hit);
      return hit.value;
    }
    const value = fn(...args);
    const entry: Entry<R> = { version, at: Date.now(), value };
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    // A failure is not cached: the next caller tries again.
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return value;
  };
  Object.defineProperty(cached, "name", { value: `cached_${name}` });
  return Object.assign(cached, { clear: () => entries.clear() });
}

/** JSON.stringify replacer that sorts object keys, so {a,b} and {b,a} share an entry. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
