// The credentials check behind the Credentials provider, kept free of next-auth so
// that tests call it directly. An unknown account, a disabled one and a wrong password
// all answer "invalid" (and take about as long), so the answer reveals nothing.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/index";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";
import type { SessionUser } from "./session";
import { THROTTLE, accountKey, addressKey, clearFailures, lockedUntil, pruneStale, recordFailure } from "./throttle";

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

export async function checkCredentials(input: unknown, ip: string | null): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const db = getDb();
  const keys = [accountKey(email), ...(ip ? [addressKey(ip)] : [])];

  const locked = await lockedUntil(db, keys);
  if (locked) return { ok: false, reason: "locked", retryAt: locked };

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

  const passwordOk = await verifyPassword(row?.passwordHash ?? (await dummy()), password);
  if (!row || row.disabled || !passwordOk) {
    await pruneStale(db);
    const byAccount = await recordFailure(db, keys[0], THROTTLE.accountLimit);
    const byAddress = ip ? await recordFailure(db, keys[1], THROTTLE.addressLimit) : null;
    const retryAt = [byAccount, byAddress].filter((d): d is Date => d !== null).sort((a, b) => +b - +a)[0];
    return retryAt ? { ok: false, reason: "locked", retryAt } : { ok: false, reason: "invalid" };
  }
  await clearFailures(db, keys[0]);
  return {
    ok: true,
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
    // The database clock, the same one that stamps sessionsValidAfter on every instance.
    signedInAt: Number(row.now),
  };
}
