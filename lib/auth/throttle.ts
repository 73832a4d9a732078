// Sign-in attempts counted per account and per client address in the sign_in_throttle
// table, so every app instance sharing the database sees the same counts.
//
// An attempt is counted BEFORE its password is checked, in one atomic upsert that also
// refuses it while the key is delayed: of N concurrent attempts at most the limit's
// number reach the (slow) password check, the others are refused unchecked. A success
// gives the attempt back. Past the limit there is no hard lock that anyone could set
// off for everyone: each further failure delays the next attempt, 1 minute, then 2, 4,
// 8, at most 15; an admin clears an account's or an address's delay (Users page).
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/index";
import { signInThrottle } from "@/db/schema";

export const THROTTLE = {
  windowMs: 15 * 60_000,
  /** The first delay once a key has reached its limit; it doubles with every further failure. */
  baseDelayMs: 60_000,
  maxDelayMs: 15 * 60_000,
  accountLimit: 5,
  addressLimit: 20,
} as const;

export const accountKey = (email: string): string => `acct:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string): string => `ip:${ip}`;

/** The delay after the `failures`-th counted attempt (0 below the limit). */
export function delayMs(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(THROTTLE.maxDelayMs, THROTTLE.baseDelayMs * 2 ** Math.min(failures - limit, 20));
}

export type Claim = { ok: true; delayedUntil: Date | null } | { ok: false; retryAt: Date };

/**
 * Counts one attempt against the key unless the key is delayed now (then refuses it and
 * says until when). One statement: the row lock orders concurrent attempts, each sees
 * the count the previous one left. Restarts the count when the window has expired.
 */
export async function claimAttempt(db: DbOrTx, key: string, limit: number): Promise<Claim> {
  const window = sql.raw(`interval '${THROTTLE.windowMs} milliseconds'`);
  const expired = sql`${signInThrottle.windowStart} + ${window} <= now()`;
  const next = sql`(case when ${expired} then 1 else ${signInThrottle.failures} + 1 end)`;
  const delay = sql`least(${THROTTLE.maxDelayMs}::float8, ${THROTTLE.baseDelayMs}::float8 * power(2, least(${next} - ${limit}, 20)))`;
  const [row] = await db
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStart: sql`now()`, lockedUntil: limit <= 1 ? sql`now() + ${THROTTLE.baseDelayMs} * interval '1 millisecond'` : null })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: next,
        windowStart: sql`case when ${expired} then now() else ${signInThrottle.windowStart} end`,
        lockedUntil: sql`case when ${next} >= ${limit} then now() + ${delay} * interval '1 millisecond' else null end`,
      },
      setWhere: sql`${signInThrottle.lockedUntil} is null or ${signInThrottle.lockedUntil} <= now()`,
    })
    .returning({ lockedUntil: signInThrottle.lockedUntil });
  if (row) return { ok: true, delayedUntil: row.lockedUntil };
  const [held] = await db.select({ lockedUntil: signInThrottle.lockedUntil }).from(signInThrottle).where(eq(signInThrottle.key, key));
  return { ok: false, retryAt: held?.lockedUntil ?? new Date() };
}

/** A successful sign-in gives its counted attempt back: the account's count is cleared, the address's lowered. */
export async function refundAttempt(db: DbOrTx, keys: { account: string; address?: string }): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, keys.account));
  if (keys.address) {
    await db
      .update(signInThrottle)
      .set({ failures: sql`greatest(${signInThrottle.failures} - 1, 0)` })
      .where(eq(signInThrottle.key, keys.address));
  }
}

/** Drops counters whose window and delay are long over, so guessed addresses do not pile up. */
export async function pruneStale(db: DbOrTx): Promise<void> {
  const age = sql.raw(`interval '${THROTTLE.windowMs + THROTTLE.maxDelayMs} milliseconds'`);
  await db
    .delete(signInThrottle)
    .where(sql`${signInThrottle.windowStart} < now() - ${age} and (${signInThrottle.lockedUntil} is null or ${signInThrottle.lockedUntil} < now())`);
}

/** An admin clears the count and delay of an account (e-mail) or of an address. */
export async function clearThrottle(db: DbOrTx, key: string): Promise<boolean> {
  const removed = await db.delete(signInThrottle).where(eq(signInThrottle.key, key)).returning({ key: signInThrottle.key });
  return removed.length > 0;
}
