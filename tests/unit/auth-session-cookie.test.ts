import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { claimFromCookies } from "@/lib/auth/session";

const secret = "unit-secret-unit-secret-unit-secret-0000";
const plain = "authjs.session-token";
const secure = "__Secure-authjs.session-token";

function jar(cookies: Record<string, string>) {
  return {
    get: (name: string) => (name in cookies ? { value: cookies[name] } : undefined),
    getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
  };
}

const token = (salt: string, claims: Record<string, unknown> = { userId: 7, signedInAt: 1_700_000_000_000 }, maxAge = 3600, key = secret) =>
  encode({ token: claims, secret: key, salt, maxAge });

describe("reading the session claim from the cookie", () => {
  it("reads the user and sign-in time from a valid token under either cookie name", async () => {
    expect(await claimFromCookies(jar({ [plain]: await token(plain) }), secret)).toEqual({ userId: 7, signedInAt: 1_700_000_000_000 });
    expect(await claimFromCookies(jar({ [secure]: await token(secure) }), secret)).toEqual({ userId: 7, signedInAt: 1_700_000_000_000 });
  });

  it("joins a token split into chunks", async () => {
    const t = await token(plain);
    const cut = Math.floor(t.length / 2);
    expect(await claimFromCookies(jar({ [`${plain}.1`]: t.slice(cut), [`${plain}.0`]: t.slice(0, cut) }), secret)).toEqual({
      userId: 7,
      signedInAt: 1_700_000_000_000,
    });
  });

  it("refuses a tampered, expired, foreign or misnamed token, and claims without a user", async () => {
    const t = await token(plain);
    const tampered = t.slice(0, -4) + (t.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await claimFromCookies(jar({ [plain]: tampered }), secret)).toBeNull();
    expect(await claimFromCookies(jar({ [plain]: await token(plain, undefined, -60) }), secret)).toBeNull();
    expect(await claimFromCookies(jar({ [plain]: await token(plain, undefined, 3600, "another-secret-another-secret-0000000") }), secret)).toBeNull();
    // The cookie name is the key-derivation salt: a token moved to the other name does not decode.
    expect(await claimFromCookies(jar({ [secure]: t }), secret)).toBeNull();
    expect(await claimFromCookies(jar({ [plain]: await token(plain, { userId: "x", signedInAt: 1 }) }), secret)).toBeNull();
    expect(await claimFromCookies(jar({}), secret)).toBeNull();
  });
});
