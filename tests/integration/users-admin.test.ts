import { and, asc, eq } from "drizzle-orm";
import ru from "@/lib/i18n/messages/ru.json";
import { describe, expect, it } from "vitest";
import { history, users } from "@/db/schema";
import {
  createUserAction,
  resetUserPasswordAction,
  setUserDisabledAction,
  setUserRoleAction,
} from "@/lib/actions/users";
import { checkCredentials } from "@/lib/auth/credentials";
import { getSessionUser } from "@/lib/auth/session";
import { actAs, actAsAnonymous, makeUser, resetSessionAfterEach } from "../helpers/auth-session";
import { testDbKinds, useTestDb } from "../helpers/test-db";

describe.each(testDbKinds())("admin user management on %s", (kind) => {
  const t = useTestDb(kind);
  resetSessionAfterEach();

  const userHistory = (id: number) =>
    t.db
      .select({ action: history.action, field: history.field, before: history.before, after: history.after, userId: history.userId })
      .from(history)
      .where(and(eq(history.entityType, "user"), eq(history.entityId, id)))
      .orderBy(asc(history.id));

  it("refuses every action to anonymous callers, viewers and editors, changing nothing", async () => {
    const target = await makeUser(t.db, "viewer");
    const calls = [
      () => createUserAction(null, { email: "new@senate.kz", role: "admin", password: "Strong-pass-1" }),
      () => setUserRoleAction(null, { userId: target.id, role: "admin" }),
      () => setUserDisabledAction(null, { userId: target.id, disabled: true }),
      () => resetUserPasswordAction(null, { userId: target.id, password: "Other-pass-22" }),
    ];
    for (const who of [null, "viewer", "editor"] as const) {
      if (who) actAs((await makeUser(t.db, who)).id);
      else actAsAnonymous();
      for (const call of calls) expect(await call()).toMatchObject({ ok: false });
    }
    const [row] = await t.db.select().from(users).where(eq(users.id, target.id));
    expect(row).toMatchObject({ role: "viewer", disabled: false });
    expect(await t.db.select().from(users).where(eq(users.email, "new@senate.kz"))).toEqual([]);
    expect(await t.db.select().from(history)).toEqual([]);
  });

  it("creates a user who can sign in, with a history row naming the admin and no password in it", async () => {
    const admin = await makeUser(t.db, "admin");
    actAs(admin.id);
    const result = await createUserAction(null, { email: "Dana@Senate.kz", name: "Дана", role: "editor", password: "Сильный-пароль-1" });
    expect(result).toMatchObject({ ok: true });
    const [created] = await t.db.select().from(users).where(eq(users.email, "Dana@Senate.kz"));
    expect(created).toMatchObject({ role: "editor", name: "Дана", disabled: false });
    expect(await checkCredentials({ email: "dana@senate.kz", password: "Сильный-пароль-1" }, null)).toMatchObject({ ok: true });
    const rows = await userHistory(created.id);
    expect(rows).toEqual([{ action: "create", field: null, before: null, after: { email: "Dana@Senate.kz", name: "Дана", role: "editor" }, userId: admin.id }]);
    expect(JSON.stringify(rows)).not.toContain("пароль");
  });

  it("answers bad input with a clear message and creates nothing", async () => {
    const admin = await makeUser(t.db, "admin");
    actAs(admin.id);
    const weak = await createUserAction(null, { email: "weak@senate.kz", role: "viewer", password: "aaaaaaaaaaaa" });
    expect(weak).toEqual({
      ok: false,
      message: ru.common.checkFields,
      fieldErrors: { password: [ru.users.errors.password_one_class] },
      // The form keeps what was typed, except the password.
      values: { email: "weak@senate.kz", role: "viewer" },
    });
    const short = await createUserAction(null, { email: "short@senate.kz", role: "viewer", password: "Ab1" });
    expect(short.ok).toBe(false);
    const asEmail = await createUserAction(null, { email: "samesame@senate.kz", role: "viewer", password: "samesame@senate.kz1" });
    expect(asEmail.ok).toBe(false);
    const badRole = await createUserAction(null, { email: "r@senate.kz", role: "root", password: "Strong-pass-1" });
    expect(badRole.ok).toBe(false);
    const badEmail = await createUserAction(null, { email: "not-an-email", role: "viewer", password: "Strong-pass-1" });
    expect(badEmail.ok).toBe(false);
    const dupe = await createUserAction(null, { email: admin.email.toUpperCase(), role: "viewer", password: "Strong-pass-1" });
    expect(dupe).toEqual({ ok: false, message: ru.users.errors.email_taken, values: { email: admin.email.toUpperCase(), role: "viewer" } });
    expect(await t.db.select({ id: users.id }).from(users)).toHaveLength(1);
  });

  it("changes a role with history, and voids the user's existing session", async () => {
    const admin = await makeUser(t.db, "admin");
    const viewer = await makeUser(t.db, "viewer");
    const viewerSignedInAt = Date.now() - 1_000;
    actAs(admin.id);
    expect(await setUserRoleAction(null, { userId: String(viewer.id), role: "editor" })).toMatchObject({ ok: true });
    expect(await userHistory(viewer.id)).toEqual([
      { action: "update", field: "role", before: "viewer", after: "editor", userId: admin.id },
    ]);
    actAs(viewer.id, viewerSignedInAt);
    expect(await getSessionUser()).toBeNull();
    actAs(viewer.id, Date.now() + 1_000);
    expect(await getSessionUser()).toMatchObject({ role: "editor" });
  });

  it("disables (refusing sign-in and the open session) and enables again, with history", async () => {
    const admin = await makeUser(t.db, "admin");
    const editor = await makeUser(t.db, "editor", { password: "Editor-pass-1" });
    actAs(admin.id);
    expect(await setUserDisabledAction(null, { userId: editor.id, disabled: "true" })).toMatchObject({ ok: true });
    expect(await checkCredentials({ email: editor.email, password: "Editor-pass-1" }, null)).toEqual({ ok: false, reason: "invalid" });
    actAs(editor.id, Date.now() + 60_000);
    expect(await getSessionUser()).toBeNull();
    actAs(admin.id);
    expect(await setUserDisabledAction(null, { userId: editor.id, disabled: "false" })).toMatchObject({ ok: true });
    expect(await checkCredentials({ email: editor.email, password: "Editor-pass-1" }, null)).toMatchObject({ ok: true });
    expect((await userHistory(editor.id)).map((h) => h.action)).toEqual(["disable", "enable"]);
  });

  it("resets a password: the old one stops working, the new one works, the history says only that it happened", async () => {
    const admin = await makeUser(t.db, "admin");
    const editor = await makeUser(t.db, "editor", { password: "Old-password-1" });
    actAs(admin.id);
    expect(await resetUserPasswordAction(null, { userId: editor.id, password: "short" })).toMatchObject({ ok: false });
    expect(await resetUserPasswordAction(null, { userId: editor.id, password: "New-password-2" })).toMatchObject({ ok: true });
    expect(await checkCredentials({ email: editor.email, password: "Old-password-1" }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials({ email: editor.email, password: "New-password-2" }, null)).toMatchObject({ ok: true });
    const rows = await userHistory(editor.id);
    expect(rows).toEqual([{ action: "reset_password", field: "password", before: null, after: "reset", userId: admin.id }]);
  });

  it("does not let an admin lock themselves out or remove the last admin", async () => {
    const admin = await makeUser(t.db, "admin");
    actAs(admin.id);
    expect(await setUserDisabledAction(null, { userId: admin.id, disabled: true })).toEqual({ ok: false, message: ru.users.errors.self_lockout });
    expect(await setUserRoleAction(null, { userId: admin.id, role: "viewer" })).toEqual({ ok: false, message: ru.users.errors.self_lockout });
    const other = await makeUser(t.db, "admin");
    expect(await setUserRoleAction(null, { userId: other.id, role: "editor" })).toMatchObject({ ok: true });
    const [me] = await t.db.select().from(users).where(eq(users.id, admin.id));
    expect(me).toMatchObject({ role: "admin", disabled: false });
  });

  it("answers an unknown user id clearly", async () => {
    const admin = await makeUser(t.db, "admin");
    actAs(admin.id);
    expect(await setUserRoleAction(null, { userId: 424242, role: "editor" })).toEqual({ ok: false, message: ru.users.errors.not_found });
    expect(await setUserDisabledAction(null, { userId: "abc", disabled: true })).toMatchObject({ ok: false });
    expect(await resetUserPasswordAction(null, { userId: 424242, password: "Strong-pass-1" })).toMatchObject({ ok: false });
  });
});
