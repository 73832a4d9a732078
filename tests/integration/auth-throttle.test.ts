// Issue 16 item 2: attempts are counted before the password check (atomically), delays
// grow instead of a hard lock, and an admin can clear them.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signInThrottle } from "@/db/schema";
import { checkCredentials, credentialStats } from "@/lib/auth/credentials";
import { THROTTLE, accountKey, addressKey, clearThrottle, delayMs } from "@/lib/auth/throttle";
import { clearSignInDelayAction, setUserRoleAction } from "@/lib/actions/users";
import { actAs, makeUser, resetSessionAfterEach } from "../helpers/auth-session";
import { testDbKinds, useTestDb } from "../helpers/test-db";

const PASSWORD = "Верный-пароль-7";

describe.each(testDbKinds())("sign-in throttling on %s", (kind) => {
  const t = useTestDb(kind);
  resetSessionAfterEach();

  it(`runs exactly ${THROTTLE.accountLimit} password checks for 100 concurrent wrong passwords to one account`, async () => {
    await makeUser(t.db, "admin", { email: "boss@senate.kz", password: PASSWORD });
    const before = credentialStats.passwordChecks;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => checkCredentials({ email: "boss@senate.kz", password: `wrong-${i}-Aa` }, `10.9.${i >> 8}.${i & 255}`)),
    );
    expect(credentialStats.passwordChecks - before).toBe(THROTTLE.accountLimit);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(THROTTLE.accountLimit - 1);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(100 - (THROTTLE.accountLimit - 1));
    const [row] = await t.db.select().from(signInThrottle).where(eq(signInThrottle.key, accountKey("boss@senate.kz")));
    expect(row.failures).toBe(THROTTLE.accountLimit);
  });

  it("delays grow with every failure past the limit (1, 2, 4 … at most 15 minutes), not a fixed lock", async () => {
    expect([4, 5, 6, 7, 8, 9, 30].map((n) => delayMs(n, 5) / 60_000)).toEqual([0, 1, 2, 4, 8, 15, 15]);
    await makeUser(t.db, "editor", { email: "grow@senate.kz", password: PASSWORD });
    const key = accountKey("grow@senate.kz");
    const minutesLeft = async () => {
      const [row] = await t.db
        .select({ left: sql<number>`extract(epoch from ${signInThrottle.lockedUntil} - now()) / 60` })
        .from(signInThrottle)
        .where(eq(signInThrottle.key, key));
      return Math.round(Number(row.left));
    };
    const expire = () => t.db.update(signInThrottle).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(signInThrottle.key, key));
    for (let i = 0; i < THROTTLE.accountLimit; i++) await checkCredentials({ email: "grow@senate.kz", password: "x-wrong-Aa1" }, null);
    expect(await minutesLeft()).toBe(1);
    await expire();
    await checkCredentials({ email: "grow@senate.kz", password: "x-wrong-Aa1" }, null);
    expect(await minutesLeft()).toBe(2);
    await expire();
    // After the delay the right password signs in and clears the count.
    expect(await checkCredentials({ email: "grow@senate.kz", password: PASSWORD }, null)).toMatchObject({ ok: true });
    expect(await t.db.select().from(signInThrottle).where(eq(signInThrottle.key, key))).toEqual([]);
  });

  it("an admin clears an account's delay and an address's delay", async () => {
    await makeUser(t.db, "editor", { email: "held@senate.kz", password: PASSWORD });
    for (let i = 0; i < THROTTLE.accountLimit; i++) await checkCredentials({ email: "held@senate.kz", password: "x-wrong-Aa1" }, "10.8.0.1");
    expect(await checkCredentials({ email: "held@senate.kz", password: PASSWORD }, "10.8.0.2")).toMatchObject({ reason: "locked" });
    expect(await clearThrottle(t.db, accountKey("HELD@senate.kz"))).toBe(true);
    expect(await checkCredentials({ email: "held@senate.kz", password: PASSWORD }, "10.8.0.2")).toMatchObject({ ok: true });
    for (let i = 0; i < THROTTLE.addressLimit; i++) await checkCredentials({ email: `g${i}@senate.kz`, password: "x-wrong-Aa1" }, "10.8.0.3");
    expect(await checkCredentials({ email: "held@senate.kz", password: PASSWORD }, "10.8.0.3")).toMatchObject({ reason: "locked" });
    expect(await clearThrottle(t.db, addressKey("10.8.0.3"))).toBe(true);
    expect(await checkCredentials({ email: "held@senate.kz", password: PASSWORD }, "10.8.0.3")).toMatchObject({ ok: true });
  });

  it("the Users page's action clears a delay for admins only, and refuses a malformed target or user id", async () => {
    const admin = await makeUser(t.db, "admin");
    const editor = await makeUser(t.db, "editor", { email: "late2@senate.kz", password: PASSWORD });
    for (let i = 0; i < THROTTLE.accountLimit; i++) await checkCredentials({ email: "late2@senate.kz", password: "x-wrong-Aa1" }, null);
    const form = (entries: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(entries)) f.set(k, v);
      return f;
    };
    actAs(editor.id);
    expect(await clearSignInDelayAction(null, form({ target: "late2@senate.kz" }))).toMatchObject({ ok: false });
    actAs(admin.id);
    expect(await clearSignInDelayAction(null, form({ target: "not an address" }))).toMatchObject({ ok: false, fieldErrors: { target: [expect.any(String)] } });
    expect(await clearSignInDelayAction(null, form({ target: "late2@senate.kz" }))).toMatchObject({ ok: true });
    expect(await checkCredentials({ email: "late2@senate.kz", password: PASSWORD }, null)).toMatchObject({ ok: true });
    // Issue 16 item 6: a user id past PostgreSQL's integer is a sentence, not a 500.
    expect(await setUserRoleAction(null, form({ userId: "99999999999", role: "viewer" }))).toMatchObject({ ok: false, fieldErrors: { userId: [expect.any(String)] } });
  });
});
