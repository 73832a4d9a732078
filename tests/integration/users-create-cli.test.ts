import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { upsertUser } from "@/db/queries/users";
import { history, users } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { getSessionUser } from "@/lib/auth/session";
import { parseUserCreateArgs } from "@/scripts/user-create";
import { actAs, resetSessionAfterEach } from "../helpers/auth-session";
import { testDbKinds, useTestDb } from "../helpers/test-db";

describe("user:create arguments", () => {
  it("accepts a valid set and normalises the e-mail's spaces", () => {
    const r = parseUserCreateArgs(["--email", " ops@senate.kz ", "--password", "Longer-pass-1", "--role", "admin"]);
    expect(r).toEqual({ ok: true, input: { email: "ops@senate.kz", password: "Longer-pass-1", role: "admin", name: null } });
  });

  it.each([
    [["--password", "Longer-pass-1", "--role", "admin"], /Missing --email/],
    [["--email", "x@y.kz", "--password", "Longer-pass-1", "--role", "root"], /viewer, editor or admin/],
    [["--email", "not-mail", "--password", "Longer-pass-1", "--role", "admin"], /valid e-mail/],
    [["--email", "x@y.kz", "--password", "Short-1", "--role", "admin"], /at least 10/],
    [["--email", "x@y.kz", "--password", "onlylowercaseletters", "--role", "admin"], /two kinds/],
    [["--email", "ops@y.kz", "--password", "OPS@y.kz-2024", "--role", "admin"], /e-mail/],
    [["--email", "x@y.kz", "--password", "Longer-pass-1", "--role", "admin", "--bogus", "1"], /Unknown option/],
  ])("refuses %j with a clear error", (args, message) => {
    const r = parseUserCreateArgs(args);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join(" ")).toMatch(message);
  });
});

describe.each(testDbKinds())("user:create on %s", (kind) => {
  const t = useTestDb(kind);
  resetSessionAfterEach();

  it("creates, then updates role and password (re-enabling, voiding sessions), recording history", async () => {
    const first = await upsertUser(t.db, { email: "ops@senate.kz", password: "First-pass-1", role: "viewer", name: null });
    expect(first.created).toBe(true);
    await t.db.update(users).set({ disabled: true }).where(eq(users.id, first.id));
    const oldSession = Date.now() - 1_000;
    const second = await upsertUser(t.db, { email: "OPS@senate.kz", password: "Second-pass-2", role: "admin" });
    expect(second).toEqual({ id: first.id, created: false });
    const [row] = await t.db.select().from(users).where(eq(users.id, first.id));
    expect(row).toMatchObject({ role: "admin", disabled: false, email: "ops@senate.kz" });
    expect(await checkCredentials({ email: "ops@senate.kz", password: "First-pass-1" }, null)).toMatchObject({ ok: false });
    expect(await checkCredentials({ email: "ops@senate.kz", password: "Second-pass-2" }, null)).toMatchObject({ ok: true });
    actAs(first.id, oldSession);
    expect(await getSessionUser()).toBeNull();
    const actions = await t.db.select({ action: history.action, field: history.field }).from(history).orderBy(asc(history.id));
    expect(actions).toEqual([
      { action: "create", field: null },
      { action: "reset_password", field: "password" },
      { action: "update", field: "role" },
      { action: "enable", field: "disabled" },
    ]);
  });
});

describe("npm run user:create (the command)", () => {
  it("exits 2 on invalid arguments, 0 when done, 1 when the embedded database is locked by another process", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-user-create-"));
    const run = (...args: string[]) =>
      spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/user-create.ts", ...args], {
        cwd: process.cwd(),
        env: { ...process.env, CHRONICLE_DATA_DIR: dataDir, DATABASE_URL: "" },
        encoding: "utf8",
        timeout: 120_000,
      });
    try {
      const bad = run("--email", "ops@senate.kz", "--password", "short", "--role", "admin");
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/at least 10 characters/);
      const ok = run("--email", "ops@senate.kz", "--password", "Longer-pass-1", "--role", "admin");
      expect(ok.stderr).not.toMatch(/error/i);
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/Created ops@senate.kz with role admin/);
      // Pretend a live process (this test) holds the embedded database.
      fs.writeFileSync(path.join(dataDir, "pglite.lock"), String(process.pid));
      const locked = run("--email", "ops@senate.kz", "--password", "Longer-pass-3", "--role", "editor");
      expect(locked.status).toBe(1);
      expect(locked.stderr).toMatch(/already open in another Chronicle process/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
