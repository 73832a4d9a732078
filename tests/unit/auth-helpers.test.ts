import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { clientAddress } from "@/lib/auth/client-address";
import { AuthSecretError, authSecretFile, ensureAuthSecret } from "@/lib/auth/secret";
import { roleAtLeast } from "@/lib/auth/session";
import { passwordProblem } from "@/lib/validations/users";

describe("password strength", () => {
  it.each([
    ["short-1A", "password_short"],
    ["aaaaaaaaaaaa", "password_one_class"],
    ["123456789012", "password_one_class"],
    ["пароль-пароль", null],
    ["ПарольДлинный", null],
    ["correct horse battery", null],
    ["Aigul.senate-2024", "password_email"],
    ["x".repeat(257) + "A", "password_long"],
  ])("%s → %s", (password, problem) => {
    expect(passwordProblem(password, "aigul.senate@parlam.kz")).toBe(problem);
  });
});

describe("roles", () => {
  it("orders viewer < editor < admin", () => {
    expect(roleAtLeast("viewer", "viewer")).toBe(true);
    expect(roleAtLeast("viewer", "editor")).toBe(false);
    expect(roleAtLeast("editor", "viewer")).toBe(true);
    expect(roleAtLeast("editor", "admin")).toBe(false);
    expect(roleAtLeast("admin", "editor")).toBe(true);
  });
});

describe("callbackUrl after sign-in", () => {
  it.each([
    ["/records?status=pending", "/records?status=pending"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/sign-in", "/"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});

describe("client address", () => {
  afterEach(() => {
    delete process.env.CHRONICLE_TRUSTED_PROXIES;
  });

  it("behind one proxy takes the address it appended, not the ones a client wrote before it", () => {
    process.env.CHRONICLE_TRUSTED_PROXIES = "1";
    // scripts/next-server.mjs appends the socket's address (the proxy, 10.0.0.1) last.
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 7.7.7.7, 198.51.100.4, 10.0.0.1" });
    expect(clientAddress(h)).toBe("198.51.100.4");
  });

  it("behind two proxies takes what the outer one saw", () => {
    process.env.CHRONICLE_TRUSTED_PROXIES = "2";
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2, 10.0.0.1" });
    expect(clientAddress(h)).toBe("203.0.113.9");
  });

  it("without proxies uses the socket's address the server wrote", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "10.0.0.5" }))).toBe("10.0.0.5");
  });

  it("is null without any address", () => {
    expect(clientAddress(new Headers())).toBeNull();
  });
});

describe("AUTH_SECRET", () => {
  const saved = { secret: process.env.AUTH_SECRET, url: process.env.DATABASE_URL, dir: process.env.CHRONICLE_DATA_DIR };
  afterEach(() => {
    for (const [k, v] of [
      ["AUTH_SECRET", saved.secret],
      ["DATABASE_URL", saved.url],
      ["CHRONICLE_DATA_DIR", saved.dir],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it("is generated once for the embedded default, kept with mode 600, and reused", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-secret-"));
    delete process.env.AUTH_SECRET;
    delete process.env.DATABASE_URL;
    process.env.CHRONICLE_DATA_DIR = path.join(dir, "nested");
    ensureAuthSecret();
    const first = process.env.AUTH_SECRET!;
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(fs.statSync(authSecretFile()).mode & 0o777).toBe(0o600);
    delete process.env.AUTH_SECRET;
    ensureAuthSecret();
    expect(process.env.AUTH_SECRET).toBe(first);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is required with DATABASE_URL, refused in one sentence that does not print any secret", () => {
    delete process.env.AUTH_SECRET;
    process.env.DATABASE_URL = "postgres://u:p@db.example/chronicle";
    expect(() => ensureAuthSecret()).toThrow(AuthSecretError);
    expect(() => ensureAuthSecret()).toThrow(/AUTH_SECRET must be set when DATABASE_URL is set/);
  });

  it("leaves a configured secret alone", () => {
    process.env.AUTH_SECRET = "configured-secret-value-configured-secret";
    process.env.DATABASE_URL = "postgres://u:p@db.example/chronicle";
    ensureAuthSecret();
    expect(process.env.AUTH_SECRET).toBe("configured-secret-value-configured-secret");
  });
});
