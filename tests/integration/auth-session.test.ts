import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { endUserSessions } from "@/db/queries/users";
import { users } from "@/db/schema";
import {
  AccessDeniedError,
  getSessionUser,
  requireRole,
  requireRoleAction,
  requireRoleApi,
  requireRolePage,
} from "@/lib/auth/session";
import { actAs, actAsAnonymous, makeUser, resetSessionAfterEach } from "../helpers/auth-session";
import { testDbKinds, useTestDb } from "../helpers/test-db";

/** The target of the redirect Next's redirect() threw, or null. */
async function redirectTarget(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2];
  }
}

describe.each(testDbKinds())("session API on %s", (kind) => {
  const t = useTestDb(kind);
  resetSessionAfterEach();

  it("knows nobody when no one signed in", async () => {
    actAsAnonymous();
    expect(await getSessionUser()).toBeNull();
    await expect(requireRole("viewer")).rejects.toMatchObject({ reason: "anonymous" });
  });

  it("returns the user as the users table says, and orders roles viewer < editor < admin", async () => {
    const editor = await makeUser(t.db, "editor", { name: "Айгуль" });
    actAs(editor.id);
    expect(await getSessionUser()).toEqual({ id: editor.id, email: editor.email, name: "Айгуль", role: "editor" });
    await expect(requireRole("viewer")).resolves.toMatchObject({ id: editor.id });
    await expect(requireRole("editor")).resolves.toMatchObject({ id: editor.id });
    const denied = await requireRole("admin").catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AccessDeniedError);
    expect(denied).toMatchObject({ reason: "forbidden", minimum: "admin" });
  });

  it("reads the role fresh on every call: a role change applies to the next request", async () => {
    const user = await makeUser(t.db, "viewer");
    actAs(user.id);
    await expect(requireRole("editor")).rejects.toMatchObject({ reason: "forbidden" });
    // Changed directly (no session voiding) to show the role itself is never cached.
    await t.db.update(users).set({ role: "editor" }).where(eq(users.id, user.id));
    await expect(requireRole("editor")).resolves.toMatchObject({ role: "editor" });
  });

  it("refuses a disabled user at once", async () => {
    const user = await makeUser(t.db, "admin");
    actAs(user.id);
    expect(await getSessionUser()).not.toBeNull();
    await t.db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect(await getSessionUser()).toBeNull();
  });

  it("voids sessions that began before sessionsValidAfter", async () => {
    const user = await makeUser(t.db, "editor");
    const signedInAt = Date.now();
    actAs(user.id, signedInAt);
    expect(await getSessionUser()).not.toBeNull();
    await t.db
      .update(users)
      .set({ sessionsValidAfter: sql`now() + interval '1 second'` })
      .where(eq(users.id, user.id));
    expect(await getSessionUser()).toBeNull();
    actAs(user.id, signedInAt + 60_000);
    expect(await getSessionUser()).not.toBeNull();
  });

  it("signing out ends the user's sessions on the server, so a re-issued cookie is worthless", async () => {
    const user = await makeUser(t.db, "editor");
    actAs(user.id);
    expect(await getSessionUser()).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await endUserSessions(t.db, user.id);
    expect(await getSessionUser()).toBeNull();
  });

  it("refuses a session naming a user who does not exist", async () => {
    actAs(999_999);
    expect(await getSessionUser()).toBeNull();
  });

  it("requireRoleApi answers 401 anonymously and 403 for a low role, JSON without caching", async () => {
    actAsAnonymous();
    const anon = await requireRoleApi("viewer");
    expect(anon).toBeInstanceOf(Response);
    expect((anon as Response).status).toBe(401);
    expect((anon as Response).headers.get("cache-control")).toBe("no-store");
    expect(await (anon as Response).json()).toHaveProperty("error");
    const viewer = await makeUser(t.db, "viewer");
    actAs(viewer.id);
    const low = await requireRoleApi("editor");
    expect((low as Response).status).toBe(403);
    expect(await requireRoleApi("viewer")).toMatchObject({ id: viewer.id });
  });

  it("requireRoleAction returns { ok: false, message } instead of throwing", async () => {
    actAsAnonymous();
    const anon = await requireRoleAction("viewer");
    expect(anon.ok).toBe(false);
    expect(!anon.ok && anon.message).toMatch(/Войдите/);
    const editor = await makeUser(t.db, "editor");
    actAs(editor.id);
    const low = await requireRoleAction("admin");
    expect(!low.ok && low.message).toMatch(/нет прав/);
    const ok = await requireRoleAction("editor");
    expect(ok).toEqual({ ok: true, user: expect.objectContaining({ id: editor.id }) });
  });

  it("requireRolePage redirects anonymous visitors to /sign-in and low roles to /forbidden", async () => {
    actAsAnonymous();
    expect(await redirectTarget(requireRolePage("viewer"))).toBe("/sign-in");
    const viewer = await makeUser(t.db, "viewer");
    actAs(viewer.id);
    expect(await redirectTarget(requireRolePage("admin"))).toBe("/forbidden");
    expect(await requireRolePage("viewer")).toMatchObject({ id: viewer.id });
  });
});
