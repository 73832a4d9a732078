// The credentials check behind the Credentials provider, kept free of next-auth so
// that tests call it directly. An unknown account, a disabled one and a wrong password
// all answer "invalid" (and take about as long), so the answer reveals nothing.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/index";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";
import type { SessionUser } from "./session";
import { THROTTLE, accountKey, addressKey, claimAttempt, pruneStale, refundAttempt } from "./throttle";

export const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export type CredentialsResult =
  | { ok: true; user: SessionUser; signedInAt: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAt: Date };

// Verified against when the account does not exist, so that the timing is the same.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword("chronicle-no-such-account"));

/** Test seam: how many password checks ran (the throttle's test counts them). */
export const credentialStats = { passwordChecks: 0 };

export async function checkCredentials(input: unknown, ip: string | null): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const db = getDb();
  const keys = { account: accountKey(email), address: ip ? addressKey(ip) : undefined };

  // Counted before the password is checked (lib/auth/throttle.ts): the address first, then the account.
  await pruneStale(db);
  const byAddress = keys.address ? await claimAttempt(db, keys.address, THROTTLE.addressLimit) : null;
  if (byAddress && !byAddress.ok) return { ok: false, reason: "locked", retryAt: byAddress.retryAt };
  const byAccount = await claimAttempt(db, keys.account, THROTTLE.accountLimit);
  if (!byAccount.ok) return { ok: false, reason: "locked", retryAt: byAccount.retryAt };

  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      now: sql<number>`(extract(epoch from now()) * 1000)::float8`,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));

  credentialStats.passwordChecks++;
  const passwordOk = await verifyPassword(row?.passwordHash ?? (await dummy()), password);
  if (!row || row.disabled || !passwordOk) {
    // This failure may have started a delay: say until when, as the next attempt would.
    const retryAt = [byAccount.delayedUntil, byAddress?.ok ? byAddress.delayedUntil : null]
      .filter((d): d is Date => d !== null)
      .sort((a, b) => +b - +a)[0];
    return retryAt ? { ok: false, reason: "locked", retryAt } : { ok: false, reason: "invalid" };
  }
  await refundAttempt(db, keys);
  return {
    ok: true,
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
    // The database clock, the same one that stamps sessionsValidAfter on every instance.
    signedInAt: Number(row.now),
  };
}
