// The extractor the app uses: built from the database's registries, rebuilt when they change.
import type { Db } from "@/db/index";
import { createExtractor, EXTRACTOR_VERSION } from "@/lib/extract";
import type { Registry } from "@/lib/extract/types";
import { newRegistryKey, runExtraction } from "@/lib/extract-runner";
import type { ArticleExtractor } from "@/lib/ingest/types";
import { isEmptyRegistry, loadRegistry, registryVersion } from "./load";

export { isEmptyRegistry, loadRegistry, registryVersion };

export interface AppExtractor extends ArticleExtractor {
  /** EXTRACTOR_VERSION plus the registry version it was built from. */
  version: string;
  registry: Registry | null;
}

type Cached = { version: string; extractor: AppExtractor; checkedAt: number };

/**
 * How long a cached extractor is used without asking the database whether the
 * registries changed: changes made in this process invalidate at once, changes made by
 * another instance are seen within this time.
 */
const RECHECK_MS = 2000;

// One cache per database handle (tests give every test its own database).
const store = globalThis as unknown as { __chronicleRegistryCache?: WeakMap<Db, Promise<Cached>> };
const cache = (): WeakMap<Db, Promise<Cached>> => (store.__chronicleRegistryCache ??= new WeakMap());

/** Forget the cached registry: the registries pages call it after every change. */
export function invalidateRegistry(db?: Db): void {
  if (db) cache().delete(db);
  else store.__chronicleRegistryCache = new WeakMap();
}

async function build(db: Db, version: string): Promise<Cached> {
  const registry = await loadRegistry(db);
  const useDb = !isEmptyRegistry(registry);
  const extractor = createExtractor(useDb ? registry : undefined);
  const registryKey = newRegistryKey();
  const shipped = useDb ? registry : null;
  return {
    version,
    checkedAt: Date.now(),
    extractor: {
      extractBytes: (bytes, opts) => extractor.extractBytes(bytes, opts),
      extractText: (text, opts) => extractor.extractText(text, opts),
      runBytes: (bytes, opts) => runExtraction({ kind: "bytes", bytes, fileName: opts?.fileName, fallbackDate: opts?.fallbackDate }, registryKey, shipped),
      runText: (text, opts) => runExtraction({ kind: "text", text, isHtml: opts?.isHtml, fallbackDate: opts?.fallbackDate }, registryKey, shipped),
      version: EXTRACTOR_VERSION,
      registry: useDb ? registry : null,
    },
  };
}

/** The extractor over the database's current registries (cached until they change). */
export async function createAppExtractor(db: Db): Promise<AppExtractor> {
  const pending = cache().get(db);
  const cached = pending ? await pending.catch(() => null) : null;
  if (cached && Date.now() - cached.checkedAt < RECHECK_MS) return cached.extractor;
  const version = await registryVersion(db);
  if (cached && cached.version === version && cache().get(db) === pending) {
    cached.checkedAt = Date.now();
    return cached.extractor;
  }
  const fresh = build(db, version);
  cache().set(db, fresh);
  fresh.catch(() => cache().delete(db));
  return (await fresh).extractor;
}
