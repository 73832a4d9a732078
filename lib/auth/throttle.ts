// Failed sign-ins counted per account and per client address in the sign_in_throttle
// table, so every app instance sharing the database sees the same counts.
// A key is locked for LOCK_MS once it reaches its limit within WINDOW_MS.
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { signInThrottle } from "@/db/schema";

export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  accountLimit: 5,
  addressLimit: 20,
} as const;

export const accountKey = (email: string): string => `acct:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string): string => `ip:${ip}`;

/** The latest lock among the keys, if any is locked now (database clock). */
export async function lockedUntil(db: DbOrTx, keys: string[]): Promise<Date | null> {
  let latest: Date | null = null;
  for (const key of keys) {
    const [row] = await db
      .select({ lockedUntil: signInThrottle.lockedUntil, active: sql<boolean>`${signInThrottle.lockedUntil} > now()` })
      .from(signInThrottle)
      .where(eq(signInThrottle.key, key));
    if (row?.active && row.lockedUntil && (!latest || row.lockedUntil > latest)) latest = row.lockedUntil;
  }
  return latest;
}

/**
 * Counts one failure against the key in a single atomic upsert (concurrent instances
 * cannot lose a count), restarting the window when it has expired, and locks the key
 * when the count reaches `limit`. Returns the lock's end when this failure locked it.
 */
export async function recordFailure(db: DbOrTx, key: string, limit: number): Promise<Date | null> {
  const window = sql.raw(`interval '${THROTTLE.windowMs} milliseconds'`);
  const lock = sql.raw(`interval '${THROTTLE.lockMs} milliseconds'`);
  const expired = sql`${signInThrottle.windowStart} + ${window} <= now()`;
  const nextFailures = sql`case when ${expired} then 1 else ${signInThrottle.failures} + 1 end`;
  const [row] = await db
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStart: sql`now()`, lockedUntil: limit <= 1 ? sql`now() + ${lock}` : null })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: nextFailures,
        windowStart: sql`case when ${expired} then now() else ${signInThrottle.windowStart} end`,
        lockedUntil: sql`case when ${nextFailures} >= ${limit} then now() + ${lock} else ${signInThrottle.lockedUntil} end`,
      },
    })
    .returning({ failures: signInThrottle.failures, lockedUntil: signInThrottle.lockedUntil });
  return row && row.failures >= limit ? row.lockedUntil : null;
}

/** Drops counters whose window and lock are long over, so guessed addresses do not pile up. */
export async function pruneStale(db: DbOrTx): Promise<void> {
  const age = sql.raw(`interval '${THROTTLE.windowMs + THROTTLE.lockMs} milliseconds'`);
  await db
    .delete(signInThrottle)
    .where(sql`${signInThrottle.windowStart} < now() - ${age} and (${signInThrottle.lockedUntil} is null or ${signInThrottle.lockedUntil} < now())`);
}

/** A successful sign-in clears the account's count (the address keeps its own). */
export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}
