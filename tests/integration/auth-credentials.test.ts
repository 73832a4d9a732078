import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openPostgres, setDb, type Db } from "@/db/index";
import { signInThrottle, users } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { THROTTLE } from "@/lib/auth/throttle";
import { makeUser } from "../helpers/auth-session";
import { testDbKinds, useTestDb } from "../helpers/test-db";

const PASSWORD = "Верный-пароль-7";

describe.each(testDbKinds())("credentials check on %s", (kind) => {
  const t = useTestDb(kind);

  it("accepts the right password (e-mail in any case) and stamps the sign-in with the database clock", async () => {
    const user = await makeUser(t.db, "editor", { email: "Aigul@Senate.kz", password: PASSWORD });
    const before = Date.now() - 5_000;
    const result = await checkCredentials({ email: "  aigul@senate.KZ ", password: PASSWORD }, "10.0.0.1");
    expect(result).toMatchObject({ ok: true, user: { id: user.id, email: "Aigul@Senate.kz", role: "editor" } });
    expect(result.ok && result.signedInAt).toBeGreaterThan(before);
  });

  it("gives the same answer for an unknown account, a wrong password and a disabled account", async () => {
    await makeUser(t.db, "editor", { email: "known@senate.kz", password: PASSWORD });
    await makeUser(t.db, "editor", { email: "off@senate.kz", password: PASSWORD, disabled: true });
    const unknown = await checkCredentials({ email: "nobody@senate.kz", password: PASSWORD }, null);
    const wrong = await checkCredentials({ email: "known@senate.kz", password: "Неверный-пароль-7" }, null);
    const disabled = await checkCredentials({ email: "off@senate.kz", password: PASSWORD }, null);
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);
    expect(disabled).toEqual(unknown);
  });

  it("refuses malformed input without touching the counters", async () => {
    expect(await checkCredentials({ email: "", password: "" }, "10.0.0.9")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials("not an object", "10.0.0.9")).toEqual({ ok: false, reason: "invalid" });
    expect(await t.db.select().from(signInThrottle)).toEqual([]);
  });

  it(`delays an account after ${THROTTLE.accountLimit} failures in the window, even for the right password, and says until when`, async () => {
    await makeUser(t.db, "editor", { email: "target@senate.kz", password: PASSWORD });
    for (let i = 1; i < THROTTLE.accountLimit; i++) {
      // A different address each time: the account counter alone must lock.
      expect(await checkCredentials({ email: "target@senate.kz", password: `wrong-${i}-Aa` }, `10.1.0.${i}`)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const last = await checkCredentials({ email: "TARGET@senate.kz", password: "wrong-last-Aa" }, "10.1.0.99");
    expect(last).toMatchObject({ ok: false, reason: "locked" });
    const retryAt = (last as { retryAt: Date }).retryAt.getTime();
    expect(retryAt - Date.now()).toBeGreaterThan(THROTTLE.baseDelayMs - 30_000);
    expect(retryAt - Date.now()).toBeLessThanOrEqual(THROTTLE.baseDelayMs + 5_000);
    const right = await checkCredentials({ email: "target@senate.kz", password: PASSWORD }, "10.1.0.100");
    expect(right).toMatchObject({ ok: false, reason: "locked" });
    // Another account from the same addresses is unaffected.
    await makeUser(t.db, "viewer", { email: "other@senate.kz", password: PASSWORD });
    expect(await checkCredentials({ email: "other@senate.kz", password: PASSWORD }, "10.1.0.1")).toMatchObject({ ok: true });
  });

  it("unlocks when the lock has passed, and a success clears the account's count", async () => {
    await makeUser(t.db, "editor", { email: "late@senate.kz", password: PASSWORD });
    for (let i = 0; i < THROTTLE.accountLimit; i++) await checkCredentials({ email: "late@senate.kz", password: "x-wrong-Aa1" }, null);
    expect(await checkCredentials({ email: "late@senate.kz", password: PASSWORD }, null)).toMatchObject({ reason: "locked" });
    // Time passes: move the lock and the window into the past.
    await t.db
      .update(signInThrottle)
      .set({ lockedUntil: sql`now() - interval '1 second'`, windowStart: sql`now() - interval '1 hour'` });
    expect(await checkCredentials({ email: "late@senate.kz", password: PASSWORD }, null)).toMatchObject({ ok: true });
    expect(await t.db.select().from(signInThrottle).where(eq(signInThrottle.key, "acct:late@senate.kz"))).toEqual([]);
  });

  it("starts a new window after the old one expired instead of adding to it", async () => {
    await makeUser(t.db, "editor", { email: "slow@senate.kz", password: PASSWORD });
    for (let i = 0; i < THROTTLE.accountLimit - 1; i++) await checkCredentials({ email: "slow@senate.kz", password: "x-wrong-Aa1" }, null);
    await t.db.update(signInThrottle).set({ windowStart: sql`now() - interval '16 minutes'` });
    expect(await checkCredentials({ email: "slow@senate.kz", password: "x-wrong-Aa1" }, null)).toEqual({ ok: false, reason: "invalid" });
    const [row] = await t.db.select().from(signInThrottle).where(eq(signInThrottle.key, "acct:slow@senate.kz"));
    expect(row.failures).toBe(1);
  });

  it(`locks an address after ${THROTTLE.addressLimit} failures across different accounts`, async () => {
    await makeUser(t.db, "editor", { email: "victim@senate.kz", password: PASSWORD });
    const ip = "203.0.113.7";
    for (let i = 1; i < THROTTLE.addressLimit; i++) {
      expect(await checkCredentials({ email: `guess${i}@senate.kz`, password: "x-wrong-Aa1" }, ip)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await checkCredentials({ email: "guess-last@senate.kz", password: "x-wrong-Aa1" }, ip)).toMatchObject({ reason: "locked" });
    expect(await checkCredentials({ email: "victim@senate.kz", password: PASSWORD }, ip)).toMatchObject({ reason: "locked" });
    // The same account from another address still signs in.
    expect(await checkCredentials({ email: "victim@senate.kz", password: PASSWORD }, "198.51.100.1")).toMatchObject({ ok: true });
  });

  it("counts failures from several instances sharing the database (concurrent attempts lose no count)", async () => {
    await makeUser(t.db, "editor", { email: "shared@senate.kz", password: PASSWORD });
    // "Instances" = separate connection pools to the same database (PGlite: the one embedded client).
    const second: { db: Db; close: () => Promise<void> } =
      kind === "postgres" ? openPostgres(t.current.url!, { max: 2 }) : { db: t.db, close: async () => {} };
    try {
      const attempt = async (db: Db, i: number) => {
        setDb(db, kind);
        return checkCredentials({ email: "shared@senate.kz", password: `x-wrong-${i}-Aa` }, `192.0.2.${i}`);
      };
      // Alternate instances; concurrently, so the counter upsert must be atomic.
      const results = await Promise.all([0, 1, 2, 3, 4].map((i) => attempt(i % 2 ? second.db : t.db, i)));
      expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(1);
      const [row] = await t.db.select().from(signInThrottle).where(eq(signInThrottle.key, "acct:shared@senate.kz"));
      expect(row.failures).toBe(THROTTLE.accountLimit);
      setDb(second.db, kind);
      expect(await checkCredentials({ email: "shared@senate.kz", password: PASSWORD }, "192.0.2.200")).toMatchObject({ reason: "locked" });
    } finally {
      setDb(t.db, kind);
      await second.close();
    }
  });

  it("prunes counters whose window and lock are long over", async () => {
    await t.db.insert(signInThrottle).values([
      { key: "ip:198.51.100.50", failures: 3, windowStart: sql`now() - interval '2 hours'` },
      { key: "ip:198.51.100.51", failures: 3, windowStart: sql`now() - interval '2 hours'`, lockedUntil: sql`now() + interval '5 minutes'` },
    ]);
    await checkCredentials({ email: "nobody@senate.kz", password: "x-wrong-Aa1" }, "198.51.100.52");
    const keys = (await t.db.select({ key: signInThrottle.key }).from(signInThrottle)).map((r) => r.key).sort();
    expect(keys).toEqual(["acct:nobody@senate.kz", "ip:198.51.100.51", "ip:198.51.100.52"]);
  });

  it("never stores the password or its hash anywhere but users.password_hash", async () => {
    const user = await makeUser(t.db, "viewer", { email: "h@senate.kz", password: PASSWORD });
    const [row] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row.hash).toMatch(/^\$argon2id\$/);
    expect(row.hash).not.toContain(PASSWORD);
  });
});
