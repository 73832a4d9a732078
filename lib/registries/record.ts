// Shared plumbing of registry changes: one history row per change, and the rule that
// every change to what the extractor reads drops the cached registry at once.
import type { DbOrTx } from "@/db/index";
import { history } from "@/db/schema";
import { invalidateRegistry } from "@/lib/app-extractor";
import type { Db } from "@/db/index";

export type HistoryInsert = typeof history.$inferInsert;

export async function recordHistory(tx: DbOrTx, rows: HistoryInsert | HistoryInsert[]): Promise<number[]> {
  const list = Array.isArray(rows) ? rows : [rows];
  if (list.length === 0) return [];
  const inserted = await tx.insert(history).values(list).returning({ id: history.id });
  return inserted.map((r) => r.id);
}

/** Call after the transaction that changed a registry has committed. */
export function registryChanged(db: Db): void {
  invalidateRegistry(db);
}

/** Registry operations answer with a code instead of throwing at the form. */
export type RegistryResult<T = unknown> =
  | ({ ok: true } & T)
  | { ok: false; code: "not_found" | "conflict" | "invalid" | "same" | "already_merged" | "not_merged" | "nothing_to_undo" | "alias_taken" };
