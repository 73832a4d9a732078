// The queue's filter menus change rarely (a new outlet or official now and then) but
// cost a scan of every record to list; keep them for a minute per process.
import { listFilterOptions } from "@/db/queries/meetings";

type Options = Awaited<ReturnType<typeof listFilterOptions>>;
const store = globalThis as unknown as { __reviewFilterOptions?: { at: number; value: Promise<Options> } };
const ttlMs = 60_000;

export function cachedFilterOptions(): Promise<Options> {
  const hit = store.__reviewFilterOptions;
  if (hit && Date.now() - hit.at < ttlMs) return hit.value;
  const value = listFilterOptions().catch((error) => {
    store.__reviewFilterOptions = undefined;
    throw error;
  });
  store.__reviewFilterOptions = { at: Date.now(), value };
  return value;
}
